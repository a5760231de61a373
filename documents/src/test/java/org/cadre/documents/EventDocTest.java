package org.cadre.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import org.cadre.roster.demo.DemoRoster;
import org.junit.jupiter.api.Test;

/** An event document's dates and times are refused naming the field within its object, and the form they take. */
class EventDocTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static Fields.InvalidFields refused(java.util.function.Consumer<ObjectNode> change) throws Exception {
        ObjectNode doc = JSON.valueToTree(RosterDocs.EventDoc.of(DemoRoster.almatyTot().event()));
        change.accept(doc);
        RosterDocs.EventDoc read = Documents.read(JSON.writeValueAsBytes(doc), RosterDocs.EventDoc.class);
        return catchThrowableOfType(Fields.InvalidFields.class, read::toDomain);
    }

    @Test
    void a_bad_first_or_last_day_or_slot_time_is_named_within_its_object() throws Exception {
        assertThat(refused(d -> ((ObjectNode) d.get("courseDays")).put("first", "23.10.2023")).errors())
                .containsExactly("courseDays.first: must be a date as YYYY-MM-DD");
        assertThat(refused(d -> ((ObjectNode) d.get("courseDays")).put("last", "3000-01-02")).errors())
                .containsExactly("courseDays.last: must be a date from 1900-01-01 to 2999-12-31");
        assertThat(refused(d -> ((ObjectNode) d.get("agenda").get(0)).put("start", "25:00")).errors())
                .containsExactly("agenda[0].start: must be a time as HH:mm, from 00:00 to 23:59");
        assertThat(refused(d -> ((ObjectNode) d.get("agenda").get(1)).remove("end")).errors())
                .containsExactly("agenda[1].end: is required");
    }

    /**
     * Each field of a span, a slot or a day is named at its path, every one at fault at once (the newcomer's re-check of
     * session 13: "courseDays: first ...", "agenda[0]: start ...", and a slot's end said only once its start was mended).
     */
    @Test
    void each_field_of_a_span_a_slot_or_a_day_is_named_at_its_path_every_one_at_once() throws Exception {
        assertThat(refused(d -> {
            ((ObjectNode) d.get("agenda").get(0)).put("start", "9:00").put("end", "25:00").put("day", "2023-10-32");
            ((ObjectNode) d.get("courseDays")).put("first", "2023-10-27").put("last", "2023-10-23");
        }).errors()).containsExactly("courseDays.last: must not be before first (2023-10-27)", "agenda[0].day: is not a day of the calendar: 2023-10 has 31 days",
                "agenda[0].start: must be a time as HH:mm, from 00:00 to 23:59", "agenda[0].end: must be a time as HH:mm, from 00:00 to 23:59");
        Fields f = new Fields();
        assertThat(new RosterDocs.DayDoc("2023-13-01", null, "kz", null).toDomain(f, "days[1]")).isNull();
        assertThat(f.errors()).hasSize(3).startsWith("days[1].day: is not a day of the calendar: a month is 01 to 12", "days[1].place: is required");
        assertThat(f.errors().get(2)).startsWith("days[1].country: ");
    }

    /** A zone that is none says what a zone is (the newcomer's re-check of session 13: "not a valid date, time, zone or period"). */
    @Test
    void a_zone_that_is_none_says_what_a_zone_is() throws Exception {
        assertThat(refused(d -> d.put("zone", "Asia/Bishkk")).errors()).containsExactly("zone: must be an IANA time zone such as Asia/Almaty");
    }

    @Test
    void a_date_in_the_right_form_that_names_no_day_says_so() throws Exception {
        assertThat(refused(d -> ((ObjectNode) d.get("courseDays")).put("first", "2023-02-29")).errors())
                .containsExactly("courseDays.first: is not a day of the calendar: 2023-02 has 28 days");
        assertThat(refused(d -> ((ObjectNode) d.get("courseDays")).put("last", "2023-13-01")).errors())
                .containsExactly("courseDays.last: is not a day of the calendar: a month is 01 to 12");
        assertThat(refused(d -> ((ObjectNode) d.get("courseDays")).put("first", "2024-04-31")).errors())
                .containsExactly("courseDays.first: is not a day of the calendar: 2024-04 has 30 days");
        // Both ends of a span are named when both are wrong (newcomer: only the first was).
        assertThat(refused(d -> ((ObjectNode) d.get("courseDays")).put("first", "2019-02-29").put("last", "2019-13-01")).errors())
                .containsExactly("courseDays.first: is not a day of the calendar: 2019-02 has 28 days",
                        "courseDays.last: is not a day of the calendar: a month is 01 to 12");
        // A leap day is one.
        assertThat(Dates.parse("2024-02-29")).isEqualTo(java.time.LocalDate.of(2024, 2, 29));
    }

    @Test
    void a_time_has_hours_and_minutes_only() throws Exception {
        for (String time : new String[] {"09:30:15", "9:30", "09:30:00.5", "24:00", "09:60"}) {
            assertThat(refused(d -> ((ObjectNode) d.get("agenda").get(0)).put("start", time)).errors()).as(time)
                    .containsExactly("agenda[0].start: must be a time as HH:mm, from 00:00 to 23:59");
        }
        assertThat(Dates.time("23:59", "end")).isEqualTo(java.time.LocalTime.of(23, 59));
    }

    @Test
    void the_demo_event_reads_back_as_itself() throws Exception {
        RosterDocs.EventDoc doc = RosterDocs.EventDoc.of(DemoRoster.almatyTot().event());
        assertThat(Documents.read(JSON.writeValueAsString(doc).getBytes(StandardCharsets.UTF_8), RosterDocs.EventDoc.class).toDomain())
                .isEqualTo(DemoRoster.almatyTot().event());
    }
}
