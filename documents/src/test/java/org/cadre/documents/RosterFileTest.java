package org.cadre.documents;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import org.cadre.roster.Country;
import org.cadre.roster.Enrolment;
import org.cadre.roster.Event;
import org.cadre.roster.OrganisationId;
import org.cadre.roster.Person;
import org.cadre.roster.PersonId;
import org.cadre.roster.RosterRows;
import org.cadre.roster.demo.DemoRoster;
import org.junit.jupiter.api.Test;

/** A roster file read and planned: what a file becomes, and every way a file is refused, line by line. */
class RosterFileTest {

    private static final Event EVENT = DemoRoster.almatyTot().event();
    private static final LocalDate ON = LocalDate.of(2023, 9, 1);
    private static final String HEADER = "person_id,native_name,latin_name,sex,country,organisation,rank,role,nominated_by\r\n";

    /** A store holding one person, two organisations and one enrolment in the event. */
    private static final RosterRows.Known STORE = new RosterRows.Known(
            Map.of(PersonId.of("p-known"), Person.builder("p-known", Country.KAZAKHSTAN).nativeName("Ержан Сапаров")
                    .latinName("Yerzhan Saparov").build()),
            Set.of(PersonId.of("p-known")),
            Set.of(OrganisationId.of("kz-border-academy"), OrganisationId.of("kz-nsc-border-guard")),
            Set.of(PersonId.of("p-enrolled")), (p, role) -> true, (p, role) -> true);

    /** The file read and planned, as the import use case does. */
    private static RosterRows.Plan plan(byte[] file) {
        RosterCsv.Read read = RosterCsv.read(file);
        return read.ok() ? RosterRows.plan(read.rows(), EVENT, ON, STORE) : RosterRows.refused(read.refusals());
    }

    private static RosterRows.Plan plan(String csv) {
        return plan(csv.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void a_good_file_enrols_every_row_and_adds_the_people_not_on_record() {
        RosterRows.Plan plan = plan(HEADER
                + "p-new,Айгерим Нурланова,Aigerim Nurlanova,female,KZ,kz-border-academy,Captain,participant,\r\n"
                + "p-known,Ержан Сапаров,Yerzhan Saparov,male,KZ,,,participant,kz-nsc-border-guard\r\n");

        assertThat(plan.errors()).isEmpty();
        assertThat(plan.newPeople()).extracting(p -> p.id().value()).containsExactly("p-new");
        assertThat(plan.enrolments()).extracting(e -> e.person().value() + " by " + e.nominatedBy().orElseThrow())
                .containsExactly("p-new by kz-border-academy", "p-known by kz-nsc-border-guard");
        assertThat(plan.enrolments()).allSatisfy(e -> assertThat(e.since()).isEqualTo(ON));
    }

    @Test
    void a_byte_order_mark_before_the_header_is_read_as_nothing() {
        String row = "p-bom,,Bolat Omarov,male,KZ,kz-border-academy,,participant,\r\n";

        RosterRows.Plan withMark = plan(("\uFEFF" + HEADER + row).getBytes(StandardCharsets.UTF_8));

        assertThat(withMark.errors()).isEmpty();
        assertThat(withMark.enrolments()).extracting(Enrolment::person).containsExactly(PersonId.of("p-bom"));
        assertThat(withMark).isEqualTo(plan(HEADER + row));
    }

    @Test
    void a_person_twice_in_one_file_is_refused_on_the_later_line() {
        RosterRows.Plan plan = plan(HEADER
                + "p-twice,,Dana Ismailova,female,KZ,kz-border-academy,,participant,\r\n"
                + "p-other,,Marat Akhmetov,male,KZ,kz-border-academy,,participant,\r\n"
                + "p-twice,,Dana Ismailova,female,KZ,kz-border-academy,,participant,\r\n");

        assertThat(plan.errors()).containsExactly("line 4: person_id: appears on line 2 already; list each person once");
        assertThat(plan.newPeople()).isEmpty();
        assertThat(plan.enrolments()).isEmpty();
    }

    @Test
    void a_row_describing_a_stored_person_differently_is_refused_and_changes_nothing() {
        RosterRows.Plan plan = plan(HEADER + "p-known,Ержан Сапаров,Erzhan Saparov,male,KZ,,,participant,kz-border-academy\r\n");

        assertThat(plan.errors()).containsExactly(
                "line 2: latin_name: differs from the record of person p-known; change the person's record first, or write the row as it is recorded");
        assertThat(plan.enrolments()).isEmpty();
    }

    @Test
    void a_stored_person_listed_by_latin_name_only_is_enrolled_as_recorded() {
        RosterRows.Plan plan = plan(HEADER + "p-known,,Yerzhan Saparov,,KZ,,,participant,kz-border-academy\r\n");

        assertThat(plan.errors()).isEmpty();
        assertThat(plan.newPeople()).isEmpty();
        assertThat(plan.enrolments()).extracting(e -> e.person().value()).containsExactly("p-known");
    }

    @Test
    void every_reason_a_row_is_refused_is_given_at_once() {
        RosterRows.Plan plan = plan(HEADER + "p-1,,,male,kz,kz-border-academy,,chief,,extra\r\n");

        assertThat(plan.errors()).containsExactlyInAnyOrder(
                "line 2: has more cells than the header row has columns",
                "line 2: country: is not a country's ISO 3166-1 alpha-2 code (two capitals that name a country, such as KZ)",
                "line 2: native_name: give native_name, latin_name or both",
                "line 2: role: must be one of participant, trainer, co-trainer, guest-trainer, observer, interpreter, organiser");
    }

    @Test
    void an_unknown_column_is_named_by_its_position_never_by_its_text() {
        RosterRows.Plan plan = plan("person_id,latin_name,country,role,nominated_by,Zhanna Omarova\r\n"
                + "p-1,Officer One,KZ,participant,kz-border-academy,x\r\n");

        assertThat(plan.errors()).containsExactly("line 1: column 6 is not one of " + String.join(", ", RosterRows.COLUMNS));
    }

    @Test
    void a_quote_left_open_is_named_at_its_line_not_blamed_on_the_header_row() {
        String file = "person_id,latin_name,country,role,nominated_by\r\n"
                + "p-1,Officer One,KZ,participant,kz-border-academy\r\n"
                + "p-2,\"Officer, Two\",KZ,participant,kz-border-academy\r\n"
                + "p-3,\"Officer Three,KZ,participant,kz-border-academy\r\n"
                + "p-4,Officer Four,KZ,participant,kz-border-academy\r\n";

        assertThat(plan(file).errors()).containsExactly(
                "line 4: a quoted cell is not closed (a \" that no \" closes, on this line or a later one); nothing after it could be read");
        assertThat(plan("person_id,\"latin_name,country\r\np-1,Officer,KZ\r\n").errors()).singleElement().asString()
                .startsWith("line 1: the file is not CSV with a header row");
    }

    @Test
    void a_header_row_separated_by_semicolons_or_tabs_is_named_as_such() {
        String columns = "line 1: column 1 is not one of " + String.join(", ", RosterRows.COLUMNS);

        assertThat(plan("person_id;latin_name;country;role\r\np-1;Officer One;KZ;participant\r\n").errors())
                .contains(columns + " (cells are separated by commas; this header row seems to use semicolons)");
        assertThat(plan("person_id\tlatin_name\tcountry\trole\r\np-1\tOfficer One\tKZ\tparticipant\r\n").errors())
                .contains(columns + " (cells are separated by commas; this header row seems to use tabs)");
    }

    @Test
    void a_person_enrolled_already_is_refused() {
        RosterRows.Plan plan = plan(HEADER + "p-enrolled,,Any Officer,male,KZ,kz-border-academy,,participant,\r\n");

        assertThat(plan.errors()).containsExactly("line 2: person_id: is enrolled in this event already");
    }

    @Test
    void the_row_limit_is_taken_and_one_row_more_is_refused_naming_the_first_line_over_it() {
        StringBuilder atLimit = new StringBuilder(HEADER);
        for (int i = 0; i < RosterRows.MAX_ROWS; i++) {
            atLimit.append("p-").append(i).append(",,Officer ").append(i).append(",male,KZ,kz-border-academy,,participant,\r\n");
        }
        assertThat(plan(atLimit.toString()).enrolments()).hasSize(RosterRows.MAX_ROWS);

        RosterRows.Plan over = plan(atLimit + "p-over,,One Too Many,male,KZ,kz-border-academy,,participant,\r\n");

        assertThat(over.errors()).containsExactly("line " + (RosterRows.MAX_ROWS + 2) + ": an import takes at most "
                + RosterRows.MAX_ROWS + " rows; split the file and import each part");
        assertThat(over.enrolments()).isEmpty();
    }

    @Test
    void organisation_is_optional_when_nominated_by_names_the_nominating_authority() {
        RosterRows.Plan plan = plan(HEADER + "p-new,,Aidos Serikbayev,male,KZ,,,participant,kz-border-academy\r\n");

        assertThat(plan.errors()).isEmpty();
        assertThat(plan.newPeople()).singleElement().satisfies(p -> assertThat(p.organisation()).isEmpty());
        assertThat(plan.enrolments()).singleElement().satisfies(e -> assertThat(e.nominatedBy()).contains(OrganisationId.of("kz-border-academy")));
    }

    @Test
    void a_row_with_neither_organisation_nor_nominated_by_is_refused_naming_both_columns() {
        RosterRows.Plan plan = plan(HEADER + "p-new,,Aidos Serikbayev,male,KZ,,,participant,\r\n");

        assertThat(plan.errors()).containsExactly("line 2: nominated_by: give nominated_by or organisation");
    }

    @Test
    void every_bad_row_is_listed_with_its_line_and_the_quoted_value_never_comes_back() {
        RosterRows.Plan plan = plan(HEADER
                + "p-1,,Officer One,male,KZ,no-such-agency,,participant,\r\n"
                + "p-2,,Officer Two,unknown,KZ,kz-border-academy,,participant,\r\n"
                + "p-3,,\"Officer, Three\",male,KZ,kz-border-academy,,chief,\r\n");

        assertThat(plan.errors()).containsExactly("line 2: organisation: no such organisation",
                "line 3: sex: must be one of female, male, another, not-recorded",
                "line 4: role: must be one of participant, trainer, co-trainer, guest-trainer, observer, interpreter, organiser");
        assertThat(String.join("\n", plan.errors())).doesNotContain("Officer", "no-such-agency", "unknown", "chief");
    }

    /** Lines end as the parser ends them (the attacker's review: a file of lone CRs named every fault "line 1"). */
    @Test
    void lines_ending_in_a_carriage_return_alone_or_twice_are_counted_as_the_parser_reads_them() {
        String header = "person_id,latin_name,sex,country,role,organisation";
        String good = "p-1,Officer One,male,KZ,participant,kz-border-academy";
        String bad = "p-2,Officer Two,alien,KZ,participant,kz-border-academy";

        assertThat(plan(header + "\r" + good + "\r" + bad + "\r").errors()).as("old Mac line ends")
                .containsExactly("line 3: sex: must be one of female, male, another, not-recorded");
        assertThat(plan(header + "\r\n" + good + "\r\r\n" + bad + "\r\n").errors()).as("CR CR LF: a CR alone, then CR LF, an empty line between")
                .containsExactly("line 4: sex: must be one of female, male, another, not-recorded");
        assertThat(plan(concat((header + "\r" + good + "\r").getBytes(StandardCharsets.UTF_8), new byte[] {'p', (byte) 0xFF, '\r'})).errors())
                .containsExactly("line 3: is not valid UTF-8; save the file as UTF-8");
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    /** A control character at a cell's end is refused as the JSON API refuses it, not trimmed away (the attacker's review). */
    @Test
    void a_control_character_at_the_end_of_a_cell_is_refused_not_stored_without_it() {
        RosterRows.Plan plan = plan("person_id,latin_name,rank,country,role,organisation\r\n"
                + "p-ctl,\u0001Anna\u001f,  Major\t,KZ,participant,kz-border-academy\r\n"
                + "p-ok,  Bolat Omarov  ,\tMajor ,KZ,participant,kz-border-academy\r\n");

        assertThat(plan.errors()).singleElement().asString().startsWith("line 2: latin_name: ");
        RosterRows.Plan spaces = plan("person_id,latin_name,rank,country,role,organisation\r\n"
                + " p-ok , Bolat Omarov ,\tMajor ,KZ, participant ,kz-border-academy\r\n");
        assertThat(spaces.errors()).isEmpty();
        assertThat(spaces.newPeople()).singleElement().satisfies(p -> {
            assertThat(p.latinName()).contains("Bolat Omarov");
            assertThat(p.rank()).contains("Major");
        });
    }

    /** Spreadsheets write rows of empty cells below a table: they are skipped as empty lines are (the newcomer's review). */
    @Test
    void a_row_of_empty_cells_is_skipped_as_an_empty_line_is() {
        String header = "person_id,latin_name,sex,country,role,organisation\r\n";
        RosterRows.Plan plan = plan(header + ",,,,,\r\n" + "p-1,Officer One,male,KZ,participant,kz-border-academy\r\n"
                + " , ,\t,,,\r\n" + "p-2,Officer Two,alien,KZ,participant,kz-border-academy\r\n" + ",,,,,\r\n");

        assertThat(plan.errors()).containsExactly("line 5: sex: must be one of female, male, another, not-recorded");
        assertThat(plan(header + ",,,,,\r\n,,,,,\r\n").errors()).containsExactly("line 2: the file has no rows");
        // As the import reads it, a chunk at a time: the rows counted are the rows read.
        assertThat(RosterCsv.open((header + ",,,,,\r\n,,,,,\r\n").getBytes(StandardCharsets.UTF_8)).refusals())
                .extracting(f -> f.subject() + ": " + f.message()).containsExactly("line/2: the file has no rows");
        assertThat(RosterCsv.open((header + ",,,,,\r\np-1,Officer One,male,KZ,participant,kz-border-academy\r\n,,,,,\r\n")
                .getBytes(StandardCharsets.UTF_8)).count()).isEqualTo(1);
    }

    @Test
    void text_after_a_closing_quote_is_named_as_such_not_as_a_quote_left_open() {
        String file = "person_id,latin_name,country,role,nominated_by\r\n"
                + "p-1,Officer One,KZ,participant,kz-border-academy\r\n"
                + "p-2,\"Officer\" Two,KZ,participant,kz-border-academy\r\n";

        assertThat(plan(file).errors()).containsExactly("line 3: a quoted cell has more text after its closing \" (write the whole cell "
                + "within the quotes, and a \" in it as \"\"); nothing after it could be read");
    }
}
