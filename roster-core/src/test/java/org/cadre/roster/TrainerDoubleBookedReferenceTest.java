package org.cadre.roster;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.collect.ImmutableSet;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.cadre.curriculum.SessionCode;
import org.cadre.curriculum.fixtures.Seeds;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link EventRule#TRAINER_DOUBLE_BOOKED}, rewritten for speed (the slots sorted once and each pair of
 * overlapping slots checked for shared trainers, instead of every trainer's slots gathered and sorted),
 * reports exactly what the rule before it reported: the old rule is kept here word for word (as of
 * {@code 2841622}) and both run over seeded random agendas with overlapping, touching, identical and
 * nested slots, slots on other days and trainers in many slots. Compared as sorted lists, as a check
 * sorts its findings: the new rule reports slot by slot, the old one trainer by trainer.
 */
class TrainerDoubleBookedReferenceTest {

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void reports_what_the_old_rule_reported(long seed) {
        List<AgendaSlot> agenda = randomAgenda(new Random(seed));
        List<String> actual = new ArrayList<>();
        EventRule.doubleBookings(agenda, (trainer, message) -> actual.add(trainer + ": " + message));

        assertThat(actual).as("seed %d", seed).containsExactlyInAnyOrderElementsOf(reference(agenda));
    }

    static java.util.stream.LongStream seeds() {
        return Seeds.seeds(200);
    }

    @Test
    void the_random_agendas_hold_double_bookings_and_agendas_without() {
        int withFindings = 0;
        int without = 0;
        for (long seed : seeds().toArray()) {
            if (reference(randomAgenda(new Random(seed))).isEmpty()) {
                without++;
            } else {
                withFindings++;
            }
        }
        assertThat(withFindings).isGreaterThan(50);
        assertThat(without).isGreaterThan(10);
    }

    /** Up to 30 slots over three days, from 5 minutes to 4 hours, some repeated whole, among 1 to 8 trainers. */
    private static List<AgendaSlot> randomAgenda(Random rnd) {
        int trainers = 1 + rnd.nextInt(8);
        int slots = rnd.nextInt(31);
        List<AgendaSlot> agenda = new ArrayList<>();
        for (int s = 0; s < slots; s++) {
            if (!agenda.isEmpty() && rnd.nextInt(8) == 0) {
                agenda.add(agenda.get(rnd.nextInt(agenda.size())));
                continue;
            }
            LocalDate day = LocalDate.of(2023, 10, 23 + rnd.nextInt(3));
            LocalTime start = LocalTime.of(8, 0).plusMinutes(5L * rnd.nextInt(100));
            List<PersonId> names = new ArrayList<>();
            for (int t = 0; t < trainers; t++) {
                if (rnd.nextInt(3) == 0) {
                    names.add(PersonId.of("trainer-" + t));
                }
            }
            agenda.add(new AgendaSlot(SessionCode.of("M" + (1 + rnd.nextInt(3)) + ".S" + (1 + s)), day, start,
                    start.plusMinutes(5L * (1 + rnd.nextInt(48))), ImmutableSet.copyOf(names)));
        }
        return agenda;
    }

    /** The rule as it was, reporting to a list. */
    private static List<String> reference(List<AgendaSlot> agenda) {
        List<String> out = new ArrayList<>();
        Map<PersonId, List<AgendaSlot>> byTrainer = new TreeMap<>();
        for (AgendaSlot slot : agenda) {
            slot.trainers().forEach(t -> byTrainer.computeIfAbsent(t, k -> new java.util.ArrayList<>()).add(slot));
        }
        byTrainer.forEach((trainer, slots) -> {
            List<AgendaSlot> sorted = slots.stream()
                    .sorted(Comparator.comparing(AgendaSlot::day).thenComparing(AgendaSlot::start)).toList();
            for (int i = 0; i < sorted.size(); i++) {
                for (int j = i + 1; j < sorted.size() && sorted.get(j).day().equals(sorted.get(i).day())
                        && sorted.get(j).start().isBefore(sorted.get(i).end()); j++) {
                    out.add(trainer + ": " + "is booked into " + sorted.get(i).session() + " and "
                            + sorted.get(j).session() + ", which overlap on " + sorted.get(i).day());
                }
            }
        });
        return out;
    }
}
