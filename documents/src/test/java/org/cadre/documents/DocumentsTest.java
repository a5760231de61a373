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

    /**
     * A malformed document says where it stopped being readable, by line and column, and what kind of fault it
     * is, without repeating what it says there (the attacker's review: "malformed" alone, with no position).
     */
    @Test
    void a_malformed_document_says_where_by_line_and_column_and_repeats_none_of_it() {
        assertThat(refused("{\"marks\": [\n  \"a\",\n  Айгерим\n]}").getMessage())
                .isEqualTo("The document is not valid JSON: a character that JSON does not allow there at line 3, column 4.");
        assertThat(refused("{\"marks\": [\"a\",\n").getMessage())
                .startsWith("The document is not valid JSON: it ends before its value does at line 2");
        assertThat(refused("{\"marks\":[]} x").getMessage()).contains("at line 1, column");
        assertThat(refused("{\"marks\": [\n  \"a\",\n  Айгерим\n]}").getMessage()).doesNotContain("Айгерим").doesNotContain("code");
    }
}
