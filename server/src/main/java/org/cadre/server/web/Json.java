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
        if (!Api.bodyIs(ctx, "application/json")) {
            throw new ApiProblem(Problem.of("unsupported-media-type", "Unsupported media type", 415,
                    "Send the body as application/json (UTF-8)."));
        }
        try {
            return Documents.read(ctx.bodyAsBytes(), type);
        } catch (Documents.Unreadable e) {
            throw e.malformed()
                    ? new ApiProblem(Problem.of("malformed", "Malformed body", 400, e.getMessage().replace("document", "body")))
                    : ApiProblem.invalid(e.getMessage().replace("document", "body"), e.fields());
        }
    }
}
