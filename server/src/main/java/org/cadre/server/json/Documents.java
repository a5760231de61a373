package org.cadre.server.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.util.List;

/**
 * Reads JSON documents strictly, for the API and the command line alike: no unknown fields, no null for
 * a number, nesting at most {@value #MAX_DEPTH} deep. A document that fails says why without echoing its
 * content.
 */
public final class Documents {

    /** The deepest nesting a document may have. */
    public static final int MAX_DEPTH = 32;

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    static {
        MAPPER.getFactory().setStreamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH).build());
    }

    private Documents() {}

    /** Why a document could not be read: malformed JSON, or JSON whose fields do not fit the shape. */
    public static final class Unreadable extends Exception {
        private static final long serialVersionUID = 1L;
        private final boolean malformed;
        private final List<String> fields;

        private Unreadable(boolean malformed, String message, List<String> fields) {
            super(message, null, false, false);
            this.malformed = malformed;
            this.fields = List.copyOf(fields);
        }

        /** Whether the text is not JSON of an object at all (as opposed to a field that does not fit). */
        public boolean malformed() {
            return malformed;
        }

        /** The fields at fault, as {@code path: reason}; empty when the document is malformed. */
        public List<String> fields() {
            return fields;
        }
    }

    /** The document as {@code type}. */
    public static <T> T read(byte[] json, Class<T> type) throws Unreadable {
        try {
            T value = MAPPER.readValue(json, type);
            if (value == null) {
                throw new Unreadable(true, "The document is empty.", List.of());
            }
            return value;
        } catch (UnrecognizedPropertyException e) {
            throw new Unreadable(false, "The document has a field this shape does not take.",
                    List.of(path(e) + ": is not a known field"));
        } catch (MismatchedInputException e) {
            if (e.getPath().isEmpty()) {
                throw new Unreadable(true, "The document is not a JSON object of the expected shape.", List.of());
            }
            throw new Unreadable(false, "A field has the wrong type.", List.of(path(e) + ": has the wrong type"));
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new Unreadable(true, "The document is not a JSON object of the expected shape.", List.of());
        } catch (IOException e) {
            throw new Unreadable(true, "The document could not be read.", List.of());
        }
    }

    private static String path(MismatchedInputException e) {
        return e.getPath().stream().map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                .reduce((a, b) -> b.startsWith("[") ? a + b : a + "." + b).orElse("body");
    }
}
