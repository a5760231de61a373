package org.cadre.server.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.cadre.finding.Finding;
import org.cadre.roster.Attendance;
import org.cadre.roster.AttendanceMark;
import org.cadre.roster.Enrolment;
import org.cadre.roster.EnrolmentStatus;
import org.cadre.roster.EventRoster;
import org.cadre.roster.Person;
import org.cadre.roster.Role;
import org.cadre.roster.demo.DemoRoster;
import org.cadre.server.security.UserAccount;
import org.cadre.server.store.Database;
import org.cadre.server.store.TestDatabases;
import org.junit.jupiter.api.Test;

/**
 * An event's checks are worked out once and kept until something they are read from changes: each kind of write that
 * changes a roster (a status, an attendance mark, a person's name) and the day itself is seen by the next check.
 */
class EventChecksKeptTest {

    /** A clock the test moves. */
    private static final class MovableClock extends Clock {
        private Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return new Clock() {
                @Override
                public ZoneId getZone() {
                    return zone;
                }

                @Override
                public Clock withZone(ZoneId other) {
                    return MovableClock.this.withZone(other);
                }

                @Override
                public Instant instant() {
                    return now;
                }
            };
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void every_write_a_roster_is_read_from_and_the_day_itself_are_seen_by_the_next_check() throws Exception {
        EventRoster demo = DemoRoster.almatyTot();
        String event = demo.event().id().value();
        LocalDate first = demo.event().courseDays().first();
        MovableClock clock = new MovableClock(first.minusDays(3).atStartOfDay(ZoneOffset.UTC).toInstant());
        try (Database db = TestDatabases.fresh(TestDatabases.Kind.SQLITE)) {
            Setup.firstStart(db, true, "admin", "a long enough password");
            UseCases use = UseCases.of(db, clock);
            Stores stores = use.stores();
            UserAccount admin = stores.users.get("admin").orElseThrow().value();
            List<Enrolment> participants = demo.enrolments().stream().filter(e -> e.role() == Role.PARTICIPANT).toList();
            Person colleague = demo.people().get(participants.get(0).person());
            Person newcomer = Person.builder("late-nominee", colleague.country()).latinName("Yerlan Abenov").sex(colleague.sex())
                    .organisation(colleague.organisation().orElseThrow()).build();
            String who = newcomer.id().value();
            stores.people.add(newcomer, "test");
            Enrolment nominated = Enrolment.nominate(newcomer.id(), demo.event().id(), Role.PARTICIPANT,
                    participants.get(0).nominatedBy().orElseThrow(), first.minusDays(30));
            stores.enrolments.addAll(List.of(nominated), "test");

            assertThat(codes(use, admin, event, who)).doesNotContain("enrolment.records-without-seat");
            assertThat(codes(use, admin, event, who)).as("asked again, nothing changed").doesNotContain("enrolment.records-without-seat");

            // An attendance mark: present at a session while only nominated, holding no seat (the attendance's topic).
            stores.enrolments.recordAttendance(demo.event().id(),
                    List.of(new Attendance(newcomer.id(), demo.event().agenda().get(0).session(), AttendanceMark.PRESENT)), "test");
            assertThat(subjects(use, admin, event, "enrolment.records-without-seat")).anyMatch(s -> s.contains(who));

            // A status: confirmed, so the mark counts; undecided, but not yet said to be before the course (the event's topic).
            Enrolment confirmed = nominated.moveTo(EnrolmentStatus.APPROVED, first.minusDays(20))
                    .then(x -> x.moveTo(EnrolmentStatus.CONFIRMED, first.minusDays(10))).value();
            stores.enrolments.save(confirmed, stores.enrolments.get(demo.event().id(), newcomer.id()).orElseThrow().version(), "test");
            assertThat(codes(use, admin, event, who)).doesNotContain("enrolment.records-without-seat");
            assertThat(subjects(use, admin, event, "enrolment.undecided-after-event")).isEmpty();

            // The day: once the course is over, the undecided status is said (the same roster, another day).
            clock.now = demo.event().courseDays().last().plusDays(2).atStartOfDay(ZoneOffset.UTC).toInstant();
            assertThat(subjects(use, admin, event, "enrolment.undecided-after-event")).hasSize(1);

            // A person: another participant renamed as this one is a likely duplicate (the person's topic).
            Person twin = demo.people().get(participants.get(1).person());
            Person renamed = Person.builder(twin.id().value(), twin.country()).latinName(newcomer.latinName().orElseThrow())
                    .sex(twin.sex()).organisation(twin.organisation().orElse(null)).build();
            assertThat(said(use, admin, event, "person.likely-duplicate")).noneMatch(s -> s.contains(twin.id().value()));
            stores.people.update(renamed, stores.people.get(twin.id()).orElseThrow().version(), "test");
            assertThat(said(use, admin, event, "person.likely-duplicate")).anyMatch(s -> s.contains(twin.id().value()) && s.contains(who));
        }
    }

    /** The codes of the findings about the person. */
    private static List<String> codes(UseCases use, UserAccount user, String event, String person) {
        return use.events().checks(user, event).get().findings().all().stream().filter(f -> f.subject().contains(person))
                .map(Finding::code).toList();
    }

    /** What the findings of one rule say: subject and message. */
    private static List<String> said(UseCases use, UserAccount user, String event, String code) {
        return use.events().checks(user, event).get().findings().all().stream().filter(f -> f.code().equals(code))
                .map(f -> f.subject() + ": " + f.message()).toList();
    }

    /** The subjects of the findings of one rule. */
    private static List<String> subjects(UseCases use, UserAccount user, String event, String code) {
        return use.events().checks(user, event).get().findings().all().stream().filter(f -> f.code().equals(code))
                .map(Finding::subject).toList();
    }
}
