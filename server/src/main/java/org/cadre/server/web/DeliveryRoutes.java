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
        r.get("/api/v1/events/{id}/tests", this::testScores);
        r.post("/api/v1/events/{id}/tests", this::tests);
        r.get("/api/v1/events/{id}/rubric", this::rubricOf);
        r.put("/api/v1/events/{id}/rubric", this::rubric);
        r.get("/api/v1/events/{id}/practice", this::practiceResults);
        r.post("/api/v1/events/{id}/practice", this::practice);
        r.get("/api/v1/events/{id}/feedback", this::feedbackItems);
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

    record RecordedScore(String person, String phase, Map<String, Integer> points) {}

    record RecordedTests(String event, List<RecordedScore> scores) {}

    /** The test scores recorded, by person, pre before post; {@code ?phase=} keeps one phase. */
    private void testScores(Context ctx) {
        UserAccount user = api.user(ctx);
        var scores = Api.value(delivery.testScores(user, ctx.pathParam("id"), java.util.Optional.ofNullable(ctx.queryParam("phase"))), ctx);
        ctx.json(new RecordedTests(ctx.pathParam("id"), scores.stream().map(t -> {
            Map<String, Integer> points = new java.util.LinkedHashMap<>();
            t.points().forEach((item, n) -> points.put(item.value(), n));
            return new RecordedScore(t.person().value(), org.cadre.documents.Labels.of(t.phase()), points);
        }).toList()));
    }

    private void rubricOf(Context ctx) {
        ctx.json(RubricDoc.of(Api.value(delivery.rubricOf(api.user(ctx), ctx.pathParam("id")), ctx)));
    }

    record RecordedPractice(String event, List<PracticeDoc> results) {}

    private void practiceResults(Context ctx) {
        var results = Api.value(delivery.practiceResults(api.user(ctx), ctx.pathParam("id")), ctx);
        ctx.json(new RecordedPractice(ctx.pathParam("id"), results.stream().map(PracticeDoc::of).toList()));
    }

    record RecordedFeedback(String event, boolean authorsShown, List<FeedbackDoc> items) {}

    private void feedbackItems(Context ctx) {
        Delivery.FeedbackRead read = Api.value(delivery.feedbackItems(api.user(ctx), ctx.pathParam("id")), ctx);
        ctx.json(new RecordedFeedback(ctx.pathParam("id"), read.authorsShown(), read.items().stream().map(FeedbackDoc::of).toList()));
    }

    private void rubric(Context ctx) {
        UserAccount user = api.user(ctx);
        RubricDoc doc = Json.body(ctx, RubricDoc.class);
        org.cadre.documents.Fields faults = new org.cadre.documents.Fields();
        Rubric rubric = doc.read(faults);
        ctx.json(RubricDoc.of(Api.value(delivery.rubric(user, ctx.pathParam("id"),
                new Delivery.SentRubric(java.util.Optional.ofNullable(rubric), doc.taskCode(), faults.errors())), ctx)));
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
        java.util.Optional<String> key = java.util.Optional.ofNullable(ctx.header("Idempotency-Key")).map(String::strip);
        Delivery.Added added = Api.value(delivery.feedback(user, ctx.pathParam("id"), items, key,
                n -> new org.cadre.server.app.Enrolling.Answer(201, ctx.jsonMapper().toJsonString(new Recorded(ctx.pathParam("id"), n),
                        Recorded.class))), ctx);
        if (added.replay().isPresent()) {
            ctx.header("Idempotent-Replayed", "true");
            ctx.status(added.replay().get().status()).contentType("application/json").result(added.replay().get().body());
            return;
        }
        ctx.status(201).json(new Recorded(ctx.pathParam("id"), added.recorded()));
    }
}
