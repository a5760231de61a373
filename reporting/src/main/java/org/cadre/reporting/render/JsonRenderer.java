package org.cadre.reporting.render;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * Reports as JSON: record components become fields in declaration order, dates are ISO strings, a
 * suppressed cell is {@code {"value": null, "suppressed": true}}. This is what the API serves; the fields
 * are listed in {@code docs/reporting.md}.
 */
public final class JsonRenderer {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .addModule(new Jdk8Module())
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
