package org.cadre.roster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cadre.roster.pool.PoolStatus.CERTIFIED_TRAINER;
import static org.cadre.roster.pool.PoolStatus.CO_TRAINER;
import static org.cadre.roster.pool.PoolStatus.LEAD_TRAINER;
import static org.cadre.roster.pool.PoolStatus.TRAINEE;

import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.cadre.curriculum.CurriculumId;
import org.cadre.finding.Finding;
import org.cadre.finding.Result;
import org.cadre.roster.pool.Evidence;
import org.cadre.roster.pool.Evidence.Kind;
import org.cadre.roster.pool.PoolStatus;
import org.cadre.roster.pool.TrainerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The trainer-pool progression: one step at a time, each on its evidence, with validity and inactivation. */
class TrainerPoolTest {

    private static final CurriculumId TSP = CurriculumId.of("tsp");
    private static final EventId TOT = EventId.of("tot-1");
    private static final LocalDate D0 = LocalDate.of(2023, 10, 1);

    private static Evidence ev(Kind kind, LocalDate on) {
        return Evidence.of(kind, on, TOT, kind.name());
    }

    /** The evidence each promotion needs. */
    private static Kind needed(PoolStatus target) {
        return switch (target) {
            case TRAINEE -> Kind.TOT_ENROLLED;
            case CO_TRAINER -> Kind.TOT_COMPLETED;
            case CERTIFIED_TRAINER -> Kind.OBSERVED_CO_DELIVERY;
            case LEAD_TRAINER -> Kind.DELIVERY;
        };
    }

    private static TrainerRecord at(PoolStatus status) {
        TrainerRecord r = TrainerRecord.admit(PersonId.of("p1"), TSP, Period.ofYears(3), ev(Kind.TOT_ENROLLED, D0)).value();
        LocalDate day = D0;
        for (PoolStatus s : PoolStatus.values()) {
            if (s.compareTo(status) > 0 || s == TRAINEE) {
                continue;
            }
            day = day.plusDays(10);
            if (s == LEAD_TRAINER) {
                for (int i = 0; i < TrainerRecord.DELIVERIES_FOR_LEAD; i++) {
                    r = r.recordDelivery(ev(Kind.DELIVERY, day)).value();
                }
            }
            r = r.promote(s, ev(needed(s), day)).value();
        }
        return r;
    }

    @Test
    void each_kind_of_evidence_stands_for_its_step() {
        LocalDate day = D0.plusYears(1);
        TrainerRecord trainee = at(TRAINEE);
        TrainerRecord coTrainer = at(CO_TRAINER);
        TrainerRecord certified = at(CERTIFIED_TRAINER);

        assertThat(trainee.apply(ev(Kind.TOT_COMPLETED, day), java.util.Optional.empty()).value().status()).isEqualTo(CO_TRAINER);
        assertThat(coTrainer.apply(ev(Kind.OBSERVED_CO_DELIVERY, day), java.util.Optional.empty()).value().status())
                .isEqualTo(CERTIFIED_TRAINER);
        TrainerRecord delivered = certified.apply(ev(Kind.DELIVERY, day), java.util.Optional.empty()).value();
        assertThat(delivered.status()).isEqualTo(CERTIFIED_TRAINER);
        assertThat(delivered.deliveries()).isEqualTo(certified.deliveries() + 1);
        assertThat(certified.apply(ev(Kind.RECERTIFICATION, day), java.util.Optional.empty()).value().certifiedUntil())
                .contains(day.plusYears(3));
        assertThat(trainee.apply(ev(Kind.TOT_ENROLLED, day), java.util.Optional.empty()).refusal().codes())
                .as("admission is for newcomers").containsExactly("pool.no-change");
        assertThat(certified.apply(ev(Kind.DELIVERY, day), java.util.Optional.of(LEAD_TRAINER)).refusal().codes())
                .as("a delivery offered for lead trainer, without the three deliveries").containsExactly("pool.evidence-missing");
        assertThat(trainee.apply(ev(Kind.OBSERVED_CO_DELIVERY, day), java.util.Optional.empty()).refusal().codes())
                .as("a step skipped").containsExactly("pool.step-skipped");
    }

    static List<Arguments> everyPromotion() {
        List<Arguments> out = new ArrayList<>();
        for (PoolStatus from : PoolStatus.values()) {
            for (PoolStatus to : PoolStatus.values()) {
                out.add(Arguments.of(from, to, from.next().filter(to::equals).isPresent()));
            }
        }
        return out;
    }

    @ParameterizedTest(name = "{0} -> {1} legal: {2}")
    @MethodSource("everyPromotion")
    void a_promotion_succeeds_only_one_step_up_on_its_evidence(PoolStatus from, PoolStatus to, boolean legal) {
        TrainerRecord before = at(from);
        LocalDate day = D0.plusYears(1);
        if (to == LEAD_TRAINER && from == CERTIFIED_TRAINER) {
            for (int i = 0; i < TrainerRecord.DELIVERIES_FOR_LEAD; i++) {
                before = before.recordDelivery(ev(Kind.DELIVERY, day)).value();
            }
        }

        Result<TrainerRecord> result = before.promote(to, ev(needed(to), day));

        assertThat(result.isOk()).isEqualTo(legal);
        if (legal) {
            assertThat(result.value().status()).isEqualTo(to);
        } else {
            assertThat(result.refusal().codes()).containsExactly("pool.step-skipped");
        }
    }

    @Test
    void a_step_on_the_wrong_evidence_is_refused() {
        Result<TrainerRecord> result = at(TRAINEE).promote(CO_TRAINER, ev(Kind.DELIVERY, D0.plusDays(5)));

        assertThat(result.refusal().all()).extracting(Finding::code, Finding::message).containsExactly(
                org.assertj.core.groups.Tuple.tuple("pool.evidence-missing", "needs evidence of tot-completed, got delivery"));
    }

    @Test
    void lead_trainer_needs_three_deliveries() {
        TrainerRecord certified = at(CERTIFIED_TRAINER);
        LocalDate day = D0.plusMonths(6);
        TrainerRecord twice = certified.recordDelivery(ev(Kind.DELIVERY, day))
                .then(r -> r.recordDelivery(ev(Kind.DELIVERY, day))).value();

        assertThat(twice.promote(LEAD_TRAINER, ev(Kind.DELIVERY, day)).refusal().all()).extracting(Finding::message)
                .containsExactly("lead trainer needs 3 deliveries as a certified trainer, 2 recorded");
        assertThat(twice.recordDelivery(ev(Kind.DELIVERY, day)).then(r -> r.promote(LEAD_TRAINER, ev(Kind.DELIVERY, day)))
                .value().status()).isEqualTo(LEAD_TRAINER);
    }

    @Test
    void a_certificate_runs_for_its_validity_and_recertification_renews_it() {
        TrainerRecord certified = at(CERTIFIED_TRAINER); // certified on D0 + 20 days
        LocalDate certifiedOn = D0.plusDays(20);
        LocalDate lastValid = certifiedOn.plusYears(3);

        assertThat(certified.certifiedUntil()).contains(lastValid);
        assertThat(certified.mayLeadOn(lastValid)).isTrue();
        assertThat(certified.mayLeadOn(lastValid.plusDays(1))).isFalse();
        assertThat(certified.recordDelivery(ev(Kind.DELIVERY, lastValid.plusDays(1))).refusal().codes())
                .containsExactly("pool.certificate-expired");

        TrainerRecord renewed = certified.recertify(ev(Kind.RECERTIFICATION, lastValid.plusDays(30))).value();
        assertThat(renewed.certifiedUntil()).contains(lastValid.plusDays(30).plusYears(3));
        assertThat(renewed.mayLeadOn(lastValid.plusDays(31))).isTrue();
    }

    @Test
    void an_inactive_trainer_keeps_the_level_but_may_not_deliver_until_reactivated() {
        TrainerRecord lead = at(LEAD_TRAINER);
        LocalDate day = D0.plusYears(1);
        TrainerRecord inactive = lead.inactivate(day, "transferred to another unit").value();

        assertThat(inactive.status()).isEqualTo(LEAD_TRAINER);
        assertThat(inactive.isActive()).isFalse();
        assertThat(inactive.mayLeadOn(day)).isFalse();
        assertThat(inactive.recordDelivery(ev(Kind.DELIVERY, day)).refusal().all()).extracting(Finding::message)
                .containsExactly("is inactive since 2024-10-01: transferred to another unit");
        assertThat(inactive.inactivate(day, "again").refusal().codes()).containsExactly("pool.no-change");
        assertThat(inactive.reactivate(day.plusDays(1), "returned").value().mayLeadOn(day.plusDays(1))).isTrue();
    }

    @Test
    void the_record_as_of_a_past_day_shows_the_level_held_then() {
        TrainerRecord lead = at(LEAD_TRAINER); // steps on D0, +10, +20, +30

        assertThat(lead.statusOn(D0.minusDays(1))).isEmpty();
        assertThat(lead.statusOn(D0)).contains(TRAINEE);
        assertThat(lead.statusOn(D0.plusDays(15))).contains(CO_TRAINER);
        assertThat(lead.statusOn(D0.plusDays(25))).contains(CERTIFIED_TRAINER);
        assertThat(lead.statusOn(D0.plusDays(30))).contains(LEAD_TRAINER);
        assertThat(lead.mayCoDeliverOn(D0.plusDays(5))).isFalse();
    }

    @Test
    void commands_dated_before_the_latest_step_are_refused() {
        assertThat(at(CO_TRAINER).promote(CERTIFIED_TRAINER, ev(Kind.OBSERVED_CO_DELIVERY, D0)).refusal().codes())
                .containsExactly("pool.backdated");
    }

    @Test
    void a_trainee_can_neither_record_a_delivery_nor_recertify() {
        TrainerRecord trainee = at(TRAINEE);

        assertThat(trainee.recordDelivery(ev(Kind.DELIVERY, D0)).refusal().codes()).containsExactly("pool.not-certified");
        assertThat(trainee.recertify(ev(Kind.RECERTIFICATION, D0)).refusal().codes()).containsExactly("pool.not-certified");
    }

    @Test
    void admission_asked_for_a_higher_status_is_refused_as_a_skipped_step_not_admitted_as_a_trainee() {
        var coTrainer = TrainerRecord.admit(PersonId.of("p1"), TSP, Period.ofYears(3), ev(Kind.TOT_ENROLLED, D0),
                java.util.Optional.of(PoolStatus.CO_TRAINER));

        assertThat(coTrainer.refusal().codes()).containsExactly("pool.step-skipped");
        assertThat(TrainerRecord.admit(PersonId.of("p1"), TSP, Period.ofYears(3), ev(Kind.TOT_ENROLLED, D0),
                java.util.Optional.of(PoolStatus.TRAINEE)).value().status()).isEqualTo(PoolStatus.TRAINEE);
        assertThat(TrainerRecord.admit(PersonId.of("p1"), TSP, Period.ofYears(3), ev(Kind.TOT_ENROLLED, D0),
                java.util.Optional.empty()).isOk()).isTrue();
    }

    @Test
    void admission_needs_evidence_of_tot_enrolment() {
        assertThat(TrainerRecord.admit(PersonId.of("p1"), TSP, Period.ofYears(3), ev(Kind.TOT_COMPLETED, D0)).refusal().codes())
                .containsExactly("pool.evidence-missing");
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("org.cadre.curriculum.fixtures.Seeds#seeds")
    void no_sequence_of_commands_skips_a_step_or_lacks_evidence(long seed) {
        Random rnd = new Random(seed);
        TrainerRecord r = TrainerRecord.admit(PersonId.of("p1"), TSP, Period.ofYears(1 + rnd.nextInt(3)),
                ev(Kind.TOT_ENROLLED, D0)).value();
        LocalDate day = D0;
        for (int i = 0; i < 30; i++) {
            day = day.plusDays(rnd.nextInt(200) - 20);
            Kind kind = Kind.values()[rnd.nextInt(Kind.values().length)];
            PoolStatus target = PoolStatus.values()[rnd.nextInt(PoolStatus.values().length)];
            TrainerRecord before = r;
            Result<TrainerRecord> result = switch (rnd.nextInt(6)) {
                case 0, 1 -> r.promote(target, ev(kind, day));
                case 2 -> r.recordDelivery(ev(kind, day));
                case 3 -> r.recertify(ev(kind, day));
                case 4 -> r.inactivate(day, "leave");
                default -> r.reactivate(day, "back");
            };
            r = result.toOptional().orElse(before);
            if (!result.isOk()) {
                assertThat(r).as("seed %d: a refusal changes nothing", seed).isSameAs(before);
            }
        }
        assertLegalHistory(r, seed);
    }

    private static void assertLegalHistory(TrainerRecord r, long seed) {
        PoolStatus level = null;
        long deliveries = 0;
        LocalDate previous = LocalDate.MIN;
        for (TrainerRecord.Entry e : r.history()) {
            assertThat(e.on()).as("seed %d: history in date order", seed).isAfterOrEqualTo(previous);
            previous = e.on();
            if (e.kind() == TrainerRecord.Entry.Kind.DELIVERY) {
                deliveries++;
            }
            if (e.kind() == TrainerRecord.Entry.Kind.STEP) {
                PoolStatus next = e.status().orElseThrow();
                assertThat(level == null ? next == TRAINEE : level.next().filter(next::equals).isPresent())
                        .as("seed %d: %s -> %s is one step", seed, level, next).isTrue();
                assertThat(e.evidence().orElseThrow().kind()).as("seed %d: evidence for %s", seed, next).isEqualTo(needed(next));
                if (next == LEAD_TRAINER) {
                    assertThat(deliveries).as("seed %d: deliveries before lead", seed).isGreaterThanOrEqualTo(TrainerRecord.DELIVERIES_FOR_LEAD);
                }
                level = next;
            }
        }
        assertThat(r.status()).as("seed %d", seed).isEqualTo(level);
    }

    @Test
    void every_refusal_of_the_pool_speaks_the_api_words() {
        List<String> messages = new java.util.ArrayList<>();
        LocalDate later = D0.plusYears(1);
        for (Kind kind : Kind.values()) {
            TrainerRecord.admit(PersonId.of("p1"), TSP, Period.ofYears(3), ev(kind, D0)).refusal().all().forEach(f -> messages.add(f.message()));
        }
        for (PoolStatus status : PoolStatus.values()) {
            TrainerRecord r = at(status);
            TrainerRecord inactive = r.inactivate(later, "moved").value();
            for (Kind kind : Kind.values()) {
                for (LocalDate day : List.of(D0.minusYears(1), later, D0.plusYears(10))) {
                    collect(messages, r.apply(ev(kind, day), java.util.Optional.empty()));
                    collect(messages, inactive.apply(ev(kind, day.plusDays(1)), java.util.Optional.empty()));
                    for (PoolStatus target : PoolStatus.values()) {
                        collect(messages, r.apply(ev(kind, day), java.util.Optional.of(target)));
                        collect(messages, r.promote(target, ev(kind, day)));
                    }
                }
            }
            collect(messages, r.recordDelivery(ev(Kind.DELIVERY, D0.minusYears(1))));
            collect(messages, r.recertify(ev(Kind.RECERTIFICATION, later)));
            collect(messages, r.reactivate(later, "back"));
            collect(messages, inactive.inactivate(later, "again"));
        }

        assertThat(messages).hasSizeGreaterThan(100);
        org.cadre.roster.fixtures.RosterWords.check(messages);
    }

    private static void collect(List<String> messages, org.cadre.finding.Result<?> result) {
        if (!result.isOk()) {
            result.refusal().all().forEach(f -> messages.add(f.message()));
        }
    }
}
