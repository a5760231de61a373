package org.cadre.reporting.render;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import org.cadre.reporting.Note;

/**
 * Reports as JSON: record components become fields in declaration order, dates are ISO strings, a
 * suppressed cell is {@code {"value": null, "suppressed": true}}, a note its English text. This is what the API serves; the fields
 * are listed in {@code docs/reporting.md}.
 */
public final class JsonRenderer {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .addModule(new Jdk8Module())
            .addModule(new SimpleModule("notes").addSerializer(Note.class, new StdSerializer<>(Note.class) {
                @Override
                public void serialize(Note note, JsonGenerator out, SerializerProvider provider) throws IOException {
                    out.writeString(note.text());
                }
            }))
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .build();

    private JsonRenderer() {}

    public static String render(Object report) {
        try {
            return MAPPER.writeValueAsString(report);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a report record could not be written as JSON", e);
        }
    }

    /** The mapper, for reading reports back in tests and tools. */
    public static ObjectMapper mapper() {
        return MAPPER.copy();
    }
}
