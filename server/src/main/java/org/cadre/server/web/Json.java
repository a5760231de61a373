package org.cadre.server.web;

import io.javalin.http.Context;
import org.cadre.documents.Documents;

/**
 * Reads request bodies strictly ({@link Documents}): JSON only, no unknown fields, limited nesting. A body
 * that fails is thrown as a problem naming the reason.
 */
final class Json {

    private Json() {}

    /** The body as {@code type}; a body that is not JSON of that shape is thrown as a 400/415 problem. */
    static <T> T body(Context ctx, Class<T> type) {
        return bodyItems(ctx, type, null).value();
    }

    /**
     * The body as {@code type}, the faults within the items of its list {@code list} set aside by item
     * ({@link Documents#readItems}) for the use case to answer with its own; any other fault is thrown as {@link #body}
     * throws it. With no list, faults are set aside nowhere.
     */
    static <T> Documents.Read<T> bodyItems(Context ctx, Class<T> type, String list) {
        if (!Api.bodyIs(ctx, "application/json")) {
            throw new ApiProblem(Problem.of("unsupported-media-type", "Unsupported media type", 415,
                    "Send the body as application/json (UTF-8)."));
        }
        try {
            return list == null ? new Documents.Read<>(Documents.read(ctx.bodyAsBytes(), type), java.util.Collections.emptySortedMap())
                    : Documents.readItems(ctx.bodyAsBytes(), type, list);
        } catch (Documents.Unreadable e) {
            throw e.malformed()
                    ? new ApiProblem(Problem.of("malformed", "Malformed body", 400, e.getMessage().replace("document", "body")))
                    : ApiProblem.invalid(e.getMessage().replace("document", "body"), e.fields());
        }
    }
}
