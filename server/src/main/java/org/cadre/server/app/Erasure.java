package org.cadre.server.app;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.cadre.roster.PersonId;
import org.cadre.roster.RetentionPolicy;
import org.cadre.server.app.Outcome.Refusal;
import org.cadre.server.security.Access;
import org.cadre.server.store.Database;
import org.cadre.server.store.People;
import org.cadre.server.store.Retention;
import org.cadre.server.security.UserAccount;

/**
 * Erasing people, for the API and the command line alike (administrators only): one person on request,
 * or everyone the retention policy says is due. A person's names, rank and feedback comments are removed
 * and scrubbed from the audit log, which records the erasure without the values; counts in reports stay.
 * Afterwards nothing of the erased values stays in the SQLite file or its log.
 */
public final class Erasure {

    /** How long participant records are kept by default after their last event: five years. */
    public static final RetentionPolicy DEFAULT_POLICY = RetentionPolicy.years(5);

    private final Database db;
    private final People people;
    private final Retention retention;
    private final org.cadre.server.store.RosterUploads uploads;

    private final java.time.Clock clock;

    Erasure(Database db, java.time.Clock clock, People people, Retention retention, org.cadre.server.store.RosterUploads uploads) {
        this.db = db;
        this.clock = clock;
        this.people = people;
        this.retention = retention;
        this.uploads = uploads;
    }

    public Outcome<PersonId> erase(UserAccount actor, String id) {
        if (!Access.managesUsers(actor)) {
            return Outcome.refused(Refusal.FORBIDDEN, "Only an administrator erases a person.");
        }
        PersonId person;
        try {
            person = PersonId.of(id);
        } catch (IllegalArgumentException e) {
            return Outcome.refused(Refusal.NOT_FOUND, "There is no such person.");
        }
        if (people.get(person).isEmpty()) {
            return Outcome.refused(Refusal.NOT_FOUND, "There is no such person.");
        }
        people.erase(person, actor.username());
        uploads.forgetAll(); // a roster file waiting for its import may name the person: checked again if still wanted
        db.forgetOverwritten();
        org.cadre.roster.names.NameKey.forgetRemembered(); // the erased name, among others, no longer in memory
        return Outcome.done(person);
    }

    /** Who a retention run found due, on the day it was judged. */
    public record Retained(LocalDate on, List<PersonId> people) {}

    /** Who the policy says is due on {@code on} (by default today): erased unless {@code dryRun}. */
    public Outcome<Retained> applyRetention(UserAccount actor, Optional<LocalDate> on, RetentionPolicy policy, boolean dryRun) {
        if (!Access.managesUsers(actor)) {
            return Outcome.refused(Refusal.FORBIDDEN, "Only an administrator applies the retention policy.");
        }
        LocalDate day = on.orElseGet(() -> LocalDate.now(clock));
        // Today somewhere on Earth at the latest: a run that erases judges no day ahead, where a mistyped year (2999) would
        // erase everyone not in the pool, irreversibly (the attacker's review of session 23). A dry run may look ahead.
        LocalDate latest = LocalDate.now(clock.withZone(java.time.ZoneOffset.ofHours(14)));
        if (!dryRun && day.isAfter(latest)) {
            return Outcome.refused(Refusal.INVALID, "A retention run that erases is judged on a day that has come.",
                    List.of("on: must not be after today (" + latest + "); a dry run may look ahead"));
        }
        if (dryRun) {
            return Outcome.done(new Retained(day, retention.due(day, policy)));
        }
        List<PersonId> erased = retention.apply(day, policy, actor.username());
        if (!erased.isEmpty()) {
            uploads.forgetAll();
        }
        db.forgetOverwritten();
        if (!erased.isEmpty()) {
            org.cadre.roster.names.NameKey.forgetRemembered();
        }
        return Outcome.done(new Retained(day, erased));
    }
}
