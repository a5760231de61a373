package org.cadre.server.web.pages;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.cadre.documents.Dates;
import org.cadre.documents.Fields;
import org.cadre.documents.Labels;
import org.cadre.roster.EventId;
import org.cadre.roster.pool.Evidence;
import org.cadre.roster.pool.PoolStatus;
import org.cadre.server.app.CurriculumLibrary;
import org.cadre.server.app.DirectoryOverviews;
import org.cadre.server.app.Expected;
import org.cadre.server.app.TrainerPoolWork;
import org.cadre.server.security.UserAccount;
import org.cadre.server.web.pages.DirectoryForms.EvidenceForm;

/**
 * The trainer pool (who stands where for each package, a trainer's history, evidence added by hand) and the
 * package library (the versions stored, a version with its checks, what changed between two versions).
 */
final class PoolPages {

    private final PageKit kit;

    PoolPages(PageKit kit) {
        this.kit = kit;
    }

    void register(RoutesConfig r) {
        r.get("/pool", this::pool);
        r.get("/pool/{person}/{curriculum}", this::trainer);
        Pages.formOnly(r, "/pool/{person}/{curriculum}/evidence", this::addEvidence);
        r.get("/packages", this::packages);
        // Before /packages/{id}/{version}: "diff" is no version.
        r.get("/packages/{id}/diff", this::diff);
        r.get("/packages/{id}/{version}", this::version);
    }

    private void pool(Context ctx) {
        Optional<UserAccount> user = kit.user(ctx);
        if (user.isEmpty()) {
            return;
        }
        List<TrainerPoolWork.Trainer> trainers = PageKit.value(kit.app.pool().trainers(user.get(), Optional.empty(), Optional.empty()), ctx);
        List<TrainerPoolWork.Trainer> sorted = trainers.stream()
                .sorted(Comparator.comparing((TrainerPoolWork.Trainer t) -> t.record().curriculum().value())
                        .thenComparing(t -> t.record().status(), Comparator.reverseOrder())
                        .thenComparing(t -> View.name(t.person()))).toList();
        kit.render(ctx, "pool.jte", kit.view(ctx, user.get(), "pool.title"), "trainers", sorted);
    }

    private void trainer(Context ctx) {
        Optional<UserAccount> user = kit.user(ctx);
        if (user.isEmpty()) {
            return;
        }
        showTrainer(ctx, user.get(), DirectoryPages.notice(ctx, Map.of("evidence", "trainer.evidence-done")), List.of(), EvidenceForm.EMPTY);
    }

    private void showTrainer(Context ctx, UserAccount user, Optional<String> notice, List<String> errors, EvidenceForm form) {
        DirectoryOverviews.TrainerOverview t = PageKit.value(kit.app.directoryOverviews().trainer(user, ctx.pathParam("person"),
                ctx.pathParam("curriculum")), ctx);
        kit.render(ctx, "trainer.jte", kit.view(ctx, user, "trainer.title", View.name(t.progression().person()),
                        t.progression().trainer().value().curriculum().value()), "t", t, "notice", notice.orElse(""), "errors", errors,
                "form", form, "kinds", List.of(Evidence.Kind.values()), "levels", List.of(PoolStatus.values()));
    }

    /**
     * Adds evidence as the API's {@code POST /api/v1/trainers/{person}/{curriculum}/evidence} does, from the
     * version the page showed (its hidden field stands for If-Match).
     */
    private void addEvidence(Context ctx) {
        Optional<UserAccount> user = kit.user(ctx);
        if (user.isEmpty()) {
            return;
        }
        EvidenceForm form = new EvidenceForm(field(ctx, "kind"), field(ctx, "on"), field(ctx, "event"), field(ctx, "note"),
                field(ctx, "promoteTo"));
        // Read as the API reads its body, with the same words for what is wrong (an empty field is one not sent).
        Fields f = new Fields();
        Evidence.Kind kind = f.at("kind", () -> Labels.parse(Evidence.Kind.class, sent(form.kind())));
        LocalDate on = form.on().isEmpty() ? null : f.at("on", () -> Dates.parse(form.on()));
        Optional<PoolStatus> promoteTo = form.promoteTo().isEmpty() ? Optional.empty()
                : Optional.ofNullable(f.at("promoteTo", () -> Labels.parse(PoolStatus.class, form.promoteTo())));
        EventId event = f.require("event", sent(form.event())) == null ? null : f.at("event", () -> EventId.of(form.event()));
        List<String> errors = f.errors();
        if (!errors.isEmpty()) {
            // As the API: who may not add evidence to this trainer (or cannot see them) learns that before the form's errors.
            PageKit.value(kit.app.pool().mayAddEvidence(user.get(), ctx.pathParam("person"), ctx.pathParam("curriculum")), ctx);
            ctx.status(400);
            showTrainer(ctx, user.get(), Optional.empty(), errors, form);
            ctx.status(400);
            return;
        }
        var added = kit.app.pool().addEvidence(user.get(), ctx.pathParam("person"), ctx.pathParam("curriculum"),
                new TrainerPoolWork.NewEvidence(kind, Optional.ofNullable(on), event, form.note(), promoteTo), expected(ctx.formParam("version")));
        if (added.isDone()) {
            ctx.redirect(PageKit.withNotice(ctx, "/pool/" + DirectoryPages.segment(ctx.pathParam("person")) + "/"
                    + DirectoryPages.segment(ctx.pathParam("curriculum")) + "?done=evidence#history"), HttpStatus.SEE_OTHER);
            return;
        }
        DirectoryPages.refusedOrAgain(ctx, added, () -> showTrainer(ctx, user.get(), Optional.empty(), PageKit.problems(added), form));
    }

    /** The version the form was shown at, as If-Match names it; none when the field is missing or not a number. */
    static Expected expected(String version) {
        return version != null && version.matches("\\d{1,9}") ? Expected.oneOf(Set.of(Integer.parseInt(version))) : Expected.none();
    }

    private static String sent(String value) {
        return value.isEmpty() ? null : value;
    }

    private static String field(Context ctx, String name) {
        return Optional.ofNullable(ctx.formParam(name)).map(String::strip).orElse("");
    }

    private void packages(Context ctx) {
        Optional<UserAccount> user = kit.user(ctx);
        if (user.isEmpty()) {
            return;
        }
        List<CurriculumLibrary.Listed> list = PageKit.value(kit.app.curricula().list(user.get()), ctx);
        kit.render(ctx, "packages.jte", kit.view(ctx, user.get(), "packages.title"), "packages", list);
    }

    private void version(Context ctx) {
        Optional<UserAccount> user = kit.user(ctx);
        if (user.isEmpty()) {
            return;
        }
        CurriculumLibrary.Examined e = PageKit.value(kit.app.curricula().examine(user.get(), ctx.pathParam("id"), ctx.pathParam("version")), ctx);
        kit.render(ctx, "package.jte", kit.view(ctx, user.get(), "package.title", e.curriculum().title(), e.curriculum().version().toString()),
                "e", e);
    }

    private void diff(Context ctx) {
        Optional<UserAccount> user = kit.user(ctx);
        if (user.isEmpty()) {
            return;
        }
        CurriculumLibrary.Compared c = PageKit.value(kit.app.curricula().diff(user.get(), ctx.pathParam("id"),
                Optional.ofNullable(ctx.queryParam("from")), Optional.ofNullable(ctx.queryParam("to"))), ctx);
        kit.render(ctx, "diff.jte", kit.view(ctx, user.get(), "diff.title", c.to().title(), c.from().version().toString(),
                c.to().version().toString()), "c", c);
    }
}
