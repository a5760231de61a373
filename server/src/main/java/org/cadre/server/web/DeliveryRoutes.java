package org.cadre.server.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.List;
import java.util.Map;
import org.cadre.documents.Documents;
import org.cadre.documents.RosterDocs.FeedbackDoc;
import org.cadre.documents.RosterDocs.PracticeDoc;
import org.cadre.documents.RosterDocs.RubricDoc;
import org.cadre.documents.SentItems;
import org.cadre.roster.Rubric;
import org.cadre.server.app.Delivery;
import org.cadre.server.security.UserAccount;

/** What is recorded while an event is delivered: attendance, tests, the rubric, practice teaching and feedback. */
final class DeliveryRoutes {

    private final Api api;
    private final Delivery delivery;

    DeliveryRoutes(Api api) {
        this.api = api;
        this.delivery = api.app.delivery();
    }

    void register(RoutesConfig r) {
        r.get("/api/v1/events/{id}/attendance/{session}", this::sessionAttendance);
        r.put("/api/v1/events/{id}/attendance/{session}", this::attendance);
        r.post("/api/v1/events/{id}/tests", this::tests);
        r.put("/api/v1/events/{id}/rubric", this::rubric);
        r.post("/api/v1/events/{id}/practice", this::practice);
        r.post("/api/v1/events/{id}/feedback", this::feedback);
    }

    record Marks(List<Delivery.Mark> marks) {}

    record Recorded(String event, int recorded) {}

    record SessionMarks(String event, String session, List<Delivery.Mark> marks) {}

    /** The marks recorded for one session on the agenda, by person id, in the words PUT takes. */
    private void sessionAttendance(Context ctx) {
        UserAccount user = api.user(ctx);
        Delivery.Sheet sheet = Api.value(delivery.sheet(user, ctx.pathParam("id"), ctx.pathParam("session")), ctx);
        List<Delivery.Mark> marks = sheet.marks().entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .map(m -> new Delivery.Mark(m.getKey().value(), org.cadre.documents.Labels.of(m.getValue())))
                .toList();
        ctx.json(new SessionMarks(ctx.pathParam("id"), sheet.slot().session().value(), marks));
    }

    private void attendance(Context ctx) {
        UserAccount user = api.user(ctx);
        Documents.Read<Marks> in = Json.bodyItems(ctx, Marks.class, "marks");
        SentItems<Delivery.Mark> marks = SentItems.read("marks", in.value().marks(), in.itemFaults());
        int n = Api.value(delivery.attendance(user, ctx.pathParam("id"), ctx.pathParam("session"), marks), ctx);
        ctx.json(new Recorded(ctx.pathParam("id"), n));
    }

    record Score(String person, Map<String, Integer> points) {}

    record Tests(String phase, List<Score> scores) {}

    private void tests(Context ctx) {
        UserAccount user = api.user(ctx);
        Documents.Read<Tests> in = Json.bodyItems(ctx, Tests.class, "scores");
        SentItems<Delivery.Score> scores = SentItems.read("scores", in.value().scores(), in.itemFaults(),
                (s, f, at) -> new Delivery.Score(s.person(), s.points()));
        int n = Api.value(delivery.tests(user, ctx.pathParam("id"), in.value().phase(), scores), ctx);
        ctx.json(new Recorded(ctx.pathParam("id"), n));
    }

    private void rubric(Context ctx) {
        UserAccount user = api.user(ctx);
        Rubric rubric = Json.body(ctx, RubricDoc.class).toDomain();
        ctx.json(RubricDoc.of(Api.value(delivery.rubric(user, ctx.pathParam("id"), rubric), ctx)));
    }

    record Practice(List<PracticeDoc> results) {}

    private void practice(Context ctx) {
        UserAccount user = api.user(ctx);
        Documents.Read<Practice> in = Json.bodyItems(ctx, Practice.class, "results");
        var results = PracticeDoc.sent(in.value().results(), in.itemFaults());
        int n = Api.value(delivery.practice(user, ctx.pathParam("id"), results), ctx);
        ctx.json(new Recorded(ctx.pathParam("id"), n));
    }

    record FeedbackItems(List<FeedbackDoc> items) {}

    private void feedback(Context ctx) {
        UserAccount user = api.user(ctx);
        Documents.Read<FeedbackItems> in = Json.bodyItems(ctx, FeedbackItems.class, "items");
        var items = FeedbackDoc.sent(in.value().items(), in.itemFaults());
        int n = Api.value(delivery.feedback(user, ctx.pathParam("id"), items), ctx);
        ctx.status(201).json(new Recorded(ctx.pathParam("id"), n));
    }
}
