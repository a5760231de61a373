package org.cadre.server.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.javalin.http.Context;
import java.util.List;

/**
 * Reads request bodies strictly: JSON only, no unknown fields, limited nesting. A body that fails is
 * answered with a problem document naming the reason, and the handler gets {@code null}.
 */
final class Json {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    static {
        MAPPER.getFactory().setStreamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(32).build());
    }

    private Json() {}

    /** The body as {@code type}; a body that is not JSON of that shape is thrown as a 400/415 problem. */
    static <T> T body(Context ctx, Class<T> type) {
        String contentType = ctx.contentType();
        if (contentType == null || !contentType.toLowerCase(java.util.Locale.ROOT).startsWith("application/json")) {
            throw new ApiProblem(Problem.of("unsupported-media-type", "Unsupported media type", 415,
                    "Send the body as application/json."));
        }
        try {
            T value = MAPPER.readValue(ctx.bodyAsBytes(), type);
            if (value == null) {
                throw new ApiProblem(Problem.of("malformed", "Malformed body", 400, "The body is empty."));
            }
            return value;
        } catch (UnrecognizedPropertyException e) {
            throw ApiProblem.invalid("The body has a field this request does not take.",
                    List.of(e.getPropertyName() + ": is not a known field"));
        } catch (com.fasterxml.jackson.databind.exc.MismatchedInputException e) {
            String path = e.getPath().stream().map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                    .reduce((a, b) -> b.startsWith("[") ? a + b : a + "." + b).orElse("body");
            throw ApiProblem.invalid("A field has the wrong type.", List.of(path + ": has the wrong type"));
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new ApiProblem(Problem.of("malformed", "Malformed body", 400, "The body is not a JSON object of the expected shape."));
        } catch (java.io.IOException e) {
            throw new ApiProblem(Problem.of("malformed", "Malformed body", 400, "The body could not be read."));
        }
    }
}
