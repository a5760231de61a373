package org.cadre.roster;

import com.google.common.collect.ImmutableList;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.cadre.finding.Finding;
import org.cadre.finding.Result;
import org.cadre.kernel.Require;
import org.cadre.roster.pool.Evidence;
import org.cadre.roster.pool.TrainerRecord;

/**
 * The trainer-pool steps an event gives by itself, so nobody types them twice: a certified ToT graduate is
 * admitted and becomes a co-trainer ({@link #graduates}); a closed event counts a delivery for each trainer
 * who led sessions and a co-delivery for each co-trainer ({@link #deliveries}). Each piece of evidence names
 * the event and is dated on its last course day. A step already recorded for the event is not recorded again;
 * a step the pool's rules refuse is a warning, never a silent loss.
 */
public final class PoolFromEvents {

    private PoolFromEvents() {}

    /** The records that changed, and a finding for every step recorded or refused. */
    public record Steps(ImmutableList<TrainerRecord> records, ImmutableList<Finding> findings) {
        /**
         * Copies the lists.
         *
         * @param records the trainer-pool records that changed, one per trainer
         * @param findings one {@code trainers.step-recorded} or {@code trainers.step-refused} per step
         * @throws IllegalArgumentException if a list is missing or holds a null
         */
        public Steps {
            records = Require.list(records, "Steps.records");
            findings = Require.list(findings, "Steps.findings");
        }
    }

    /**
     * For a ToT of a package that certifies trainers: each certified participant enters the pool (ToT
     * enrolment on the first course day) and becomes a co-trainer (ToT completion on the last course day).
     * Other events give no step.
     *
     * @param roster the ToT's roster, with the trainer pool as it stands
     * @param decisions the certification decisions, from {@link Certification#evaluate(EventRoster)}
     * @return the new and changed records, and a finding per step
     */
    public static Steps graduates(EventRoster roster, List<Certification.Decision> decisions) {
        Require.present(roster, "roster");
        Require.present(decisions, "decisions");
        Event event = roster.event();
        Optional<Period> validity = roster.curriculum().certification().certificateValidity();
        if (event.kind() != Event.Kind.TOT || validity.isEmpty()) {
            return new Steps(ImmutableList.of(), ImmutableList.of());
        }
        List<TrainerRecord> records = new ArrayList<>();
        List<Finding> findings = new ArrayList<>();
        LocalDate first = event.courseDays().first();
        LocalDate last = event.courseDays().last();
        String note = "certified at " + event.title();
        for (Certification.Decision d : decisions) {
            if (!d.certified()) {
                continue;
            }
            String subject = "pool/" + event.curriculum() + "/" + d.person();
            Optional<TrainerRecord> current = roster.pool().record(d.person(), event.curriculum());
            if (current.filter(r -> hasEvidence(r, event.id(), Set.of(Evidence.Kind.TOT_COMPLETED))).isPresent()) {
                continue; // certified at this ToT before: recorded then
            }
            Result<TrainerRecord> next = current
                    .map(Result::ok)
                    .orElseGet(() -> TrainerRecord.admit(d.person(), event.curriculum(), validity.get(),
                            Evidence.of(Evidence.Kind.TOT_ENROLLED, first, event.id(), "enrolled at " + event.title())));
            if (next.isOk() && next.value().status() != org.cadre.roster.pool.PoolStatus.TRAINEE) {
                findings.add(RosterCommand.POOL_RECORDED.finding(subject, "already a " + next.value().status().label()
                        + " in the pool; nothing to record"));
                continue;
            }
            next = next.then(r -> r.apply(Evidence.of(Evidence.Kind.TOT_COMPLETED, last, event.id(), note), Optional.empty()));
            add(next, subject, current.isEmpty() ? "admitted (ToT enrolment, " + first + ") and completed the ToT (" + last + "): co-trainer"
                    : "completed the ToT (" + last + "): co-trainer", records, findings);
        }
        return new Steps(ImmutableList.copyOf(records), ImmutableList.copyOf(findings));
    }

    /**
     * For a ToT, cascade or refresher: a delivery for each trainer and a co-delivery for each co-trainer who
     * holds a seat and delivers a session on the agenda. Courses and guest trainers give no step (they are
     * outside the pool).
     *
     * @param roster the event's roster, with the trainer pool as it stands
     * @return the changed records, and a finding per step (a trainer outside the pool is a warning)
     */
    public static Steps deliveries(EventRoster roster) {
        Require.present(roster, "roster");
        Event event = roster.event();
        if (!event.kind().needsPoolTrainers()) {
            return new Steps(ImmutableList.of(), ImmutableList.of());
        }
        Set<PersonId> onAgenda = new HashSet<>();
        event.agenda().forEach(s -> onAgenda.addAll(s.trainers()));
        List<TrainerRecord> records = new ArrayList<>();
        List<Finding> findings = new ArrayList<>();
        LocalDate last = event.courseDays().last();
        for (Enrolment e : roster.seatedTrainers()) {
            if (e.role() == Role.GUEST_TRAINER || !onAgenda.contains(e.person())) {
                continue;
            }
            String subject = "pool/" + event.curriculum() + "/" + e.person();
            Optional<TrainerRecord> current = roster.pool().record(e.person(), event.curriculum());
            if (current.isEmpty()) {
                findings.add(RosterCommand.POOL_NOT_RECORDED.finding(subject, "delivered sessions but is not in the trainer pool for "
                        + event.curriculum() + "; nothing counted"));
                continue;
            }
            if (hasEvidence(current.get(), event.id(), Set.of(Evidence.Kind.DELIVERY, Evidence.Kind.CO_DELIVERY,
                    Evidence.Kind.OBSERVED_CO_DELIVERY))) {
                continue; // counted for this event already
            }
            Evidence.Kind kind = e.role() == Role.TRAINER ? Evidence.Kind.DELIVERY : Evidence.Kind.CO_DELIVERY;
            Result<TrainerRecord> next = current.get().apply(
                    Evidence.of(kind, last, event.id(), (kind == Evidence.Kind.DELIVERY ? "delivered " : "co-delivered ") + event.title()),
                    Optional.empty());
            add(next, subject, kind == Evidence.Kind.DELIVERY ? "a delivery counted" : "a co-delivery counted", records, findings);
        }
        return new Steps(ImmutableList.copyOf(records), ImmutableList.copyOf(findings));
    }

    private static boolean hasEvidence(TrainerRecord r, EventId event, Set<Evidence.Kind> kinds) {
        return r.history().stream().flatMap(h -> h.evidence().stream())
                .anyMatch(ev -> kinds.contains(ev.kind()) && ev.event().equals(Optional.of(event)));
    }

    private static void add(Result<TrainerRecord> next, String subject, String done, List<TrainerRecord> records,
            List<Finding> findings) {
        if (next.isOk()) {
            records.add(next.value());
            findings.add(RosterCommand.POOL_RECORDED.finding(subject, done));
        } else {
            next.refusal().forEach(f -> findings.add(RosterCommand.POOL_NOT_RECORDED.finding(subject, f.message())));
        }
    }
}
