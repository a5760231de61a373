package org.cadre.server.web.pages;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.cadre.server.app.Directory;
import org.cadre.server.app.DirectoryOverviews;
import org.cadre.server.app.Outcome;
import org.cadre.server.security.UserAccount;
import org.cadre.server.values.DuplicateDecision;

/**
 * The directory: people found by name in either script, a person's record, likely duplicates to decide
 * about (recorded, never merged), and programmes with their events and results framework.
 */
final class DirectoryPages {

    private final PageKit kit;

    DirectoryPages(PageKit kit) {
        this.kit = kit;
    }

    void register(RoutesConfig r) {
        r.get("/people", this::people);
        // Before /people/{id}: "duplicates" is the page of pairs, not a person.
        r.get("/people/duplicates", this::duplicates);
        r.post("/people/duplicates", this::decide);
        r.get("/people/{id}", this::person);
        r.get("/programmes", this::programmes);
        r.get("/programmes/{id}", this::programme);
    }

    private void people(Context ctx) {
        Optional<UserAccount> user = kit.user(ctx);
        if (user.isEmpty()) {
            return;
        }
        String q = Optional.ofNullable(ctx.queryParam("q")).map(String::strip).orElse("");
        var found = PageKit.value(kit.app.directory().people(user.get(), Optional.of(q).filter(s -> !s.isEmpty())), ctx);
        kit.render(ctx, "people.jte", kit.view(ctx, user.get(), q.isEmpty() ? "people.title" : "people.title-search", q),
                "people", found, "q", q);
    }

    private void person(Context ctx) {
        Optional<UserAccount> user = kit.user(ctx);
        if (user.isEmpty()) {
            return;
        }
        Directory.PersonCard card = PageKit.value(kit.app.directory().personCard(user.get(), ctx.pathParam("id")), ctx);
        kit.render(ctx, "person.jte", kit.view(ctx, user.get(), "person.title", View.name(card.person().value())), "card", card);
    }

    private void duplicates(Context ctx) {
        Optional<UserAccount> user = kit.user(ctx);
        if (user.isEmpty()) {
            return;
        }
        showDuplicates(ctx, user.get(), notice(ctx, Map.of("decided", "duplicates.decided-done")), List.of());
    }

    private void showDuplicates(Context ctx, UserAccount user, Optional<String> notice, List<String> errors) {
        Directory.DuplicateReview review = PageKit.value(kit.app.directory().reviewDuplicates(user), ctx);
        kit.render(ctx, "duplicates.jte", kit.view(ctx, user, "duplicates.title"), "review", review,
                "notice", notice.orElse(""), "errors", errors);
    }

    /** Records the decision about a pair: the same person or different people (nothing is merged). */
    private void decide(Context ctx) {
        Optional<UserAccount> user = kit.user(ctx);
        if (user.isEmpty()) {
            return;
        }
        String verdict = Optional.ofNullable(ctx.formParam("verdict")).orElse("");
        DuplicateDecision.Verdict v = switch (verdict) {
            case "same" -> DuplicateDecision.Verdict.SAME;
            case "different" -> DuplicateDecision.Verdict.DIFFERENT;
            default -> null;
        };
        Outcome<DuplicateDecision> decided = kit.app.directory().decideDuplicate(user.get(),
                Optional.ofNullable(ctx.formParam("first")).orElse(""), Optional.ofNullable(ctx.formParam("second")).orElse(""), v);
        if (decided.isDone()) {
            ctx.redirect(PageKit.withNotice(ctx, "/people/duplicates?done=decided#decided"), HttpStatus.SEE_OTHER);
            return;
        }
        refusedOrAgain(ctx, decided, () -> showDuplicates(ctx, user.get(), Optional.empty(), PageKit.problems(decided)));
    }

    private void programmes(Context ctx) {
        Optional<UserAccount> user = kit.user(ctx);
        if (user.isEmpty()) {
            return;
        }
        var list = PageKit.value(kit.app.directory().programmes().list(user.get()), ctx);
        kit.render(ctx, "programmes.jte", kit.view(ctx, user.get(), "programmes.title"), "programmes", list);
    }

    private void programme(Context ctx) {
        Optional<UserAccount> user = kit.user(ctx);
        if (user.isEmpty()) {
            return;
        }
        DirectoryOverviews.ProgrammeOverview p = PageKit.value(kit.app.directoryOverviews().programme(user.get(), ctx.pathParam("id")), ctx);
        kit.render(ctx, "programme.jte", kit.view(ctx, user.get(), "programme.title", p.programme().value().title()), "p", p);
    }

    // Shared by the directory's page classes

    /**
     * What a change just done said, named by the address it came back to ({@code ?done=key&n=}): only the keys
     * given are known, so no text a link carries reaches the page.
     */
    static Optional<String> notice(Context ctx, Map<String, String> known) {
        String done = PageKit.noticeParam(ctx, "done");
        String n = PageKit.noticeParam(ctx, "n");
        int count = n != null && n.matches("\\d{1,6}") ? Integer.parseInt(n) : 0;
        return Optional.ofNullable(done).map(known::get).map(key -> PageKit.messages(ctx).get(key, count));
    }

    /**
     * After a refused change: a missing, out-of-scope or forbidden record is the error page (the same for missing
     * and out of scope); any other refusal shows the page again ({@code again}) with the refusal's status.
     */
    static void refusedOrAgain(Context ctx, Outcome<?> outcome, Runnable again) {
        PageKit.unlessShownOnTheForm(outcome, ctx);
        int status = new PageProblem(outcome).status();
        ctx.status(status);
        again.run();
        ctx.status(status);
    }

    /** A path segment with anything but an id's characters escaped. */
    static String segment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
