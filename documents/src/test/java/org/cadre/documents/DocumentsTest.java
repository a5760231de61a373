package org.cadre.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class DocumentsTest {

    /** A document of one list, as the attendance body is. */
    record Marks(List<String> marks) {}

    private static Documents.Unreadable refused(String json) {
        return catchThrowableOfType(Documents.Unreadable.class, () -> Documents.read(json.getBytes(StandardCharsets.UTF_8), Marks.class));
    }

    @Test
    void a_document_with_anything_after_its_json_value_is_refused_as_malformed() throws Exception {
        // The attacker's review of issue 16: the second object was silently ignored, and the first one stored.
        for (String json : List.of("{\"marks\":[]} {\"marks\":[\"zzz\"]}", "{\"marks\":[]}]]]", "{\"marks\":[]} x", "{\"marks\":[]}{}")) {
            Documents.Unreadable e = refused(json);
            assertThat(e).as(json).isNotNull();
            assertThat(e.malformed()).as(json).isTrue();
        }
        assertThat(Documents.read("{\"marks\":[\"a\"]}\r\n \t".getBytes(StandardCharsets.UTF_8), Marks.class).marks())
                .as("white space after the value is not content").containsExactly("a");
    }

    /** An unknown field is named when its name could be a field's, never when it is not (a person's name, say). */
    @Test
    void an_unknown_field_is_named_only_when_its_name_could_be_a_fields() {
        assertThat(refused("{\"marks\":[],\"extra_1\":1}").fields()).containsExactly("extra_1: is not a known field");
        assertThat(refused("{\"marks\":[],\"Серик Жумабаев\":1}").fields()).containsExactly("(a field): is not a known field");
        assertThat(refused("{\"marks\":[],\"Serik Zhumabayev SECRET\":1}").fields()).containsExactly("(a field): is not a known field");
    }

    /** Every unknown field is named at once, wherever it stands and whatever its value, not one a try. */
    @Test
    void every_unknown_field_is_named_at_once() {
        assertThat(refused("{\"mark\":[\"a\"],\"marks\":[],\"extra\":{\"x\":[1,{}]},\"more\":[{}],\"last\":null}").fields())
                .containsExactly("mark: is not a known field", "extra: is not a known field", "more: is not a known field",
                        "last: is not a known field");
        Documents.Unreadable nested = catchThrowableOfType(Documents.Unreadable.class, () -> Documents.read(
                "{\"maxParticipants\":3,\"slots\":[{\"minutes\":5},{\"minutes\":6,\"start\":\"09:00\",\"end\":{}}],\"size\":1}"
                        .getBytes(StandardCharsets.UTF_8), Capacity.class));
        assertThat(nested.fields()).containsExactly("slots[1].start: is not a known field", "slots[1].end: is not a known field",
                "size: is not a known field");
        assertThat(nested.getMessage()).isEqualTo("The document has fields that are not known here.");
        // A field of the wrong type met after them is named with them.
        Documents.Unreadable mixed = catchThrowableOfType(Documents.Unreadable.class, () -> Documents.read(
                "{\"slots\":[{\"minutes\":1,\"x\":2}],\"maxParticipants\":\"3\"}".getBytes(StandardCharsets.UTF_8), Capacity.class));
        assertThat(mixed.fields()).containsExactly("slots[0].x: is not a known field", "maxParticipants: must be a whole number");
        // At most twenty: a document of hundreds is no misspelling, and each is bound again.
        StringBuilder many = new StringBuilder("{\"marks\":[]");
        for (int i = 0; i < 500; i++) {
            many.append(",\"f").append(i).append("\":").append(i);
        }
        assertThat(refused(many + "}").fields()).hasSize(20).startsWith("f0: is not a known field").endsWith("f19: is not a known field");
    }

    /**
     * Faults of more items than are set aside are named in the list's order: past the twentieth item they were met as the
     * document's own and named first ({@code slots[20]}, {@code [21]}, {@code [22]}, then {@code [0]}).
     */
    @Test
    void faults_of_many_items_are_named_in_the_lists_order() {
        StringBuilder slots = new StringBuilder("{\"maxParticipants\":3,\"slots\":[");
        for (int i = 0; i < 23; i++) {
            slots.append(i == 0 ? "" : ",").append("{\"minutes\":5,\"phase\":\"pre\"}");
        }
        Documents.Unreadable refused = catchThrowableOfType(Documents.Unreadable.class, () -> Documents.readItems(
                (slots + "],\"size\":1}").getBytes(StandardCharsets.UTF_8), Capacity.class, "slots"));
        List<String> expected = new java.util.ArrayList<>(List.of("size: is not a known field"));
        for (int i = 0; i < 23; i++) {
            expected.add("slots[" + i + "].phase: is not a known field");
        }
        assertThat(refused.fields()).containsExactlyElementsOf(expected);
    }

    /**
     * Faults within the items of the list named are set aside by item, every one of them, and the document is read
     * without them, so the caller can judge the other items; faults elsewhere refuse the document as before.
     */
    @Test
    void faults_within_a_lists_items_are_set_aside_by_item_and_the_rest_is_read() throws Exception {
        Documents.Read<Capacity> read = Documents.readItems(("{\"maxParticipants\":3,\"slots\":[{\"minutes\":5},"
                + "{\"minutes\":6,\"start\":\"09:00\",\"end\":1},{\"minutes\":\"7\"},8,{\"minutes\":99999999999999999999},{\"minutes\":10}]}")
                .getBytes(StandardCharsets.UTF_8), Capacity.class, "slots");

        assertThat(read.itemFaults()).containsOnlyKeys(1, 2, 3, 4);
        assertThat(read.itemFaults().get(1)).containsExactly("slots[1].start: is not a known field", "slots[1].end: is not a known field");
        assertThat(read.itemFaults().get(2)).containsExactly("slots[2].minutes: must be a whole number");
        assertThat(read.itemFaults().get(3)).containsExactly("slots[3]: must be an object");
        assertThat(read.itemFaults().get(4)).containsExactly("slots[4].minutes: is too large a number for this field");
        assertThat(read.value().maxParticipants()).isEqualTo(3);
        assertThat(read.value().slots().get(0).minutes()).isEqualTo(5);
        assertThat(read.value().slots().get(5).minutes()).isEqualTo(10);
        // A text that cannot be stored takes its item out whole; outside the list, faults refuse the document.
        Documents.Read<Marks> texts = Documents.readItems("{\"marks\":[\"a\",\"b\\u0001\"]}".getBytes(StandardCharsets.UTF_8), Marks.class,
                "marks");
        assertThat(texts.itemFaults().get(1)).singleElement().asString().startsWith("marks[1]: ");
        assertThat(texts.value().marks()).containsExactly("a", null);
        Documents.Unreadable outside = catchThrowableOfType(Documents.Unreadable.class, () -> Documents.readItems(
                "{\"maxParticipants\":\"3\",\"slots\":[{\"minutes\":1,\"x\":2}]}".getBytes(StandardCharsets.UTF_8), Capacity.class, "slots"));
        assertThat(outside.fields()).as("refused as a whole, naming the items' faults too")
                .containsExactly("maxParticipants: must be a whole number", "slots[0].x: is not a known field");
        Documents.Unreadable unknownOutside = catchThrowableOfType(Documents.Unreadable.class, () -> Documents.readItems(
                "{\"maxParticipants\":3,\"slots\":[{\"minutes\":1,\"x\":2}],\"size\":1}".getBytes(StandardCharsets.UTF_8), Capacity.class,
                "slots"));
        assertThat(unknownOutside.fields()).as("refused as a whole, naming the items' faults too")
                .containsExactly("size: is not a known field", "slots[0].x: is not a known field");
        assertThat(refused("{\"marks\":[\"a\", 1]}").fields()).as("read as before: refused").containsExactly("marks[1]: must be text (a JSON string)");
        // Bounded as the unknown fields are: a list of many faulty items is no set of slips, and each is bound again.
        StringBuilder many = new StringBuilder("{\"maxParticipants\":3,\"slots\":[");
        for (int i = 0; i < 200; i++) {
            many.append(i == 0 ? "" : ",").append("{\"minutes\":1,\"x\":").append(i).append('}');
        }
        Documents.Unreadable tooMany = catchThrowableOfType(Documents.Unreadable.class, () -> Documents.readItems(
                (many + "]}").getBytes(StandardCharsets.UTF_8), Capacity.class, "slots"));
        assertThat(tooMany.fields()).hasSize(40).contains("slots[0].x: is not a known field", "slots[39].x: is not a known field");
    }

    /**
     * A malformed document says where it stopped being readable, by line and column, and what kind of fault it
     * is, without repeating what it says there (the attacker's review: "malformed" alone, with no position).
     */
    @Test
    void a_malformed_document_says_where_by_line_and_column_and_repeats_none_of_it() {
        // Columns count characters, as an editor does (the document is read as text): the А of line 3 is its third.
        assertThat(refused("{\"marks\": [\n  \"a\",\n  Айгерим\n]}").getMessage())
                .isEqualTo("The document is not valid JSON: a character that JSON does not allow there at line 3, column 3.");
        assertThat(refused("{\"marks\": [\"a\",\n").getMessage())
                .startsWith("The document is not valid JSON: it ends before its value does at line 2");
        assertThat(refused("{\"marks\":[]} x").getMessage()).contains("at line 1, column");
        assertThat(refused("{\"marks\":[],\n \"marks\":[]}").getMessage())
                .isEqualTo("The document is not valid JSON: a field is given twice in one object at line 2, column 9.");
        assertThat(refused("{\"marks\":[]} {\"marks\":[]}").getMessage()).startsWith("The document holds something after its value at line 1");
        assertThat(refused("{\"marks\": [\n  \"a\",\n  Айгерим\n]}").getMessage()).doesNotContain("Айгерим").doesNotContain("code");
    }

    /** A document with a whole number inside a list, as an event's capacity is. */
    /**
     * Every field of the wrong type is named at once, with the unknown ones (the newcomer's review of
     * session 13: "maxParticipants": "20" hid every other fault until it was mended); a record that cannot be made
     * without such a field is still refused naming it, not as a document of another shape.
     */
    @Test
    void every_field_of_the_wrong_type_is_named_at_once_with_the_unknown_ones() throws Exception {
        Documents.Unreadable all = catchThrowableOfType(Documents.Unreadable.class, () -> Documents.read(
                "{\"maxParticipants\":\"20\",\"size\":1,\"named\":{\"day\":20261345,\"count\":true},\"slots\":[{\"minutes\":\"5\"}]}"
                        .getBytes(StandardCharsets.UTF_8), Event.class));
        assertThat(all.malformed()).isFalse();
        assertThat(all.fields()).containsExactlyInAnyOrder("maxParticipants: must be a whole number", "size: is not a known field",
                "named.day: must be text (a JSON string)", "named.count: must be a whole number", "slots[0].minutes: must be a whole number");
        assertThat(all.getMessage()).isEqualTo("Fields are missing, of the wrong type or not known here.");

        // Items of a list of objects too, each in its place (the attacker's re-check: only the first was named).
        Documents.Unreadable items = catchThrowableOfType(Documents.Unreadable.class, () -> Documents.read(
                "{\"maxParticipants\":1,\"slots\":[\"x\",{\"minutes\":1},5,true]}".getBytes(StandardCharsets.UTF_8), Capacity.class));
        assertThat(items.fields()).containsExactly("slots[0]: must be an object", "slots[2]: must be an object", "slots[3]: must be an object");

        // A null item of a list is named where it stands, in a list of texts too (the attacker's last check of session 13:
        // "languages": [null] was a 500); the items of the list a caller reads by item are left to it.
        Documents.Unreadable nulls = catchThrowableOfType(Documents.Unreadable.class, () -> Documents.read(
                "{\"marks\":[\"a\",null,\"b\",null],\"x\":1}".getBytes(StandardCharsets.UTF_8), Marks.class));
        assertThat(nulls.fields()).containsExactly("marks[1]: is required", "marks[3]: is required", "x: is not a known field");
        assertThat(catchThrowableOfType(Documents.Unreadable.class, () -> Documents.read("{\"marks\":[null]}".getBytes(StandardCharsets.UTF_8),
                Marks.class)).getMessage()).isEqualTo("A list holds an item that is null.");
        assertThat(Documents.readItems("{\"marks\":[\"a\",null]}".getBytes(StandardCharsets.UTF_8), Marks.class, "marks").value().marks())
                .containsExactly("a", null);

        Documents.Unreadable needed = catchThrowableOfType(Documents.Unreadable.class, () -> Documents.read(
                "{\"first\":1,\"last\":[3]}".getBytes(StandardCharsets.UTF_8), Needed.class));
        assertThat(needed.malformed()).isFalse();
        assertThat(needed.fields()).containsExactly("first: must be text (a JSON string)", "last: must be text (a JSON string)");
        assertThat(catchThrowableOfType(Documents.Unreadable.class, () -> Documents.read("{\"first\":1}"
                .getBytes(StandardCharsets.UTF_8), Needed.class)).getMessage()).isEqualTo("A field has the wrong type.");
    }

    record Named(String day, int count) {}

    record Event(int maxParticipants, Named named, List<Slot> slots) {}

    /** A record that cannot be made without both its days. */
    record Needed(String first, String last) {
        Needed {
            java.util.Objects.requireNonNull(first, "first");
            java.util.Objects.requireNonNull(last, "last");
        }
    }

    record Capacity(int maxParticipants, List<Slot> slots) {}

    record Slot(long minutes) {}

    @Test
    void a_number_too_large_for_its_field_is_named_by_its_path_not_called_malformed() {
        Documents.Unreadable top = catchThrowableOfType(Documents.Unreadable.class, () -> Documents.read(
                "{\"maxParticipants\": 99999999999, \"slots\": []}".getBytes(StandardCharsets.UTF_8), Capacity.class));
        Documents.Unreadable inner = catchThrowableOfType(Documents.Unreadable.class, () -> Documents.read(
                "{\"maxParticipants\": 1, \"slots\": [{\"minutes\": 1}, {\"minutes\": 99999999999999999999999}]}".getBytes(StandardCharsets.UTF_8),
                Capacity.class));

        assertThat(top.malformed()).isFalse();
        assertThat(top.fields()).containsExactly("maxParticipants: is too large a number for this field");
        assertThat(inner.malformed()).isFalse();
        assertThat(inner.fields()).containsExactly("slots[1].minutes: is too large a number for this field");
    }

    @Test
    void a_document_is_read_as_utf_8_only_with_a_byte_order_mark_skipped() throws Exception {
        String json = "{\"marks\":[\"Айгерим\"]}";
        for (java.nio.charset.Charset other : List.of(StandardCharsets.UTF_16LE, StandardCharsets.UTF_16, java.nio.charset.Charset.forName("UTF-32BE"))) {
            Documents.Unreadable e = catchThrowableOfType(Documents.Unreadable.class, () -> Documents.read(json.getBytes(other), Marks.class));
            assertThat(e).as(other.name()).isNotNull();
            assertThat(e.malformed()).as(other.name()).isTrue();
        }
        byte[] bom = ("\uFEFF" + json).getBytes(StandardCharsets.UTF_8);
        assertThat(Documents.read(bom, Marks.class).marks()).containsExactly("Айгерим");
        assertThat(refused("{\"marks\": [\"a\"").getMessage()).startsWith("The document is not valid JSON: it ends before its value does");
    }

    /**
     * A list longer than one request takes is refused before anything is bound, naming its path (the attacker's review:
     * a 1 MiB body of 200,000 empty items, each answered with its own fault, ran the server out of memory).
     */
    @Test
    void a_list_of_more_items_than_one_request_takes_is_refused_naming_its_path_and_one_of_as_many_is_read() throws Exception {
        String full = "[" + String.join(",", java.util.Collections.nCopies(Documents.MAX_ITEMS, "\"a\"")) + "]";
        String over = "[" + String.join(",", java.util.Collections.nCopies(Documents.MAX_ITEMS + 1, "null")) + "]";

        assertThat(Documents.read(("{\"marks\":" + full + "}").getBytes(StandardCharsets.UTF_8), Marks.class).marks())
                .hasSize(Documents.MAX_ITEMS);
        Documents.Unreadable top = refused("{\"marks\":" + over + "}");
        assertThat(top.malformed()).isFalse();
        assertThat(top.fields()).containsExactly("marks: holds 10001 items; one request takes at most 10000");
        Documents.Unreadable nested = catchThrowableOfType(Documents.Unreadable.class, () -> Documents.readItems(
                ("{\"maxParticipants\": 1, \"slots\": [{\"minutes\": 1, \"x\": " + over + "}]}").getBytes(StandardCharsets.UTF_8),
                Capacity.class, "slots"));
        assertThat(nested.fields()).containsExactly("slots[0].x: holds 10001 items; one request takes at most 10000");
        assertThat(refused("{\"marks\":[[1],{\"a\":[{\"b\":" + over + "}]}," + over + "]}").fields()).containsExactly(
                "marks[1].a[0].b: holds 10001 items; one request takes at most 10000",
                "marks[2]: holds 10001 items; one request takes at most 10000");
        assertThat(refused(over).fields()).containsExactly("body: holds 10001 items; one request takes at most 10000");
        // Text that is not JSON is called so, whatever its lists hold.
        assertThat(refused("{\"marks\":" + over + ",}").malformed()).isTrue();
    }

    @Test
    void a_field_name_too_long_to_store_is_said_to_be_too_long() {
        String name = "k".repeat(5000);
        assertThat(refused("{\"marks\":[],\"x\":{\"" + name + "\":1}}").fields())
                .containsExactly("x: a field name must be at most " + Texts.LONGEST + " characters");
    }
}
