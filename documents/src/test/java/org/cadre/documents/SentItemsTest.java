package org.cadre.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class SentItemsTest {

    record Doc(String code, Integer points) {}

    /** Reads a document's code as upper case and its points as required, each fault under its own field. */
    private static String read(Doc doc, Fields f, String at) {
        f.require(at + ".points", doc.points());
        String code = f.at(at + ".code", () -> Labels.parse(org.cadre.roster.AttendanceMark.class, doc.code()).name());
        return f.ok() ? code : "read despite faults";
    }

    @Test
    void each_item_is_read_on_its_own_and_those_with_faults_keep_them_by_place_in_the_lists_order() {
        TreeMap<Integer, List<String>> setAside = new TreeMap<>(Map.of(1, List.of("items[1].cde: is not a known field"),
                5, List.of("items[5].points: must be a whole number")));
        // Item 5's points were taken out for their fault, as the document reader does: they read as missing.
        List<Doc> docs = Arrays.asList(new Doc("present", 1), new Doc("present", 2), null, new Doc("here", null), new Doc("late", 0),
                new Doc("here", null));

        SentItems<String> sent = SentItems.read("items", docs, setAside, SentItemsTest::read);

        assertThat(sent.size()).isEqualTo(6);
        // Item 1 is read in part: what was read is there to be judged, with the fault set aside.
        // Items 3 and 5 are read in part by the reader, despite its faults: judged on the rest, never recorded.
        assertThat(sent.items()).containsExactly("PRESENT", "PRESENT", null, "read despite faults", "LATE", "read despite faults");
        assertThat(sent.faultsOf(0)).isEmpty();
        assertThat(sent.faultsOf(1)).containsExactly("items[1].cde: is not a known field");
        assertThat(sent.faultsOf(2)).containsExactly("items[2]: is required");
        // Each of the item's faults, with the value the reader gave.
        assertThat(sent.faultsOf(3)).hasSize(2).first().isEqualTo("items[3].points: is required");
        assertThat(sent.faultsOf(3).get(1)).startsWith("items[3].code: ");
        // Set aside, then the reader's own about the other fields; points named once, for what was sent.
        assertThat(sent.faultsOf(5)).hasSize(2).first().isEqualTo("items[5].points: must be a whole number");
        assertThat(sent.faultsOf(5).get(1)).startsWith("items[5].code: ");
        assertThat(sent.unread().keySet()).containsExactly(1, 2, 3, 5);
    }

    @Test
    void a_judgement_names_no_field_the_items_faults_name_hold_or_are_held_by_and_always_the_item_itself() {
        SentItems<String> sent = new SentItems<>(List.of("a"), new TreeMap<>(Map.of(0, List.of("scores[0].points.Q1: must be a whole number"))));

        List<String> named = sent.faultsWith(0, "scores[0]", List.of(
                "scores[0].points: must name at least one test question", // holds the field at fault: emptied by taking it out
                "scores[0].points.Q1: is required", // the field at fault itself
                "scores[0].points.Q1.x: is odd", // within it
                "scores[0].person: is not enrolled in this event",
                "scores[0]: scores 99 on Q2, whose maximum is 2",
                "scores[0].person: is not enrolled in this event"));

        assertThat(named).containsExactly("scores[0].points.Q1: must be a whole number", "scores[0].person: is not enrolled in this event",
                "scores[0]: scores 99 on Q2, whose maximum is 2");
        assertThat(sent.faultsWith(0, "scores[0]", List.of("scores[0].pointsx: is odd", "scores[1].points: is odd")))
                .containsExactly("scores[0].points.Q1: must be a whole number", "scores[0].pointsx: is odd", "scores[1].points: is odd");
    }

    @Test
    void a_list_not_sent_is_null_for_the_use_case_to_name_as_required_and_items_read_whole_have_no_faults() {
        assertThat(SentItems.read("items", null, new TreeMap<>(), SentItemsTest::read)).isNull();
        assertThat(SentItems.all("items", null)).isNull();
        SentItems<String> all = SentItems.all("items", List.of("a", "b"));
        assertThat(all.unread()).isEmpty();
        assertThat(all.items()).containsExactly("a", "b");
    }

    @Test
    void an_item_missing_without_its_faults_or_faults_of_no_item_sent_are_refused() {
        assertThatThrownBy(() -> new SentItems<>(Arrays.asList("a", null), new TreeMap<>()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SentItems<>(List.of("a"), new TreeMap<>(Map.of(1, List.of("items[1]: is required")))))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
