package org.cadre.server.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.cadre.curriculum.CourseFrame;
import org.cadre.curriculum.Curriculum;
import org.cadre.curriculum.CurriculumCheck;
import org.cadre.curriculum.CurriculumDiff;
import org.cadre.curriculum.CurriculumId;
import org.cadre.curriculum.SemanticVersion;
import org.cadre.finding.Findings;
import org.cadre.documents.CurriculumDoc;
import org.cadre.documents.Labels;
import org.cadre.server.security.Access.Permission;
import org.cadre.server.store.AlreadyStoredException;
import org.cadre.server.security.UserAccount;

/** Training Support Packages: store a version, list, read, check and compare versions. */
final class CurriculumRoutes {

    private final Api api;

    CurriculumRoutes(Api api) {
        this.api = api;
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
        api.allow(ctx, Permission.READ_CURRICULA);
        List<Listed> all = api.curricula.catalogue().stream()
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
        UserAccount user = api.allow(ctx, Permission.WRITE_CURRICULA);
        Curriculum c = Json.body(ctx, CurriculumDoc.class).toDomain();
        Findings findings = checkOf(ctx, c).run();
        if (findings.hasErrors()) {
            throw ApiProblem.refused("The package version has errors; nothing was stored.", findings);
        }
        try {
            api.curricula.add(c, user.username());
        } catch (AlreadyStoredException e) {
            throw ApiProblem.conflict("That package version is stored already; a stored version never changes, store a new version.");
        }
        Api.etag(ctx, 1);
        ctx.header("Location", "/api/v1/curricula/" + c.id() + "/versions/" + c.version());
        ctx.status(201).json(new Stored(c.id().value(), c.version().toString(), findings.stream().map(FindingView::of).toList()));
    }

    /** The checks of a version: within a course frame when {@code days} and {@code hoursPerDay} are given, against its stored previous version. */
    private CurriculumCheck checkOf(Context ctx, Curriculum c) {
        CurriculumCheck check = CurriculumCheck.of(c);
        Optional<CourseFrame> frame = frame(ctx);
        if (frame.isPresent()) {
            check = check.within(frame.get());
        }
        Optional<Curriculum> previous = c.revision().flatMap(r -> api.curricula.get(c.id(), r.previous()));
        return previous.isPresent() ? check.revising(previous.get()) : check;
    }

    private static Optional<CourseFrame> frame(Context ctx) {
        String days = ctx.queryParam("days");
        String hours = ctx.queryParam("hoursPerDay");
        if (days == null && hours == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(CourseFrame.ofHours(Integer.parseInt(String.valueOf(days)), Integer.parseInt(String.valueOf(hours))));
        } catch (IllegalArgumentException e) {
            throw ApiProblem.invalid("The course frame is not valid.",
                    List.of("days: give days and hoursPerDay together, as whole numbers from 1"));
        }
    }

    private Curriculum version(Context ctx) {
        Optional<CurriculumId> id = Api.id(ctx.pathParam("id"), CurriculumId::of);
        Optional<SemanticVersion> v = Api.id(ctx.pathParam("version"), SemanticVersion::parse);
        return id.flatMap(i -> v.flatMap(x -> api.curricula.get(i, x))).orElseThrow(() -> ApiProblem.notFound("package version"));
    }

    private void get(Context ctx) {
        api.allow(ctx, Permission.READ_CURRICULA);
        Api.etag(ctx, 1);
        ctx.json(CurriculumDoc.of(version(ctx)));
    }

    record Checked(String id, String version, int errors, int warnings, List<FindingView> findings) {}

    private void check(Context ctx) {
        api.allow(ctx, Permission.READ_CURRICULA);
        Curriculum c = version(ctx);
        Findings findings = checkOf(ctx, c).run();
        ctx.json(new Checked(c.id().value(), c.version().toString(), findings.errors().size(),
                (int) findings.stream().filter(f -> f.severity() == org.cadre.finding.Severity.WARNING).count(),
                findings.stream().map(FindingView::of).toList()));
    }

    record ChangeView(String element, String code, String kind, String label, List<Map<String, String>> fields) {}

    record DiffView(String id, String from, String to, List<ChangeView> changes, List<String> lines) {}

    private void diff(Context ctx) {
        api.allow(ctx, Permission.READ_CURRICULA);
        Optional<CurriculumId> id = Api.id(ctx.pathParam("id"), CurriculumId::of);
        String fromText = ctx.queryParam("from");
        String toText = ctx.queryParam("to");
        List<String> errors = new java.util.ArrayList<>();
        Optional<SemanticVersion> from = fromText == null ? Optional.empty() : Api.id(fromText, SemanticVersion::parse);
        Optional<SemanticVersion> to = toText == null ? Optional.empty() : Api.id(toText, SemanticVersion::parse);
        if (from.isEmpty()) {
            errors.add("from: must be a version such as 1.0.0");
        }
        if (to.isEmpty()) {
            errors.add("to: must be a version such as 1.1.0");
        }
        if (!errors.isEmpty()) {
            throw ApiProblem.invalid("Name the two versions to compare.", errors);
        }
        Curriculum a = id.flatMap(i -> api.curricula.get(i, from.get())).orElseThrow(() -> ApiProblem.notFound("package version"));
        Curriculum b = id.flatMap(i -> api.curricula.get(i, to.get())).orElseThrow(() -> ApiProblem.notFound("package version"));
        CurriculumDiff diff = CurriculumDiff.between(a, b);
        ctx.json(new DiffView(a.id().value(), a.version().toString(), b.version().toString(), diff.changes().stream()
                .map(c -> new ChangeView(Labels.of(c.element()), c.code(), Labels.of(c.kind()), c.label(), c.fields().stream()
                        .map(f -> {
                            Map<String, String> m = new java.util.LinkedHashMap<>();
                            m.put("field", f.field());
                            m.put("before", f.before());
                            m.put("after", f.after());
                            return m;
                        }).toList())).toList(), diff.lines()));
    }
}
