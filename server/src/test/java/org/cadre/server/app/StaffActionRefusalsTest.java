package org.cadre.server.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.collect.ImmutableSet;
import com.google.common.collect.ImmutableSortedSet;
import java.nio.file.Files;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.cadre.curriculum.CertificationCriteria;
import org.cadre.curriculum.CourseFrame;
import org.cadre.curriculum.Curriculum;
import org.cadre.curriculum.demo.DemoCurricula;
import org.cadre.finding.Finding;
import org.cadre.reporting.disclosure.Audience;
import org.cadre.roster.Country;
import org.cadre.roster.EventId;
import org.cadre.roster.Organisation;
import org.cadre.roster.OrganisationId;
import org.cadre.roster.Person;
import org.cadre.roster.Programme;
import org.cadre.roster.ProgrammeId;
import org.cadre.roster.demo.DemoRoster;
import org.cadre.roster.pool.Evidence;
import org.cadre.server.store.DemoData;
import org.cadre.server.app.Outcome.Refusal;
import org.cadre.server.security.Passwords;
import org.cadre.server.security.UserAccount;
import org.cadre.server.store.AuditLog;
import org.cadre.server.store.Database;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every refusal of the directory, the package library, the trainer pool and the reports, asked of the use
 * cases themselves (as the command line would), each with its kind, its words and every invalid field.
 */
class StaffActionRefusalsTest {

    private static final UserAccount ADMIN = user("admin", UserAccount.Role.ADMIN, Set.of());
    private static final UserAccount KZ = user("kz", UserAccount.Role.COORDINATOR, Set.of(Country.KAZAKHSTAN));
    private static final UserAccount TRAINER = user("trainer", UserAccount.Role.TRAINER, Set.of(Country.KAZAKHSTAN));
    private static final UserAccount DONOR = user("donor", UserAccount.Role.DONOR_VIEWER, Set.of(Country.KAZAKHSTAN));
    private static final String PACKAGE = DemoCurricula.ID;

    private Database db;
    private UseCases app;

    private static UserAccount user(String name, UserAccount.Role role, Set<Country> countries) {
        return new UserAccount(name, Passwords.hash("pw".toCharArray(), 1_000), role, ImmutableSortedSet.copyOf(countries),
                ImmutableSortedSet.of(), false);
    }

    @BeforeEach
    void demo() throws Exception {
        db = Database.sqlite(Files.createTempDirectory("cadre-refusals").resolve("cadre.db"));
        DemoData.load(db, new AuditLog(Clock.systemUTC()));
        app = UseCases.of(db, Clock.systemUTC());
    }

    @AfterEach
    void close() {
        db.close();
    }

    private static void refused(Outcome<?> outcome, Refusal why, String detail, String... errors) {
        assertThat(outcome.refusal()).as(outcome.detail()).contains(why);
        assertThat(outcome.detail()).isEqualTo(detail);
        assertThat(outcome.errors()).containsExactly(errors);
    }

    @Test
    void the_directory_refuses_a_role_a_scope_a_shared_record_a_programmes_countries_a_clash_and_an_erased_person() {
        Directory directory = app.directory();
        Organisation academy = DemoRoster.organisations().stream().filter(o -> o.id().equals(DemoRoster.KZ_BORDER_ACADEMY)).findFirst()
                .orElseThrow();
        Programme demo = DemoRoster.programme();

        refused(directory.mayWrite(TRAINER), Refusal.FORBIDDEN, "The trainer role may not do this.");
        refused(directory.organisations().create(KZ, new Organisation(OrganisationId.of("un-agency"), "A UN agency", Country.of("CH"),
                Organisation.Kind.INTERNATIONAL_ORGANISATION, false)), Refusal.FORBIDDEN,
                "Only an administrator records or changes an international organisation or a donor: they are shared by every programme.");
        refused(directory.programmes().create(KZ, new Programme(ProgrammeId.of("kz-tj"), "Two countries", "Donor",
                ImmutableSet.of(Country.KAZAKHSTAN, Country.TAJIKISTAN), ImmutableSortedSet.of(16))), Refusal.FORBIDDEN,
                "A programme's countries must be within your scope; ask an administrator to record one that spans other countries.");
        refused(directory.programmes().change(KZ, demo.id().value(), new Programme(demo.id(), demo.title(), demo.donor(),
                ImmutableSet.<Country>builder().addAll(demo.countries()).add(Country.of("MN")).build(), demo.sdgs(), demo.period()),
                Expected.any()), Refusal.FORBIDDEN, "Only an administrator changes a programme's countries: they decide who sees the programme.");
        // The demo programme spans Kazakhstan, Tajikistan and Uzbekistan: a coordinator of Kazakhstan sees it, but its title and
        // framework are read in the other countries' reports too.
        String shared = "The programme spans countries outside your scope: only an administrator, someone scoped by the programme, "
                + "or someone scoped by all its countries changes it, since its title, donor and framework are read in every "
                + "country's reports.";
        refused(directory.programmes().change(KZ, demo.id().value(), new Programme(demo.id(), "Renamed by one country", demo.donor(),
                demo.countries(), demo.sdgs(), demo.period()), Expected.any()), Refusal.FORBIDDEN, shared);
        refused(app.frameworks().replace(KZ, demo.id().value(), Optional.of(UserAdministration.ANY_VERSION),
                org.cadre.documents.FrameworkDoc.of(org.cadre.reporting.demo.DemoResults.framework())), Refusal.FORBIDDEN, shared);
        assertThat(directory.programmes().change(ADMIN, demo.id().value(), new Programme(demo.id(), "Renamed by an administrator",
                demo.donor(), demo.countries(), demo.sdgs(), demo.period()), Expected.any()).isDone()).isTrue();
        refused(directory.organisations().read(KZ, "nowhere"), Refusal.NOT_FOUND, "There is no such organisation that you can see.");
        refused(directory.organisations().create(ADMIN, academy), Refusal.CONFLICT, "An organisation with that id exists already.");
        refused(directory.organisations().change(ADMIN, "kz-border-academy", new Organisation(OrganisationId.of("elsewhere"),
                academy.name(), academy.country(), academy.kind(), academy.nominatingAuthority()), Expected.any()),
                Refusal.INVALID, "The body names another record than the address.", "id: must be the id in the address");
        refused(directory.organisations().change(ADMIN, "kz-border-academy", academy, Expected.none()), Refusal.VERSION_REQUIRED,
                "Name the version of the record as you read it.");
        refused(directory.organisations().change(ADMIN, "kz-border-academy", academy, Expected.oneOf(Set.of(99))), Refusal.STALE,
                "The record has changed since the version you read.");
        refused(directory.recordPerson(KZ, Person.builder("mn-officer", Country.of("MN")).latinName("Mongolian Officer").build()),
                Refusal.FORBIDDEN, "That person is outside your scope.");
        refused(directory.recordPerson(KZ, Person.builder("kz-officer", Country.KAZAKHSTAN).latinName("Kazakh Officer")
                .organisation(OrganisationId.of("nowhere")).build()), Refusal.UNPROCESSABLE, "The person's organisation is not recorded.",
                "organisation: no such organisation");

        assertThat(app.erasure().erase(ADMIN, "p-kz-01").isDone()).isTrue();
        refused(directory.changePerson(ADMIN, "p-kz-01", Person.builder("p-kz-01", Country.KAZAKHSTAN).latinName("Back Again").build(),
                Expected.any()), Refusal.CONFLICT,
                "This person's record was erased; it is kept only for the counts and can no longer be changed.");
    }

    @Test
    void the_library_stores_no_version_with_errors_none_twice_and_compares_only_two_named_versions() {
        CurriculumLibrary library = app.curricula();
        Curriculum tooLong = DemoCurricula.almatyTot().toBuilder().version("9.0.0").build();

        refused(library.mayStore(DONOR), Refusal.FORBIDDEN, "The donor-viewer role may not do this.");
        Outcome<CurriculumLibrary.Stored> overrun = library.store(KZ, tooLong, Optional.of(CourseFrame.ofHours(1, 1)));
        refused(overrun, Refusal.RULES, "The package version has errors; nothing was stored.");
        assertThat(overrun.findings().stream().map(Finding::code)).contains("curriculum.course-overrun");
        refused(library.store(KZ, DemoCurricula.almatyTot(), Optional.empty()), Refusal.CONFLICT,
                "That package version is stored already; a stored version never changes, store a new version.");
        refused(library.diff(KZ, PACKAGE, Optional.empty(), Optional.of("next")), Refusal.INVALID, "Name the two versions to compare.",
                "from: must be a version such as 1.0.0", "to: must be a version such as 1.1.0");
        refused(library.version(KZ, PACKAGE, "9.9.9"), Refusal.NOT_FOUND, "There is no such package version that you can see.");
    }

    @Test
    void pool_evidence_is_refused_from_an_unknown_or_wrong_event_outside_its_days_for_staff_of_others_and_without_a_certificate() {
        TrainerPoolWork pool = app.pool();
        LocalDate enrolled = LocalDate.of(2023, 10, 23);

        // A trainer on record: the version read is judged before what the evidence names.
        refused(pool.addEvidence(ADMIN, "p-kz-01", PACKAGE, evidence(Evidence.Kind.TOT_ENROLLED, enrolled, "nowhere"), Expected.none()),
                Refusal.VERSION_REQUIRED, "Name the version of the record as you read it.");
        refused(pool.addEvidence(ADMIN, "p-kz-01", PACKAGE, evidence(Evidence.Kind.TOT_ENROLLED, enrolled, "nowhere"), Expected.any()),
                Refusal.UNPROCESSABLE, "The evidence names an event that is not stored.", "event: no such event");
        refused(pool.addEvidence(ADMIN, "p-kz-01", PACKAGE, evidence(Evidence.Kind.TOT_ENROLLED, enrolled, "cascade-dushanbe-2024"),
                Expected.any()), Refusal.UNPROCESSABLE, "The evidence does not fit the event it names.",
                "event: the person is not enrolled in it", "event: is a cascade; ToT enrolment and completion come from a ToT");
        refused(pool.addEvidence(ADMIN, "p-kz-01", PACKAGE, evidence(Evidence.Kind.TOT_ENROLLED, LocalDate.of(2023, 11, 30),
                "tot-almaty-2023"), Expected.any()), Refusal.UNPROCESSABLE, "The evidence is dated outside the event it names.",
                "on: evidence dated 2023-11-30 is outside tot-almaty-2023 (2023-10-22..2023-10-28)");
        refused(pool.addEvidence(KZ, "t-iom-01", PACKAGE, evidence(Evidence.Kind.RECERTIFICATION, enrolled, "tot-almaty-2023"),
                Expected.any()), Refusal.FORBIDDEN, "Your role or scope may not change this person's record.");

        Curriculum certifiesNoOne = DemoCurricula.almatyTot().toBuilder().version("2.0.0")
                .certification(new CertificationCriteria(0.8, 14, true, Optional.empty())).build();
        assertThat(app.curricula().store(ADMIN, certifiesNoOne, Optional.empty()).isDone()).isTrue();
        refused(pool.addEvidence(ADMIN, "p-kz-01", PACKAGE, evidence(Evidence.Kind.TOT_ENROLLED, enrolled, "tot-almaty-2023"),
                Expected.any()), Refusal.UNPROCESSABLE, "The package certifies no trainers; it has no trainer pool.",
                "curriculum: its certification criteria give no certificate validity");
    }

    private static TrainerPoolWork.NewEvidence evidence(Evidence.Kind kind, LocalDate on, String event) {
        return new TrainerPoolWork.NewEvidence(kind, Optional.of(on), EventId.of(event), "", Optional.empty());
    }

    @Test
    void reports_are_refused_for_an_audience_the_role_may_not_read_and_a_period_that_is_empty_or_cannot_be_settled() {
        Reports reports = app.reports();
        String demo = DemoRoster.PROGRAMME.value();

        refused(reports.audience(DONOR, Optional.of("internal")), Refusal.FORBIDDEN, "The donor-viewer role reads donor and public reports only.",
                "audience: must be donor or public for the donor-viewer role");
        refused(reports.audience(KZ, Optional.of("everyone")), Refusal.INVALID, "The audience is not one of internal, donor, public.",
                "audience: must be internal, donor or public");
        assertThat(reports.audience(DONOR, Optional.empty()).get()).isEqualTo(Audience.DONOR);
        refused(reports.programme(KZ, demo, Audience.DONOR, Optional.of(LocalDate.of(2024, 1, 1)), Optional.of(LocalDate.of(2023, 1, 1))),
                Refusal.INVALID, "The period is empty.", "to: must not be before from");
        // The demo programme has an event in Tajikistan: a coordinator of Kazakhstan reads its donor report, not its internal one.
        refused(reports.programme(KZ, demo, Audience.INTERNAL, Optional.empty(), Optional.empty()), Refusal.FORBIDDEN, Reports.INTERNAL_PROGRAMME,
                "audience: must be donor or public for this programme");
        refused(reports.programmeAudience(KZ, demo, Optional.of("internal")), Refusal.FORBIDDEN, Reports.INTERNAL_PROGRAMME,
                "audience: must be donor or public for this programme");
        assertThat(reports.programmeAudience(KZ, demo, Optional.empty()).get()).isEqualTo(Audience.DONOR);
        assertThat(reports.programmeAudience(ADMIN, demo, Optional.empty()).get()).isEqualTo(Audience.INTERNAL);
        assertThat(reports.programmeAudience(KZ, "nowhere", Optional.empty()).detail()).isEqualTo("There is no such programme that you can see.");

        Programme empty = new Programme(ProgrammeId.of("kz-nothing-yet"), "Nothing yet", "Donor", ImmutableSet.of(Country.KAZAKHSTAN),
                ImmutableSortedSet.of(16));
        assertThat(app.directory().programmes().create(ADMIN, empty).isDone()).isTrue();
        Outcome<Reports.ProgrammeReportOf> unsettled = reports.programme(KZ, "kz-nothing-yet", Audience.INTERNAL, Optional.empty(),
                Optional.empty());
        refused(unsettled, Refusal.RULES, "The report's period cannot be settled; name it with from and to.");
        assertThat(unsettled.findings().stream().map(Finding::code)).containsExactly("report.period-unknown");
        assertThat(List.of(reports.event(KZ, "nowhere", Audience.INTERNAL).detail())).containsExactly("There is no such event that you can see.");
    }
}
