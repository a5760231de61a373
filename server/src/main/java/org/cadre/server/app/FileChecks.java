package org.cadre.server.app;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.cadre.curriculum.Curriculum;
import org.cadre.finding.Findings;
import org.cadre.roster.Event;
import org.cadre.roster.EventCheck;
import org.cadre.roster.EventRoster;
import org.cadre.roster.Person;
import org.cadre.roster.Programme;
import org.cadre.server.app.Outcome.Refusal;
import org.cadre.server.values.Versioned;

/**
 * Checking an event described in a file against what the store holds ({@code cadre check}): its programme,
 * its package version (stored, or given as a file), the roster on record and the trainers its agenda names.
 */
public final class FileChecks {

    private final Stores stores;

    FileChecks(Stores stores) {
        this.stores = stores;
    }

    /** What the check found, over the roster it judged; {@code stored} when a roster is on record for the event. */
    public record Checked(EventRoster roster, boolean stored, Findings findings) {}

    /**
     * The event's checks over the stored roster (or an empty one), with {@code curriculum} if given, else the
     * stored package version. Refused when the programme or the package version is not stored.
     */
    public Outcome<Checked> event(Event event, Optional<Curriculum> curriculumFile) {
        String where = stores.db.description();
        Optional<Programme> programme = stores.programmes.get(event.programme()).map(Versioned::value);
        if (programme.isEmpty()) {
            return Outcome.refused(Refusal.UNPROCESSABLE, "programme: " + event.programme() + " is not stored in " + where + ".");
        }
        Optional<Curriculum> curriculum = curriculumFile.or(() -> stores.curricula.get(event.curriculum(), event.version()));
        if (curriculum.isEmpty()) {
            return Outcome.refused(Refusal.UNPROCESSABLE, "curriculum: version " + event.version() + " of " + event.curriculum()
                    + " is not stored in " + where + "; give it with --curriculum FILE.");
        }
        Curriculum c = curriculum.get();
        if (!c.id().equals(event.curriculum()) || !c.version().equals(event.version())) {
            return Outcome.refused(Refusal.UNPROCESSABLE, "--curriculum: the file holds " + c.id() + " " + c.version()
                    + ", the event delivers " + event.curriculum() + " " + event.version() + ".");
        }
        Optional<EventRoster> stored = stores.rosters.load(event.id(), c);
        // The trainers the file's agenda names, as recorded, so the check sees who they are.
        List<Person> trainers = stores.people.byIds(event.agenda().stream().flatMap(slot -> slot.trainers().stream())
                .collect(Collectors.toSet())).values().stream().map(Versioned::value).toList();
        EventRoster roster = stored.map(EventRoster::toBuilder)
                .orElseGet(() -> EventRoster.builder(event, programme.get(), c)
                        .organisations(stores.organisations.all().stream().map(Versioned::value).toList())
                        .pool(stores.trainers.pool()))
                .event(event).people(trainers).build();
        return Outcome.done(new Checked(roster, stored.isPresent(),
                EventCheck.of(roster).on(stores.todayAt(event)).run()));
    }
}
