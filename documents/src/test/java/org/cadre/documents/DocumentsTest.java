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
}
