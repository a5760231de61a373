package org.cadre.server.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import org.cadre.reporting.ResultsFramework;
import org.cadre.server.app.Frameworks;
import org.cadre.documents.FrameworkDoc;
import org.cadre.server.security.UserAccount;
import org.cadre.server.values.Versioned;

/**
 * A programme's results framework as one document: read it, and replace it whole from the version read
 * (If-Match). A programme outside the user's scope is answered exactly as a missing one; a document that
 * describes no framework is answered 422 with every invalid field by its path.
 */
final class FrameworkRoutes {

    private final Api api;
    private final Frameworks frameworks;

    FrameworkRoutes(Api api, Frameworks frameworks) {
        this.api = api;
        this.frameworks = frameworks;
    }

    void register(RoutesConfig r) {
        r.get("/api/v1/programmes/{id}/framework", this::read);
        r.put("/api/v1/programmes/{id}/framework", this::replace);
    }

    private void read(Context ctx) {
        answer(ctx, Api.value(frameworks.read(api.user(ctx), ctx.pathParam("id")), ctx));
    }

    private void replace(Context ctx) {
        UserAccount user = api.user(ctx);
        Api.value(frameworks.mayReplace(user), ctx); // a refused role is answered before anything wrong with the body
        FrameworkDoc document = Json.body(ctx, FrameworkDoc.class);
        answer(ctx, Api.value(frameworks.replace(user, ctx.pathParam("id"), Api.ifMatch(ctx), document), ctx));
    }

    private static void answer(Context ctx, Versioned<ResultsFramework> framework) {
        Api.etag(ctx, framework.version());
        ctx.json(FrameworkDoc.of(framework.value()));
    }
}
