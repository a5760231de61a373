package org.cadre.server.store;

import org.cadre.server.values.Versioned;
import org.cadre.server.security.UserAccount;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.cadre.roster.Country;
import org.cadre.roster.Organisation;
import org.cadre.roster.OrganisationId;
import org.cadre.roster.Person;
import org.cadre.roster.PersonId;
import org.cadre.roster.demo.DemoRoster;
import org.cadre.server.store.TestDatabases.Kind;
import org.jooq.Table;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The stores on both databases: round trips, optimistic concurrency, all-or-nothing, audit, schema. */
class StoreTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2023-10-20T08:00:00Z"), ZoneOffset.UTC);

    static List<Kind> kinds() {
        return TestDatabases.kinds();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void the_demo_organisations_and_people_come_back_as_they_went_in(Kind kind) throws Exception {
        try (Database db = TestDatabases.fresh(kind)) {
            AuditLog audit = new AuditLog(CLOCK);
            Organisations organisations = new Organisations(db, audit);
            People people = new People(db, audit);
            List<Person> everyone = new ArrayList<>(DemoRoster.almatyParticipants());
            everyone.addAll(DemoRoster.almatyTrainers());

            DemoRoster.organisations().forEach(o -> organisations.add(o, "coordinator"));
            people.addAll(everyone, "coordinator");

            assertThat(organisations.all()).extracting(Versioned::value).containsExactlyInAnyOrderElementsOf(DemoRoster.organisations());
            assertThat(people.all()).extracting(Versioned::value).containsExactlyInAnyOrderElementsOf(everyone);
            assertThat(people.get(PersonId.of("p-tj-01")).orElseThrow().value().nativeName()).contains("Фарход Абдуллоев");
            assertThat(people.all()).allSatisfy(v -> assertThat(v.version()).isEqualTo(1));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void the_demo_programme_comes_back_with_its_countries_and_goals_and_updates_replace_them(Kind kind) throws Exception {
        try (Database db = TestDatabases.fresh(kind)) {
            Programmes programmes = new Programmes(db, new AuditLog(CLOCK));
            var programme = DemoRoster.programme();

            programmes.add(programme, "admin");
            var narrowed = new org.cadre.roster.Programme(programme.id(), programme.title(), programme.donor(),
                    com.google.common.collect.ImmutableSet.of(Country.KAZAKHSTAN), com.google.common.collect.ImmutableSortedSet.of(16));

            assertThat(programmes.get(programme.id()).orElseThrow().value()).isEqualTo(programme);
            assertThat(programmes.update(narrowed, 1, "admin").version()).isEqualTo(2);
            assertThat(programmes.get(programme.id()).orElseThrow().value()).isEqualTo(narrowed);
            assertThatThrownBy(() -> programmes.update(programme, 1, "admin")).isInstanceOf(StaleVersionException.class);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void the_almaty_tot_comes_back_in_full_event_agenda_enrolments_history_and_attendance(Kind kind) throws Exception {
        try (Database db = TestDatabases.fresh(kind)) {
            AuditLog audit = new AuditLog(CLOCK);
            var almaty = storeEventWithoutRecords(db, audit);
            Events events = new Events(db, audit);
            Enrolments enrolments = new Enrolments(db, audit);

            enrolments.addAll(almaty.enrolments(), "coordinator");
            enrolments.recordAttendance(almaty.event().id(), almaty.attendance(), "coordinator");

            assertThat(events.get(almaty.event().id()).orElseThrow().value()).isEqualTo(almaty.event());
            assertThat(enrolments.ofEvent(almaty.event().id())).extracting(Versioned::value)
                    .containsExactlyInAnyOrderElementsOf(almaty.enrolments());
            assertThat(enrolments.attendance(almaty.event().id())).containsExactlyInAnyOrderElementsOf(almaty.attendance());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void the_whole_demo_roster_stored_and_loaded_gives_the_same_checks_and_the_same_report(Kind kind) throws Exception {
        try (Database db = TestDatabases.fresh(kind)) {
            AuditLog audit = new AuditLog(CLOCK);
            var almaty = DemoRoster.almatyTot();
            var id = almaty.event().id();
            // The server's demo loader stores everything: packages, people, both events and their records, the pool.
            DemoData.load(db, audit);
            Trainers trainers = new Trainers(db, audit);
            Certifications certifications = new Certifications(db, audit);

            var loaded = new Rosters(db, audit).load(id, almaty.curriculum()).orElseThrow();

            assertThat(loaded.tests()).containsExactlyInAnyOrderElementsOf(almaty.tests());
            assertThat(loaded.practice()).containsExactlyInAnyOrderElementsOf(almaty.practice());
            assertThat(loaded.feedback()).containsExactlyElementsOf(almaty.feedback());
            assertThat(loaded.rubric()).isEqualTo(almaty.rubric());
            assertThat(org.cadre.roster.EventCheck.of(loaded).run().all()).isEmpty();
            var disclosure = org.cadre.reporting.disclosure.Disclosure.forAudience(org.cadre.reporting.disclosure.Audience.INTERNAL);
            assertThat(org.cadre.reporting.render.JsonRenderer.render(org.cadre.reporting.EventReports.of(loaded, disclosure)))
                    .isEqualTo(org.cadre.reporting.render.JsonRenderer.render(org.cadre.reporting.EventReports.of(almaty, disclosure)));
            assertThat(certifications.ofEvent(id)).hasSize(26).filteredOn(Certifications.Recorded::certified).hasSize(24);
            assertThat(trainers.get(PersonId.of("t-kz-01"), almaty.curriculum().id()).orElseThrow().value().status())
                    .isEqualTo(org.cadre.roster.pool.PoolStatus.LEAD_TRAINER);
        }
    }

    /**
     * An author's item replaces their earlier one on the same thing also when requests write at once: eight writers of one
     * author's rating leave one item, and every item keeps a position of its own (on PostgreSQL two writers had read the
     * same last position).
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void an_authors_feedback_written_at_once_by_several_requests_is_one_item(Kind kind) throws Exception {
        try (Database db = TestDatabases.fresh(kind)) {
            AuditLog audit = new AuditLog(CLOCK);
            DemoData.load(db, audit);
            var almaty = DemoRoster.almatyTot();
            FeedbackItems feedback = new FeedbackItems(db, audit);
            int before = feedback.ofEvent(almaty.event().id()).size();
            var session = almaty.event().agenda().get(0).session();
            PersonId author = almaty.seatedParticipants().get(0).person();
            java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(8);
            try {
                List<java.util.concurrent.Future<?>> sent = new java.util.ArrayList<>();
                for (int i = 0; i < 8; i++) {
                    int rating = 1 + i % 5;
                    sent.add(pool.submit(() -> feedback.addAll(almaty.event().id(), List.of(
                            new org.cadre.roster.Feedback(java.util.Optional.of(author), session, java.util.Optional.empty(), rating,
                                    java.util.Optional.empty(), new org.cadre.roster.Feedback.Concern(org.cadre.curriculum.CurriculumDiff.Element.SESSION, session.value())),
                            new org.cadre.roster.Feedback(java.util.Optional.empty(), session, java.util.Optional.empty(), rating,
                                    java.util.Optional.empty(), new org.cadre.roster.Feedback.Concern(org.cadre.curriculum.CurriculumDiff.Element.SESSION, session.value()))), "kz")));
                }
                for (var each : sent) {
                    each.get();
                }
            } finally {
                pool.shutdown();
            }
            var stored = feedback.ofEvent(almaty.event().id());
            int earlier = (int) almaty.feedback().stream().filter(f -> f.author().equals(java.util.Optional.of(author))
                    && f.session().equals(session) && f.trainer().isEmpty() && f.concerns().equals(new org.cadre.roster.Feedback.Concern(org.cadre.curriculum.CurriculumDiff.Element.SESSION, session.value()))).count();
            assertThat(stored).hasSize(before - earlier + 1 + 8);
            assertThat(stored).filteredOn(f -> f.author().equals(java.util.Optional.of(author)) && f.session().equals(session)
                    && f.trainer().isEmpty() && f.concerns().equals(new org.cadre.roster.Feedback.Concern(org.cadre.curriculum.CurriculumDiff.Element.SESSION, session.value()))).hasSize(1);
            assertThat(db.dsl().selectDistinct(org.cadre.server.store.schema.Tables.FEEDBACK.POSITION).from(org.cadre.server.store.schema.Tables.FEEDBACK)
                    .where(org.cadre.server.store.schema.Tables.FEEDBACK.EVENT_ID.eq(almaty.event().id().value())).fetch()).hasSize(stored.size());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void an_enrolment_moves_on_through_the_store_and_a_stale_move_is_refused(Kind kind) throws Exception {
        try (Database db = TestDatabases.fresh(kind)) {
            AuditLog audit = new AuditLog(CLOCK);
            var almaty = storeEventWithoutRecords(db, audit);
            Enrolments enrolments = new Enrolments(db, audit);
            var nominated = org.cadre.roster.Enrolment.nominate(PersonId.of("p-uz-01"), almaty.event().id(),
                    org.cadre.roster.Role.PARTICIPANT, DemoRoster.UZ_BORDER_GUARD, java.time.LocalDate.of(2023, 9, 15));
            enrolments.addAll(List.of(nominated), "coordinator");
            var approved = nominated.moveTo(org.cadre.roster.EnrolmentStatus.APPROVED, java.time.LocalDate.of(2023, 9, 25)).value();

            assertThat(enrolments.save(approved, 1, "coordinator").version()).isEqualTo(2);
            assertThat(enrolments.get(almaty.event().id(), PersonId.of("p-uz-01")).orElseThrow()).isEqualTo(new Versioned<>(approved, 2));
            assertThatThrownBy(() -> enrolments.save(approved, 1, "other")).isInstanceOf(StaleVersionException.class);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void both_demo_package_versions_come_back_whole_and_a_stored_version_cannot_be_stored_again(Kind kind) throws Exception {
        try (Database db = TestDatabases.fresh(kind)) {
            Curricula curricula = new Curricula(db, new AuditLog(CLOCK));
            var v1 = org.cadre.curriculum.demo.DemoCurricula.almatyTot();
            var v2 = org.cadre.curriculum.demo.DemoCurricula.revisedAfterAlmaty();

            curricula.add(v1, "author");
            curricula.add(v2, "author");

            assertThat(curricula.get(v1.id(), v1.version())).contains(v1);
            assertThat(curricula.get(v2.id(), v2.version())).contains(v2);
            assertThat(curricula.versions(v1.id())).containsExactly(v1.version(), v2.version());
            assertThat(org.cadre.curriculum.CurriculumDiff.between(curricula.get(v1.id(), v1.version()).orElseThrow(),
                    curricula.get(v2.id(), v2.version()).orElseThrow())).isEqualTo(org.cadre.curriculum.CurriculumDiff.between(v1, v2));
            assertThatThrownBy(() -> curricula.add(v1, "author")).isInstanceOf(AlreadyStoredException.class)
                    .hasMessageContaining("tsp-countering-migrant-smuggling version 1.0.0 is stored already");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void random_packages_round_trip(Kind kind) throws Exception {
        try (Database db = TestDatabases.fresh(kind)) {
            Curricula curricula = new Curricula(db, new AuditLog(CLOCK));
            for (long seed = 1; seed <= 5; seed++) {
                var c = org.cadre.curriculum.fixtures.RandomCurricula.wellFormed(seed);
                curricula.add(c, "author");
                assertThat(curricula.get(c.id(), c.version())).as("seed %d", seed).contains(c);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void users_keep_their_role_and_scope_and_the_audit_log_never_holds_a_password_hash(Kind kind) throws Exception {
        try (Database db = TestDatabases.fresh(kind)) {
            AuditLog audit = new AuditLog(CLOCK);
            new Programmes(db, audit).add(DemoRoster.programme(), "admin");
            Users users = new Users(db, audit);
            UserAccount coordinator = new UserAccount("tj-coordinator", "pbkdf2$310000$c2FsdA$aGFzaA", UserAccount.Role.COORDINATOR,
                    com.google.common.collect.ImmutableSortedSet.of(Country.TAJIKISTAN),
                    com.google.common.collect.ImmutableSortedSet.of(DemoRoster.PROGRAMME), false);

            users.add(coordinator, "admin");
            UserAccount disabled = new UserAccount(coordinator.username(), coordinator.passwordHash(), coordinator.role(),
                    coordinator.countries(), coordinator.programmes(), true);
            users.update(disabled, 1, "admin");

            assertThat(users.get("tj-coordinator")).contains(new Versioned<>(disabled, 2));
            assertThat(audit.of(db, "user", "tj-coordinator")).hasSize(2)
                    .allSatisfy(e -> assertThat(String.valueOf(e.oldValue()) + e.newValue()).doesNotContain("pbkdf2"));
            assertThatThrownBy(() -> users.add(coordinator, "admin")).isInstanceOf(AlreadyStoredException.class);
            assertThatThrownBy(() -> users.update(coordinator, 1, "admin")).isInstanceOf(StaleVersionException.class);
        }
    }

    /** Stores the Almaty ToT's organisations, people, programme and event (no enrolments yet); returns the roster. */
    private static org.cadre.roster.EventRoster storeEventWithoutRecords(Database db, AuditLog audit) {
        var almaty = DemoRoster.almatyTot();
        DemoRoster.organisations().forEach(o -> new Organisations(db, audit).add(o, "admin"));
        new People(db, audit).addAll(List.copyOf(almaty.people().values()), "admin");
        new Programmes(db, audit).add(almaty.programme(), "admin");
        new Events(db, audit).add(almaty.event(), "coordinator");
        return almaty;
    }

    /** Stores the whole demo roster of Almaty; returns the roster. */
    private static org.cadre.roster.EventRoster storeAlmaty(Database db, AuditLog audit) {
        var almaty = storeEventWithoutRecords(db, audit);
        var id = almaty.event().id();
        new Enrolments(db, audit).addAll(almaty.enrolments(), "coordinator");
        new Enrolments(db, audit).recordAttendance(id, almaty.attendance(), "coordinator");
        new Assessments(db, audit).recordTests(id, almaty.tests(), "trainer");
        new FeedbackItems(db, audit).addAll(id, List.of(new org.cadre.roster.Feedback(java.util.Optional.of(PersonId.of("p-kz-14")),
                org.cadre.curriculum.SessionCode.of("M2.S4"), java.util.Optional.empty(), 2,
                java.util.Optional.of("As Major Petrenko I found it too short"),
                new org.cadre.roster.Feedback.Concern(org.cadre.curriculum.CurriculumDiff.Element.SESSION, "M2.S4"))), "coordinator");
        Trainers trainers = new Trainers(db, audit);
        almaty.pool().records().stream().filter(r -> almaty.people().containsKey(r.person()))
                .forEach(r -> trainers.save(r, almaty.curriculum().certification().certificateValidity().orElseThrow(), 0, "admin"));
        return almaty;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void an_erased_person_leaves_no_name_in_the_record_the_feedback_or_the_audit_log_and_counts_stay(Kind kind) throws Exception {
        try (Database db = TestDatabases.fresh(kind)) {
            AuditLog audit = new AuditLog(CLOCK);
            var almaty = storeAlmaty(db, audit);
            PersonId petrenko = PersonId.of("p-kz-14");

            new People(db, audit).erase(petrenko, "data-protection-officer");

            Person erased = new People(db, audit).get(petrenko).orElseThrow().value();
            assertThat(erased.nativeName()).isEmpty();
            assertThat(erased.latinName()).contains(People.ERASED_NAME);
            assertThat(erased.rank()).isEmpty();
            assertThat(erased.country()).isEqualTo(Country.KAZAKHSTAN);
            String everything = db.dsl().selectFrom(org.cadre.server.store.schema.Tables.AUDIT_LOG).fetch().toString()
                    + db.dsl().selectFrom(org.cadre.server.store.schema.Tables.FEEDBACK).fetch().toString()
                    + db.dsl().selectFrom(org.cadre.server.store.schema.Tables.PERSON).fetch().toString();
            assertThat(everything).doesNotContain("Petrenko").doesNotContain("Петренко");
            assertThat(audit.of(db, "person", "p-kz-14")).extracting(AuditLog.Entry::action).containsExactly("create", "erase");
            var loaded = new Rosters(db, audit).load(almaty.event().id(), almaty.curriculum()).orElseThrow();
            var report = org.cadre.reporting.EventReports.of(loaded,
                    org.cadre.reporting.disclosure.Disclosure.forAudience(org.cadre.reporting.disclosure.Audience.INTERNAL));
            assertThat(report.participants().get()).isEqualTo(26);
            assertThat(report.participantsByCountryAndSex().rowTotals().get(0).get()).isEqualTo(18);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void retention_erases_old_participants_outside_the_trainer_pool_only(Kind kind) throws Exception {
        try (Database db = TestDatabases.fresh(kind)) {
            AuditLog audit = new AuditLog(CLOCK);
            storeAlmaty(db, audit);
            Retention retention = new Retention(db, audit);

            var fiveYears = org.cadre.roster.RetentionPolicy.years(5);

            assertThat(retention.due(java.time.LocalDate.of(2026, 1, 1), fiveYears)).isEmpty();
            // In 2030, the two participants who were not certified (and so are not in the pool) are due.
            assertThat(retention.apply(java.time.LocalDate.of(2030, 1, 1), fiveYears, "retention"))
                    .containsExactly(PersonId.of("p-kz-14"), PersonId.of("p-kz-18"));
            assertThat(retention.due(java.time.LocalDate.of(2030, 1, 1), fiveYears)).isEmpty();
            assertThat(new People(db, audit).get(PersonId.of("p-tj-01")).orElseThrow().value().latinName()).contains("Farkhod Abdulloev");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void an_update_from_a_stale_version_is_refused_and_changes_nothing(Kind kind) throws Exception {
        try (Database db = TestDatabases.fresh(kind)) {
            AuditLog audit = new AuditLog(CLOCK);
            Organisations organisations = new Organisations(db, audit);
            Organisation academy = DemoRoster.organisations().get(2);
            organisations.add(academy, "admin");
            Organisation renamed = new Organisation(academy.id(), "Border Academy (renamed)", academy.country(), academy.kind(), true);
            Organisation otherEdit = new Organisation(academy.id(), "Border Academy (other edit)", academy.country(), academy.kind(), true);

            Versioned<Organisation> first = organisations.update(renamed, 1, "coordinator-a");

            assertThat(first.version()).isEqualTo(2);
            assertThatThrownBy(() -> organisations.update(otherEdit, 1, "coordinator-b"))
                    .isInstanceOf(StaleVersionException.class)
                    .hasMessage("organisation kz-border-academy is no longer at version 1: it was changed by someone else, or removed");
            assertThat(organisations.get(academy.id()).orElseThrow()).isEqualTo(new Versioned<>(renamed, 2));
            assertThat(audit.of(db, "organisation", academy.id().value())).extracting(AuditLog.Entry::action, AuditLog.Entry::actor)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("create", "admin"),
                            org.assertj.core.groups.Tuple.tuple("update", "coordinator-a"));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void a_roster_import_with_one_bad_row_stores_nobody(Kind kind) throws Exception {
        try (Database db = TestDatabases.fresh(kind)) {
            AuditLog audit = new AuditLog(CLOCK);
            DemoRoster.organisations().forEach(o -> new Organisations(db, audit).add(o, "admin"));
            People people = new People(db, audit);
            List<Person> batch = new ArrayList<>(DemoRoster.almatyParticipants());
            batch.add(Person.builder("p-bad", Country.KAZAKHSTAN).latinName("Nobody").organisation(OrganisationId.of("no-such-org")).build());

            assertThatThrownBy(() -> people.addAll(batch, "coordinator")).isInstanceOf(RuntimeException.class);

            assertThat(people.all()).isEmpty();
            assertThat(audit.of(db, "person", "p-kz-01")).isEmpty();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void the_migrated_database_has_every_table_and_column_the_generated_code_expects(Kind kind) throws Exception {
        try (Database db = TestDatabases.fresh(kind)) {
            var actual = db.dsl().meta().getTables();
            for (Table<?> generated : org.cadre.server.store.schema.DefaultSchema.DEFAULT_SCHEMA.getTables()) {
                Table<?> found = actual.stream().filter(t -> t.getName().equalsIgnoreCase(generated.getName())).findFirst()
                        .orElseThrow(() -> new AssertionError("table " + generated.getName() + " missing in " + kind));
                Set<String> columns = java.util.Arrays.stream(found.fields()).map(f -> f.getName().toLowerCase(java.util.Locale.ROOT))
                        .collect(Collectors.toSet());
                assertThat(columns).as("columns of %s in %s", generated.getName(), kind)
                        .containsExactlyInAnyOrderElementsOf(java.util.Arrays.stream(generated.fields())
                                .map(f -> f.getName().toLowerCase(java.util.Locale.ROOT)).toList());
            }
        }
    }

    @Test
    void sqlite_is_opened_with_wal_full_sync_foreign_keys_and_a_busy_timeout() throws Exception {
        try (Database db = Database.sqlite(TestDatabases.tempFile())) {
            var dsl = db.dsl();
            assertThat(dsl.fetchValue("PRAGMA journal_mode").toString()).isEqualToIgnoringCase("wal");
            assertThat(dsl.fetchValue("PRAGMA synchronous").toString()).isEqualTo("2");
            assertThat(dsl.fetchValue("PRAGMA foreign_keys").toString()).isEqualTo("1");
            assertThat(Integer.parseInt(dsl.fetchValue("PRAGMA busy_timeout").toString())).isGreaterThanOrEqualTo(5000);
        }
    }

    @Test
    void a_database_migrated_by_a_newer_cadre_is_refused() throws Exception {
        var file = TestDatabases.tempFile();
        try (Database db = Database.sqlite(file)) {
            db.dsl().execute("INSERT INTO flyway_schema_history (installed_rank, version, description, type, script, checksum, "
                    + "installed_by, installed_on, execution_time, success) VALUES (99, '99', 'from the future', 'SQL', "
                    + "'V99__future.sql', 0, 'test', CURRENT_TIMESTAMP, 1, 1)");
        }

        assertThatIllegalStateException().isThrownBy(() -> Database.sqlite(file))
                .withMessageContaining("has schema version 99, newer than this Cadre knows (")
                .withMessageMatching(".*knows \\(\\d+\\)\\..*");
    }
}
