package org.cadre.server.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.cadre.curriculum.SessionCode;
import org.cadre.roster.Attendance;
import org.cadre.roster.AttendanceMark;
import org.cadre.roster.Country;
import org.cadre.roster.Enrolment;
import org.cadre.roster.EventId;
import org.cadre.roster.OrganisationId;
import org.cadre.roster.Person;
import org.cadre.roster.PersonId;
import org.cadre.roster.Role;
import org.cadre.roster.Sex;
import org.cadre.roster.demo.DemoRoster;
import org.cadre.server.store.TestDatabases.Kind;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The audit log says whose attendance changed, in which session, from what to what (the attacker's review of issue 16). */
class AttendanceAuditTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2023-10-20T08:00:00Z"), ZoneOffset.UTC);
    private static final EventId EVENT = DemoRoster.ALMATY_TOT;
    private static final SessionCode SESSION = SessionCode.of("M1.S1");

    static List<Kind> kinds() {
        return TestDatabases.kinds();
    }

    private static List<AuditLog.Entry> attendanceEntries(Database db, AuditLog audit) {
        return audit.of(db, "event", EVENT.value()).stream().filter(e -> e.action().equals("attendance")).toList();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void each_changed_mark_is_logged_with_its_person_its_old_mark_and_its_new_one(Kind kind) throws Exception {
        try (Database db = TestDatabases.fresh(kind)) {
            AuditLog audit = new AuditLog(CLOCK);
            DemoData.load(db, audit);
            Enrolments enrolments = new Enrolments(db, audit);
            List<PersonId> three = enrolments.ofEvent(EVENT).stream().map(v -> v.value().person()).limit(3).toList();
            java.util.Map<PersonId, AttendanceMark> before = new java.util.HashMap<>();
            enrolments.attendance(EVENT, SESSION).forEach(a -> before.put(a.person(), a.mark()));
            int logged = attendanceEntries(db, audit).size();

            // Each of the three gets a mark it does not have now.
            List<Attendance> first = three.stream().map(p -> new Attendance(p, SESSION,
                    before.get(p) == AttendanceMark.ABSENT ? AttendanceMark.EXCUSED : AttendanceMark.ABSENT)).toList();
            enrolments.recordAttendance(EVENT, first, "coordinator");
            AuditLog.Entry one = attendanceEntries(db, audit).get(logged);
            StringBuilder was = new StringBuilder("M1.S1: ");
            StringBuilder now = new StringBuilder("M1.S1: ");
            for (Attendance a : first) {
                AttendanceMark old = before.get(a.person());
                was.append(was.length() > 7 ? ", " : "").append(a.person().value()).append(' ')
                        .append(old == null ? "none" : old.name().toLowerCase(java.util.Locale.ROOT));
                now.append(now.length() > 7 ? ", " : "").append(a.person().value()).append(' ').append(a.mark().name().toLowerCase(java.util.Locale.ROOT));
            }
            assertThat(one.actor()).isEqualTo("coordinator");
            assertThat(one.oldValue()).isEqualTo(was.toString());
            assertThat(one.newValue()).isEqualTo(now.toString());

            // Only the second person's mark changes: only it is named.
            List<Attendance> second = List.of(first.get(0), new Attendance(three.get(1), SESSION, AttendanceMark.LATE), first.get(2));
            enrolments.recordAttendance(EVENT, second, "trainer");
            AuditLog.Entry two = attendanceEntries(db, audit).get(logged + 1);
            assertThat(two.oldValue()).isEqualTo("M1.S1: " + three.get(1).value() + " " + first.get(1).mark().name().toLowerCase(java.util.Locale.ROOT));
            assertThat(two.newValue()).isEqualTo("M1.S1: " + three.get(1).value() + " late");

            enrolments.recordAttendance(EVENT, second, "trainer");
            AuditLog.Entry three_ = attendanceEntries(db, audit).get(logged + 2);
            assertThat(three_.oldValue()).isNull();
            assertThat(three_.newValue()).isEqualTo("M1.S1: 3 marks, none changed");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void a_session_of_many_changed_marks_is_logged_in_entries_the_column_can_hold(Kind kind) throws Exception {
        try (Database db = TestDatabases.fresh(kind)) {
            AuditLog audit = new AuditLog(CLOCK);
            DemoData.load(db, audit);
            List<Person> people = new ArrayList<>();
            List<Enrolment> enrolled = new ArrayList<>();
            for (int i = 0; i < 600; i++) {
                PersonId id = PersonId.of(String.format("p-audit-long-identifier-%04d", i));
                people.add(new Person(id, Optional.empty(), Optional.of("Audit Person"), Sex.FEMALE, Country.KAZAKHSTAN, Optional.empty(), Optional.empty()));
                enrolled.add(Enrolment.nominate(id, EVENT, Role.PARTICIPANT, OrganisationId.of("kz-border-academy"), LocalDate.of(2023, 9, 1)));
            }
            new People(db, audit).addAll(people, "coordinator");
            Enrolments enrolments = new Enrolments(db, audit);
            enrolments.addAll(enrolled, "coordinator");
            int logged = attendanceEntries(db, audit).size();

            enrolments.recordAttendance(EVENT, people.stream().map(p -> new Attendance(p.id(), SESSION, AttendanceMark.PRESENT)).toList(), "coordinator");

            List<AuditLog.Entry> entries = attendanceEntries(db, audit).subList(logged, attendanceEntries(db, audit).size());
            assertThat(entries).hasSizeGreaterThan(1);
            assertThat(entries).allSatisfy(e -> {
                assertThat(e.newValue()).startsWith("M1.S1: ").hasSizeLessThanOrEqualTo(4_000);
                assertThat(e.oldValue()).startsWith("M1.S1: ").hasSizeLessThanOrEqualTo(4_000);
            });
            String all = String.join(", ", entries.stream().map(e -> e.newValue().substring("M1.S1: ".length())).toList());
            assertThat(all.split(", ")).containsExactlyElementsOf(people.stream().map(p -> p.id().value() + " present").toList());
        }
    }
}
