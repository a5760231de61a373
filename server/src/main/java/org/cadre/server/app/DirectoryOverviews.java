package org.cadre.server.app;

import java.util.Comparator;
import java.util.List;
import org.cadre.reporting.ResultsFramework;
import org.cadre.roster.Programme;
import org.cadre.server.security.UserAccount;
import org.cadre.server.values.Versioned;

/**
 * What the directory pages show at once, gathered from the use cases in one call: a programme with its events
 * and results framework; a trainer's progression with the events evidence may name. Each part is as its own
 * use case gives it (the same permission and scope).
 */
public final class DirectoryOverviews {

    private final Directory directory;
    private final EventRecords events;
    private final Frameworks frameworks;
    private final TrainerPoolWork pool;

    DirectoryOverviews(Directory directory, EventRecords events, Frameworks frameworks, TrainerPoolWork pool) {
        this.directory = directory;
        this.events = events;
        this.frameworks = frameworks;
        this.pool = pool;
    }

    /** A programme, its events in the user's scope (earliest first) and its results framework. */
    public record ProgrammeOverview(Versioned<Programme> programme, List<EventRecords.Stored> events, Versioned<ResultsFramework> framework) {}

    /** The programme, if the user's scope covers it, with its events and framework. */
    public Outcome<ProgrammeOverview> programme(UserAccount user, String id) {
        return directory.programmes().read(user, id).then(p -> events.list(user).then(all -> frameworks.read(user, id)
                .map(f -> new ProgrammeOverview(p, all.stream().filter(e -> e.event().value().programme().equals(p.value().id()))
                        .sorted(Comparator.comparing(e -> e.event().value().courseDays().first())).toList(), f))));
    }

    /**
     * A trainer's progression in a package; whether the user may add evidence to it; and the events in the user's
     * scope that evidence may name (latest first; none for a role that reads no events).
     */
    public record TrainerOverview(TrainerPoolWork.Progression progression, boolean mayAddEvidence, List<EventRecords.Stored> events) {}

    public Outcome<TrainerOverview> trainer(UserAccount user, String person, String curriculum) {
        return pool.progression(user, person, curriculum).map(p -> {
            boolean mayAdd = pool.mayAddEvidence(user, person, curriculum).isDone();
            List<EventRecords.Stored> named = mayAdd ? events.list(user).value().orElse(List.of()).stream()
                    .sorted(Comparator.comparing((EventRecords.Stored e) -> e.event().value().courseDays().first()).reversed()).toList()
                    : List.of();
            return new TrainerOverview(p, mayAdd, named);
        });
    }
}
