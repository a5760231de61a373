package org.cadre.roster.pool;

import com.google.common.collect.ImmutableList;
import java.time.LocalDate;
import java.time.Period;
import java.util.Optional;
import org.cadre.curriculum.CurriculumId;
import org.cadre.finding.Result;
import org.cadre.kernel.Require;
import org.cadre.roster.PersonId;

/**
 * One person's standing in the trainer pool of one package: status, activity, certificate validity and
 * the full dated history behind them. Immutable; every command returns a new record or a refusal that
 * changes nothing ({@link PoolRefusal}).
 *
 * <p>Progression: admitted as {@link PoolStatus#TRAINEE} on {@link Evidence.Kind#TOT_ENROLLED};
 * {@link PoolStatus#CO_TRAINER} on {@link Evidence.Kind#TOT_COMPLETED};
 * {@link PoolStatus#CERTIFIED_TRAINER} on {@link Evidence.Kind#OBSERVED_CO_DELIVERY}, which starts the
 * certificate; {@link PoolStatus#LEAD_TRAINER} after {@value #DELIVERIES_FOR_LEAD} recorded
 * {@link Evidence.Kind#DELIVERY deliveries} as a certified trainer while the certificate is valid.
 * {@link Evidence.Kind#RECERTIFICATION} restarts the certificate's validity period.
 */
public final class TrainerRecord {

    /** Deliveries as a certified trainer needed to become a lead trainer. */
    public static final int DELIVERIES_FOR_LEAD = 3;

    /**
     * How recent a trainer's last activity must be for them to count as active: see {@link #isActiveOn}, the one
     * definition the API and every report use.
     */
    public static final Period ACTIVE_WITHIN = Period.ofYears(2);

    private final PersonId person;
    private final CurriculumId curriculum;
    private final Period validity;
    private final PoolStatus status;
    private final boolean active;
    private final Optional<LocalDate> certifiedUntil;
    private final ImmutableList<Entry> history;

    private TrainerRecord(PersonId person, CurriculumId curriculum, Period validity, PoolStatus status, boolean active,
            Optional<LocalDate> certifiedUntil, ImmutableList<Entry> history) {
        this.person = person;
        this.curriculum = curriculum;
        this.validity = validity;
        this.status = status;
        this.active = active;
        this.certifiedUntil = certifiedUntil;
        this.history = history;
    }

    /**
     * As {@link #admit(PersonId, CurriculumId, Period, Evidence)}, with the status the evidence is offered for:
     * admission makes a trainee, so any other is refused ({@code pool.step-skipped}) rather than dropped.
     *
     * @param person who is admitted
     * @param curriculum the package whose pool they join
     * @param validity how long a certificate in this pool runs
     * @param enrolled the evidence of their ToT enrolment
     * @param promoteTo the status asked for; empty or trainee for an admission
     * @return the new record, or the refusal
     */
    public static Result<TrainerRecord> admit(PersonId person, CurriculumId curriculum, Period validity, Evidence enrolled,
            Optional<PoolStatus> promoteTo) {
        Require.present(promoteTo, "promoteTo");
        if (promoteTo.isPresent() && promoteTo.get() != PoolStatus.TRAINEE) {
            return Result.refused(PoolRefusal.STEP_SKIPPED.finding(subject(person, curriculum), "admission makes a trainee, not a "
                    + promoteTo.get().label() + "; a promotion comes with later evidence, one level at a time"));
        }
        return admit(person, curriculum, validity, enrolled);
    }

    /**
     * Admits a trainee on evidence of ToT enrolment.
     *
     * @param person who is admitted
     * @param curriculum the package whose pool they join
     * @param validity how long a certificate runs (the package's certification criteria)
     * @param enrolled evidence of the ToT enrolment
     * @return a trainee's record, or {@code pool.evidence-missing} for evidence of another kind
     */
    public static Result<TrainerRecord> admit(PersonId person, CurriculumId curriculum, Period validity, Evidence enrolled) {
        Require.present(person, "person");
        Require.present(curriculum, "curriculum");
        Require.present(validity, "validity");
        Require.present(enrolled, "evidence");
        String subject = subject(person, curriculum);
        if (enrolled.kind() != Evidence.Kind.TOT_ENROLLED) {
            return Result.refused(PoolRefusal.EVIDENCE_MISSING.finding(subject,
                    "admission as trainee needs evidence of ToT enrolment (tot-enrolled), got " + org.cadre.kernel.Label.of(enrolled.kind())));
        }
        return Result.ok(new TrainerRecord(person, curriculum, validity, PoolStatus.TRAINEE, true, Optional.empty(),
                ImmutableList.of(new Entry(Entry.Kind.STEP, enrolled.on(), Optional.of(PoolStatus.TRAINEE),
                        Optional.of(enrolled), "admitted"))));
    }

    /**
     * The step a piece of evidence stands for: ToT completion makes a co-trainer, an observed co-delivery a
     * certified trainer, a delivery is counted, a recertification renews the certificate; with
     * {@code promoteTo}, the evidence is offered for that promotion instead (a delivery for lead trainer,
     * say). ToT enrolment admits only someone not yet in the pool ({@link #admit}); here it is refused.
     *
     * @param evidence what happened
     * @param promoteTo the promotion it is offered for; empty for the step the evidence stands for
     * @return the new record (this one is unchanged), or the refusal
     */
    public Result<TrainerRecord> apply(Evidence evidence, Optional<PoolStatus> promoteTo) {
        Require.present(evidence, "evidence");
        Require.present(promoteTo, "promoteTo");
        if (promoteTo.isPresent()) {
            return promote(promoteTo.get(), evidence);
        }
        return switch (evidence.kind()) {
            case TOT_ENROLLED -> Result.refused(PoolRefusal.ALREADY.finding(subject(), "is in the pool for this package already"));
            case TOT_COMPLETED -> promote(PoolStatus.CO_TRAINER, evidence);
            case OBSERVED_CO_DELIVERY -> promote(PoolStatus.CERTIFIED_TRAINER, evidence);
            case DELIVERY -> recordDelivery(evidence);
            case CO_DELIVERY -> recordCoDelivery(evidence);
            case RECERTIFICATION -> recertify(evidence);
        };
    }

    /**
     * Moves up one level on the evidence that level requires.
     *
     * @param target the next level
     * @param evidence what backs it
     * @return the new record, or {@code pool.step-skipped}, {@code pool.evidence-missing},
     *     {@code pool.inactive}, {@code pool.backdated} or {@code pool.certificate-expired}
     */
    public Result<TrainerRecord> promote(PoolStatus target, Evidence evidence) {
        Require.present(target, "target");
        Require.present(evidence, "evidence");
        Optional<Result<TrainerRecord>> refusal = refuseIfInactiveOrBackdated(evidence.on());
        if (refusal.isPresent()) {
            return refusal.get();
        }
        if (status.next().filter(target::equals).isEmpty()) {
            return Result.refused(PoolRefusal.STEP_SKIPPED.finding(subject(), "cannot go from " + status.label() + " to "
                    + target.label() + "; the next step is " + status.next().map(PoolStatus::label).orElse("none")));
        }
        return switch (target) {
            case TRAINEE -> throw new AssertionError("trainee is never a promotion target");
            case CO_TRAINER -> needs(Evidence.Kind.TOT_COMPLETED, evidence).then(e ->
                    Result.ok(step(target, e, certifiedUntil)));
            case CERTIFIED_TRAINER -> needs(Evidence.Kind.OBSERVED_CO_DELIVERY, evidence).then(e ->
                    Result.ok(step(target, e, Optional.of(e.on().plus(validity)))));
            case LEAD_TRAINER -> promoteToLead(evidence);
        };
    }

    private Result<TrainerRecord> promoteToLead(Evidence evidence) {
        if (!isCertifiedOn(evidence.on())) {
            return Result.refused(PoolRefusal.CERTIFICATE_EXPIRED.finding(subject(),
                    "the certificate expired on " + certifiedUntil.orElseThrow() + "; recertify first"));
        }
        long deliveries = deliveries();
        if (deliveries < DELIVERIES_FOR_LEAD) {
            return Result.refused(PoolRefusal.EVIDENCE_MISSING.finding(subject(), "lead trainer needs "
                    + DELIVERIES_FOR_LEAD + " deliveries as a certified trainer, " + deliveries + " recorded"));
        }
        return Result.ok(step(PoolStatus.LEAD_TRAINER, evidence, certifiedUntil));
    }

    /**
     * Records a training the certified trainer delivered.
     *
     * @param delivery evidence of the delivery
     * @return the new record, or {@code pool.not-certified}, {@code pool.certificate-expired},
     *     {@code pool.inactive} or {@code pool.backdated}
     */
    public Result<TrainerRecord> recordDelivery(Evidence delivery) {
        Require.present(delivery, "evidence");
        Optional<Result<TrainerRecord>> refusal = refuseIfInactiveOrBackdated(delivery.on());
        if (refusal.isPresent()) {
            return refusal.get();
        }
        if (!status.isAtLeast(PoolStatus.CERTIFIED_TRAINER)) {
            return Result.refused(PoolRefusal.NOT_CERTIFIED.finding(subject(),
                    "a " + status.label() + " cannot record a delivery; co-deliveries count as observed co-delivery evidence"));
        }
        if (!isCertifiedOn(delivery.on())) {
            return Result.refused(PoolRefusal.CERTIFICATE_EXPIRED.finding(subject(),
                    "the certificate expired on " + certifiedUntil.orElseThrow() + "; recertify first"));
        }
        return needs(Evidence.Kind.DELIVERY, delivery).then(e ->
                Result.ok(with(Entry.Kind.DELIVERY, e.on(), Optional.of(e), "delivered", status, active, certifiedUntil)));
    }

    /**
     * Records a training co-delivered as a co-trainer (or above) without observation for certification: it
     * counts as teaching for {@link #isActiveOn} and in reports, and promotes no one.
     *
     * @param coDelivery evidence of the co-delivery
     * @return the new record, or the refusal (a trainee cannot co-deliver yet)
     */
    public Result<TrainerRecord> recordCoDelivery(Evidence coDelivery) {
        Require.present(coDelivery, "evidence");
        Optional<Result<TrainerRecord>> refusal = refuseIfInactiveOrBackdated(coDelivery.on());
        if (refusal.isPresent()) {
            return refusal.get();
        }
        if (!status.isAtLeast(PoolStatus.CO_TRAINER)) {
            return Result.refused(PoolRefusal.STEP_SKIPPED.finding(subject(),
                    "a " + status.label() + " cannot co-deliver yet; completing the ToT makes a co-trainer"));
        }
        return needs(Evidence.Kind.CO_DELIVERY, coDelivery).then(e ->
                Result.ok(with(Entry.Kind.CO_DELIVERY, e.on(), Optional.of(e), "co-delivered", status, active, certifiedUntil)));
    }

    /**
     * Restarts the certificate's validity from the day of recertification.
     *
     * @param recertification evidence of it
     * @return the new record, or {@code pool.not-certified} for someone without a certificate
     */
    public Result<TrainerRecord> recertify(Evidence recertification) {
        Require.present(recertification, "evidence");
        Optional<Result<TrainerRecord>> refusal = refuseIfInactiveOrBackdated(recertification.on());
        if (refusal.isPresent()) {
            return refusal.get();
        }
        if (!status.isAtLeast(PoolStatus.CERTIFIED_TRAINER)) {
            return Result.refused(PoolRefusal.NOT_CERTIFIED.finding(subject(), "a " + status.label() + " has no certificate to renew"));
        }
        return needs(Evidence.Kind.RECERTIFICATION, recertification).then(e -> Result.ok(with(Entry.Kind.RECERTIFIED,
                e.on(), Optional.of(e), "recertified", status, active, Optional.of(e.on().plus(validity)))));
    }

    /**
     * Takes the trainer out of active service, keeping the level reached.
     *
     * @param on the day
     * @param reason why, for the history; not blank
     * @return the new record, or {@code pool.no-change} if already inactive
     * @throws IllegalArgumentException if the reason is blank
     */
    public Result<TrainerRecord> inactivate(LocalDate on, String reason) {
        String why = Require.text(reason, "reason");
        if (!active) {
            return Result.refused(PoolRefusal.ALREADY.finding(subject(), "already inactive"));
        }
        Optional<Result<TrainerRecord>> backdated = refuseIfBackdated(on);
        return backdated.orElseGet(() ->
                Result.ok(with(Entry.Kind.INACTIVATED, on, Optional.empty(), why, status, false, certifiedUntil)));
    }

    /**
     * Brings an inactive trainer back at the level reached.
     *
     * @param on the day
     * @param reason why, for the history; not blank
     * @return the new record, or {@code pool.no-change} if already active
     * @throws IllegalArgumentException if the reason is blank
     */
    public Result<TrainerRecord> reactivate(LocalDate on, String reason) {
        String why = Require.text(reason, "reason");
        if (active) {
            return Result.refused(PoolRefusal.ALREADY.finding(subject(), "already active"));
        }
        Optional<Result<TrainerRecord>> backdated = refuseIfBackdated(on);
        return backdated.orElseGet(() ->
                Result.ok(with(Entry.Kind.REACTIVATED, on, Optional.empty(), why, status, true, certifiedUntil)));
    }

    /**
     * The record as it stood at the end of the given day: only the history up to that day counts. Empty
     * when the person was admitted later.
     *
     * @param day the day
     * @return the record then, or empty
     */
    public Optional<TrainerRecord> asOf(LocalDate day) {
        Require.present(day, "day");
        if (history.get(0).on().isAfter(day)) {
            return Optional.empty();
        }
        PoolStatus s = PoolStatus.TRAINEE;
        boolean a = true;
        Optional<LocalDate> until = Optional.empty();
        ImmutableList.Builder<Entry> kept = ImmutableList.builder();
        for (Entry e : history) {
            if (e.on().isAfter(day)) {
                break;
            }
            kept.add(e);
            switch (e.kind()) {
                case STEP -> {
                    s = e.status().orElseThrow();
                    if (s == PoolStatus.CERTIFIED_TRAINER) {
                        until = Optional.of(e.on().plus(validity));
                    }
                }
                case RECERTIFIED -> until = Optional.of(e.on().plus(validity));
                case INACTIVATED -> a = false;
                case REACTIVATED -> a = true;
                case DELIVERY, CO_DELIVERY -> { }
            }
        }
        return Optional.of(new TrainerRecord(person, curriculum, validity, s, a, until, kept.build()));
    }

    /**
     * May lead a delivery on that day: then active, certified or lead, with a valid certificate.
     *
     * @param day the day, usually an event's first course day
     * @return whether the trainer may lead then
     */
    public boolean mayLeadOn(LocalDate day) {
        return asOf(day).filter(r -> r.active && r.isCertifiedOn(day)).isPresent();
    }

    /**
     * May co-deliver on that day: then active and at least a co-trainer.
     *
     * @param day the day
     * @return whether the trainer may co-deliver then
     */
    public boolean mayCoDeliverOn(LocalDate day) {
        return asOf(day).filter(r -> r.active && r.status.isAtLeast(PoolStatus.CO_TRAINER)).isPresent();
    }

    /**
     * The level held at the end of that day.
     *
     * @param day the day
     * @return the level, or empty if not admitted by then
     */
    public Optional<PoolStatus> statusOn(LocalDate day) {
        return asOf(day).map(TrainerRecord::status);
    }

    /**
     * Whether the trainer holds a valid certificate on that day (as the record stands now).
     *
     * @param day the day
     * @return whether certified or lead, and the day not after the certificate's last day
     */
    public boolean isCertifiedOn(LocalDate day) {
        return certifiedUntil.filter(until -> !day.isAfter(until)).isPresent()
                && status.isAtLeast(PoolStatus.CERTIFIED_TRAINER);
    }

    /** {@return the deliveries recorded as a certified trainer} */
    public long deliveries() {
        return history.stream().filter(e -> e.kind() == Entry.Kind.DELIVERY).count();
    }

    /**
     * The day the trainer last taught: a delivery, a co-delivery, or the observed co-delivery that certified
     * them.
     *
     * @return that day, or empty if they have not taught yet
     */
    public Optional<LocalDate> lastDelivery() {
        return history.reverse().stream().filter(Entry::isTeaching).map(Entry::on).findFirst();
    }

    /** {@return the trainings taught: deliveries, co-deliveries and the observed co-delivery} */
    public long taught() {
        return history.stream().filter(Entry::isTeaching).count();
    }

    /**
     * Active on that day: admitted by then, not taken out of service, and with pool activity (trained at a
     * ToT, taught, co-taught, or recertified) within {@link #ACTIVE_WITHIN} up to that day. The one definition
     * of "active" the API and every report use; {@link #isActive()} says only whether the trainer is in service.
     *
     * @param day the day
     * @return whether active then
     */
    public boolean isActiveOn(LocalDate day) {
        Require.present(day, "day");
        return asOf(day).filter(r -> r.active).flatMap(r -> r.history.reverse().stream()
                .filter(e -> e.kind() != Entry.Kind.INACTIVATED && e.kind() != Entry.Kind.REACTIVATED)
                .map(Entry::on).findFirst())
                .filter(last -> !last.isBefore(day.minus(ACTIVE_WITHIN))).isPresent();
    }

    /** {@return whose record it is} */
    public PersonId person() {
        return person;
    }

    /** {@return the package whose pool it is} */
    public CurriculumId curriculum() {
        return curriculum;
    }

    /** {@return the level reached} */
    public PoolStatus status() {
        return status;
    }

    /** {@return whether in service: not taken out by {@link #inactivate} (see {@link #isActiveOn} for "active")} */
    public boolean isActive() {
        return active;
    }

    /** {@return the last day the certificate is valid; empty before certification} */
    public Optional<LocalDate> certifiedUntil() {
        return certifiedUntil;
    }

    /** {@return every step, delivery, recertification and change of activity, oldest first} */
    public ImmutableList<Entry> history() {
        return history;
    }

    /** {@return {@code pool/<package>/<person>}, the subject of findings about this record} */
    public String subject() {
        return subject(person, curriculum);
    }

    private static String subject(PersonId person, CurriculumId curriculum) {
        return "pool/" + curriculum + "/" + person;
    }

    private Result<Evidence> needs(Evidence.Kind kind, Evidence evidence) {
        if (evidence.kind() != kind) {
            return Result.refused(PoolRefusal.EVIDENCE_MISSING.finding(subject(), "needs evidence of " + org.cadre.kernel.Label.of(kind) + ", got " + org.cadre.kernel.Label.of(evidence.kind())));
        }
        return Result.ok(evidence);
    }

    private Optional<Result<TrainerRecord>> refuseIfInactiveOrBackdated(LocalDate on) {
        if (!active) {
            return Optional.of(Result.refused(PoolRefusal.INACTIVE.finding(subject(), "is inactive since "
                    + history.get(history.size() - 1).on() + ": " + history.get(history.size() - 1).note())));
        }
        return refuseIfBackdated(on);
    }

    private Optional<Result<TrainerRecord>> refuseIfBackdated(LocalDate on) {
        Require.present(on, "on");
        LocalDate latest = history.get(history.size() - 1).on();
        if (on.isBefore(latest)) {
            return Optional.of(Result.refused(PoolRefusal.BACKDATED.finding(subject(),
                    "dated " + on + ", before the latest recorded step on " + latest)));
        }
        return Optional.empty();
    }

    private TrainerRecord step(PoolStatus target, Evidence evidence, Optional<LocalDate> until) {
        return with(Entry.Kind.STEP, evidence.on(), Optional.of(evidence), "became " + target.label(), target, active, until);
    }

    private TrainerRecord with(Entry.Kind kind, LocalDate on, Optional<Evidence> evidence, String note,
            PoolStatus newStatus, boolean newActive, Optional<LocalDate> until) {
        Entry entry = new Entry(kind, on, kind == Entry.Kind.STEP ? Optional.of(newStatus) : Optional.empty(), evidence, note);
        return new TrainerRecord(person, curriculum, validity, newStatus, newActive, until,
                ImmutableList.<Entry>builder().addAll(history).add(entry).build());
    }

    @Override
    public String toString() {
        return subject() + " " + status.label() + (active ? "" : " (inactive)")
                + certifiedUntil.map(u -> ", certified until " + u).orElse("");
    }

    /**
     * One line of a trainer's history.
     *
     * @param status the level reached, for a {@link Kind#STEP}
     * @param note the reason for an inactivation or reactivation; otherwise a short description
     */
    public record Entry(Kind kind, LocalDate on, Optional<PoolStatus> status, Optional<Evidence> evidence, String note) {

        /** {@return whether it is teaching: a delivery, a co-delivery, or the observed co-delivery that certified the trainer} */
        public boolean isTeaching() {
            return kind == Kind.DELIVERY || kind == Kind.CO_DELIVERY
                    || evidence.filter(e -> e.kind() == Evidence.Kind.OBSERVED_CO_DELIVERY).isPresent();
        }

        /** What happened. */
        public enum Kind {
            /** Admitted or moved up a level. */
            STEP,
            /** Delivered a training as a certified trainer. */
            DELIVERY,
            /** Co-delivered a training without observation for certification. */
            CO_DELIVERY,
            /** The certificate was renewed. */
            RECERTIFIED,
            /** Taken out of active service. */
            INACTIVATED,
            /** Brought back into service. */
            REACTIVATED
        }
    }
}
