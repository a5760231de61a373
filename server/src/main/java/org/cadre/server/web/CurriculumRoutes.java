package org.cadre.server.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.cadre.curriculum.CourseFrame;
import org.cadre.curriculum.Curriculum;
import org.cadre.curriculum.SemanticVersion;
import org.cadre.documents.CurriculumDoc;
import org.cadre.documents.Labels;
import org.cadre.finding.Findings;
import org.cadre.server.app.CurriculumLibrary;
import org.cadre.server.security.UserAccount;

/** Training Support Packages, through {@link CurriculumLibrary}: store a version, list, read, check and compare versions. */
final class CurriculumRoutes {

    private final Api api;
    private final CurriculumLibrary library;

    CurriculumRoutes(Api api, CurriculumLibrary library) {
        this.api = api;
        this.library = library;
    }

    void register(RoutesConfig r) {
        r.get("/api/v1/curricula", this::list);
        r.post("/api/v1/curricula", this::create);
        r.get("/api/v1/curricula/{id}/versions/{version}", this::get);
        r.get("/api/v1/curricula/{id}/versions/{version}/check", this::check);
        r.get("/api/v1/curricula/{id}/diff", this::diff);
    }

    record Listed(String id, String version, String title) {}

    private void list(Context ctx) {
        List<Listed> all = Api.value(library.list(api.user(ctx)), ctx).stream()
                .map(l -> new Listed(l.id().value(), l.version().toString(), l.title())).toList();
        // The cursor orders by id and then by version as numbers, so 1.10.0 follows 1.9.0.
        ctx.json(Api.page(ctx, all, l -> l.id() + "@" + sortable(l.version())));
    }

    private static String sortable(String version) {
        SemanticVersion v = SemanticVersion.parse(version);
        return String.format(java.util.Locale.ROOT, "%09d.%09d.%09d", v.major(), v.minor(), v.patch());
    }

    /** A stored version's checks as the store answers them. */
    record Stored(String id, String version, List<FindingView> findings) {}

    private void create(Context ctx) {
        UserAccount user = api.user(ctx);
        Api.value(library.mayStore(user), ctx);
        Curriculum c = Json.body(ctx, CurriculumDoc.class).toDomain();
        CurriculumLibrary.Stored stored = Api.value(library.store(user, c, frame(ctx)), ctx);
        Api.answerCreated(ctx, "/api/v1/curricula/" + c.id() + "/versions/" + c.version(), 1,
                new Stored(c.id().value(), c.version().toString(), stored.findings().stream().map(FindingView::of).toList()));
    }

    /**
     * The course frame asked about: {@code days} and {@code hoursPerDay} together, or neither. Each one wrong is named with its
     * own reason ({@code ?days=x&hoursPerDay=-1} had named the days alone).
     */
    private static Optional<CourseFrame> frame(Context ctx) {
        String days = ctx.queryParam("days");
        String hours = ctx.queryParam("hoursPerDay");
        if (days == null && hours == null) {
            return Optional.empty();
        }
        List<String> errors = new java.util.ArrayList<>();
        frameValue("days", days, "hoursPerDay", 9999).ifPresent(errors::add);
        frameValue("hoursPerDay", hours, "days", 24).ifPresent(errors::add);
        if (!errors.isEmpty()) {
            throw ApiProblem.invalid("The course frame is not valid.", errors);
        }
        return Optional.of(CourseFrame.ofHours(Integer.parseInt(days), Integer.parseInt(hours)));
    }

    /** What is wrong with one of the course frame's two values, if anything. */
    private static Optional<String> frameValue(String name, String text, String other, int most) {
        // Digits 0-9 only: parseInt also reads full-width digits and other scripts', which no other number here takes.
        if (text == null) {
            return Optional.of(name + ": must be given with " + other);
        }
        return text.matches("[0-9]{1,4}") && Integer.parseInt(text) >= 1 && Integer.parseInt(text) <= most ? Optional.empty()
                : Optional.of(name + ": must be a whole number from 1 to " + most);
    }

    private void get(Context ctx) {
        Curriculum c = Api.value(library.version(api.user(ctx), ctx.pathParam("id"), ctx.pathParam("version")), ctx);
        Api.etag(ctx, 1);
        ctx.json(CurriculumDoc.of(c));
    }

    record Checked(String id, String version, int errors, int warnings, List<FindingView> findings) {}

    private void check(Context ctx) {
        UserAccount user = api.user(ctx);
        Curriculum c = Api.value(library.version(user, ctx.pathParam("id"), ctx.pathParam("version")), ctx);
        Findings findings = Api.value(library.check(user, c, frame(ctx)), ctx);
        ctx.json(new Checked(c.id().value(), c.version().toString(), findings.errors().size(),
                (int) findings.stream().filter(f -> f.severity() == org.cadre.finding.Severity.WARNING).count(),
                findings.stream().map(FindingView::of).toList()));
    }

    record ChangeView(String element, String code, String kind, String label, List<Map<String, String>> fields) {}

    record DiffView(String id, String from, String to, List<ChangeView> changes, List<String> lines) {}

    private void diff(Context ctx) {
        CurriculumLibrary.Compared compared = Api.value(library.diff(api.user(ctx), ctx.pathParam("id"),
                Optional.ofNullable(ctx.queryParam("from")), Optional.ofNullable(ctx.queryParam("to"))), ctx);
        Curriculum a = compared.from();
        ctx.json(new DiffView(a.id().value(), a.version().toString(), compared.to().version().toString(), compared.diff().changes().stream()
                .map(c -> new ChangeView(Labels.of(c.element()), c.code(), Labels.of(c.kind()), c.label(), c.fields().stream()
                        .map(f -> {
                            Map<String, String> m = new java.util.LinkedHashMap<>();
                            m.put("field", f.field());
                            m.put("before", f.before());
                            m.put("after", f.after());
                            return m;
                        }).toList())).toList(), compared.diff().lines()));
    }
}
