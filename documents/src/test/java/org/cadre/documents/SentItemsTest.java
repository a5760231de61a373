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
        TreeMap<Integer, List<String>> setAside = new TreeMap<>(Map.of(1, List.of("items[1].cde: is not a known field")));
        List<Doc> docs = Arrays.asList(new Doc("present", 1), new Doc("present", 2), null, new Doc("here", null), new Doc("late", 0));

        SentItems<String> sent = SentItems.read("items", docs, setAside, SentItemsTest::read);

        assertThat(sent.size()).isEqualTo(5);
        assertThat(sent.items()).containsExactly("PRESENT", null, null, null, "LATE");
        assertThat(sent.faultsOf(0)).isEmpty();
        // Set aside while the document was read: kept as it is, the item not read again.
        assertThat(sent.faultsOf(1)).containsExactly("items[1].cde: is not a known field");
        assertThat(sent.faultsOf(2)).containsExactly("items[2]: is required");
        // Each of the item's faults, though the reader gave a value.
        assertThat(sent.faultsOf(3)).hasSize(2).first().isEqualTo("items[3].points: is required");
        assertThat(sent.faultsOf(3).get(1)).startsWith("items[3].code: ");
        assertThat(sent.unread().keySet()).containsExactly(1, 2, 3);
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
