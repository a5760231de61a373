package org.cadre.server.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.List;
import org.cadre.documents.RosterDocs.EventDoc;
import org.cadre.roster.Event;
import org.cadre.server.app.EventRecords;
import org.cadre.server.security.UserAccount;
import org.cadre.server.values.Versioned;

/** Events themselves: list, create, read and change, the agenda and the checks. */
final class EventRoutes {

    private final Api api;
    private final EventRecords events;

    EventRoutes(Api api) {
        this.api = api;
        this.events = api.app.events();
    }

    void register(RoutesConfig r) {
        r.get("/api/v1/events", this::list);
        r.post("/api/v1/events", this::create);
        r.get("/api/v1/events/{id}", this::get);
        r.put("/api/v1/events/{id}", this::update);
        r.get("/api/v1/events/{id}/agenda", this::agenda);
        r.get("/api/v1/events/{id}/checks", this::checks);
    }

    private void list(Context ctx) {
        List<EventRecords.Stored> all = Api.value(events.list(api.user(ctx)), ctx);
        ctx.json(Api.page(ctx, all.stream().map(s -> EventDoc.of(s.event().value(), s.closedOn())).toList(), EventDoc::id));
    }

    private void create(Context ctx) {
        UserAccount user = api.user(ctx);
        Event e = Json.body(ctx, EventDoc.class).toDomain();
        Versioned<Event> stored = Api.value(events.create(user, e), ctx);
        Api.answerCreated(ctx, "/api/v1/events/" + e.id(), stored.version(), EventDoc.of(e));
    }

    private void get(Context ctx) {
        EventRecords.Stored e = Api.value(events.get(api.user(ctx), ctx.pathParam("id")), ctx);
        Api.etag(ctx, e.event().version());
        ctx.json(EventDoc.of(e.event().value(), e.closedOn()));
    }

    private void update(Context ctx) {
        UserAccount user = api.user(ctx);
        Event changed = Json.body(ctx, EventDoc.class).toDomain();
        EventRecords.Stored saved = Api.value(events.update(user, ctx.pathParam("id"), changed, Api.versions(ctx)), ctx);
        Api.etag(ctx, saved.event().version());
        ctx.json(EventDoc.of(saved.event().value(), saved.closedOn()));
    }

    record Trainer(String id, String name) {}

    record AgendaEntry(String day, String start, String end, long minutes, String session, String title, String module,
            List<Trainer> trainers) {}

    private void agenda(Context ctx) {
        List<EventRecords.Slot> slots = Api.value(events.agenda(api.user(ctx), ctx.pathParam("id")), ctx);
        ctx.json(slots.stream().map(x -> new AgendaEntry(x.slot().day().toString(), x.slot().start().toString(), x.slot().end().toString(),
                x.slot().minutes(), x.slot().session().value(), x.title().orElse(null), x.module().orElse(null),
                x.trainers().stream().map(t -> new Trainer(t.id().value(), t.name().orElse(null))).toList())).toList());
    }

    record Checks(String event, int errors, List<FindingView> findings) {}

    private void checks(Context ctx) {
        EventRecords.Checked checked = Api.value(events.checks(api.user(ctx), ctx.pathParam("id")), ctx);
        ctx.json(new Checks(checked.event().value(), checked.findings().errors().size(),
                checked.findings().stream().map(FindingView::of).toList()));
    }
}
