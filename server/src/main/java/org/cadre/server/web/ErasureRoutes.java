package org.cadre.server.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.LocalDate;
import java.util.List;
import org.cadre.roster.PersonId;
import org.cadre.roster.RetentionPolicy;
import org.cadre.server.app.Erasure;
import org.cadre.documents.Fields;

/** Erasure on request and by the retention policy (administrators). */
final class ErasureRoutes {

    private final Api api;
    private final Erasure erasure;

    ErasureRoutes(Api api, Erasure erasure) {
        this.api = api;
        this.erasure = erasure;
    }

    void register(RoutesConfig r) {
        r.post("/api/v1/people/{id}/erasure", this::erase);
        r.post("/api/v1/retention", this::retention);
    }

    record Erased(String person, boolean erased) {}

    private void erase(Context ctx) {
        PersonId erased = Api.value(erasure.erase(api.user(ctx), ctx.pathParam("id")), ctx);
        ctx.json(new Erased(erased.value(), true));
    }

    /** What a retention run takes: the day it is judged on (default today), the years kept (default 5), whether only to list. */
    record Run(String on, Integer keepYears, Boolean dryRun) {}

    record Applied(String on, int keepYears, boolean dryRun, List<String> people) {}

    private void retention(Context ctx) {
        var actor = api.user(ctx);
        Run in = ctx.bodyAsBytes().length == 0 ? new Run(null, null, null) : Json.body(ctx, Run.class);
        Fields f = new Fields();
        LocalDate on = in.on() == null ? null : f.at("on", () -> org.cadre.documents.Dates.parse(in.on()));
        int years = in.keepYears() == null ? Erasure.DEFAULT_POLICY.keep().getYears() : in.keepYears();
        RetentionPolicy policy = f.at("keepYears", () -> RetentionPolicy.years(years));
        f.check();
        boolean dryRun = Boolean.TRUE.equals(in.dryRun());
        Erasure.Retained due = Api.value(erasure.applyRetention(actor, java.util.Optional.ofNullable(on), policy, dryRun), ctx);
        ctx.json(new Applied(due.on().toString(), years, dryRun, due.people().stream().map(PersonId::value).toList()));
    }
}
