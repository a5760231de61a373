package org.cadre.server.web.pages;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.UploadedFile;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.cadre.roster.BulkStatus;
import org.cadre.roster.EnrolmentStatus;
import org.cadre.roster.PersonId;
import org.cadre.server.app.Enrolling;
import org.cadre.server.app.Outcome;
import org.cadre.server.app.Overviews;
import org.cadre.server.security.UserAccount;

/** The home page, an event's page (agenda, roster, checks; approve, confirm, decline or withdraw, close) and the roster import. */
final class EventPages {

    /** The changes the roster's bulk buttons make: the steps from a nomination to a seat, or a refusal. */
    static final List<EnrolmentStatus> BULK_TARGETS = List.of(EnrolmentStatus.APPROVED, EnrolmentStatus.CONFIRMED, EnrolmentStatus.DECLINED,
            EnrolmentStatus.WITHDRAWN);

    private final PageKit kit;

    EventPages(PageKit kit) {
        this.kit = kit;
    }

    void register(RoutesConfig r) {
        r.get("/", this::home);
        r.get("/events/{id}", this::event);
        Pages.formOnly(r, "/events/{id}/statuses", this::statuses);
        Pages.formOnly(r, "/events/{id}/close", this::close);
        r.get("/events/{id}/import", this::importForm);
        Pages.formOnly(r, "/events/{id}/import/check", this::importCheck);
        r.post("/events/{id}/import", this::importRoster);
    }

    private void home(Context ctx) {
        Optional<UserAccount> user = kit.user(ctx);
        if (user.isEmpty()) {
            return;
        }
        Overviews.Home home = PageKit.value(kit.app.overviews().home(user.get()), ctx);
        kit.render(ctx, "home.jte", kit.view(ctx, user.get(), "home.title"), "home", home);
    }

    private void event(Context ctx) {
        Optional<UserAccount> user = kit.user(ctx);
        if (user.isEmpty()) {
            return;
        }
        showEvent(ctx, user.get(), notice(ctx), List.of());
    }

    /** What a change just done said, named by the address it came back to (never text a link could carry). */
    private static Optional<String> notice(Context ctx) {
        String done = PageKit.noticeParam(ctx, "done");
        Messages t = PageKit.messages(ctx);
        int n = number(PageKit.noticeParam(ctx, "n"));
        int m = number(PageKit.noticeParam(ctx, "m"));
        return Optional.ofNullable(done == null ? null : switch (done) {
            case "statuses" -> t.get("event.statuses-done", n);
            case "closed" -> t.get("event.closed-done");
            case "imported" -> t.get("import.done", n, m);
            case "replayed" -> t.get("import.replayed");
            default -> null;
        });
    }

    private static int number(String text) {
        return text != null && text.matches("\\d{1,6}") ? Integer.parseInt(text) : 0;
    }

    private static void back(Context ctx, String done, int n, int m) {
        ctx.redirect(PageKit.withNotice(ctx, "/events/" + java.net.URLEncoder.encode(ctx.pathParam("id"), java.nio.charset.StandardCharsets.UTF_8)
                + "?done=" + done + "&n=" + n + "&m=" + m), HttpStatus.SEE_OTHER);
    }

    private void showEvent(Context ctx, UserAccount user, Optional<String> notice, List<String> errors) {
        showEvent(ctx, user, notice, errors, "", java.util.Set.of());
    }

    /** The event page, its status form showing the day typed and the people ticked. */
    private void showEvent(Context ctx, UserAccount user, Optional<String> notice, List<String> errors, String on, java.util.Set<String> ticked) {
        Overviews.EventOverview overview = PageKit.value(kit.app.overviews().event(user, ctx.pathParam("id")), ctx);
        kit.render(ctx, "event.jte", kit.view(ctx, user, "event.title", overview.stored().event().value().title()), "e", overview,
                "notice", notice.orElse(""), "errors", errors, "on", on, "ticked", ticked);
    }

    /** Approves, confirms, declines or withdraws the people ticked, in one change (all or none; the statuses' rules judge each step). */
    private void statuses(Context ctx) {
        Optional<UserAccount> user = kit.user(ctx);
        if (user.isEmpty()) {
            return;
        }
        String to = ctx.formParam("to");
        List<String> errors = new ArrayList<>();
        EnrolmentStatus target = BULK_TARGETS.stream().filter(s -> org.cadre.documents.Labels.of(s).equals(to)).findFirst().orElse(null);
        if (target == null) {
            errors.add("to: must be approved, confirmed, declined or withdrawn");
        }
        // The day of the change, when given (empty: the event's own day, as the API's undated changes).
        String onText = Optional.ofNullable(ctx.formParam("on")).map(String::strip).orElse("");
        Optional<java.time.LocalDate> on = Optional.empty();
        if (!onText.isEmpty()) {
            Optional<String> problem = org.cadre.documents.Dates.problem(onText);
            problem.ifPresent(p -> errors.add("on: " + p));
            on = org.cadre.documents.Dates.tryParse(onText);
        }
        List<BulkStatus.Move> moves = new ArrayList<>();
        for (String person : ctx.formParams("person")) {
            if (!PersonId.isValid(person)) {
                errors.add("person: is not a person id");
            } else if (target != null) {
                moves.add(new BulkStatus.Move(PersonId.of(person), target, on));
            }
        }
        if (errors.isEmpty() && moves.isEmpty()) {
            errors.add("person: tick at least one person");
        }
        // A refused form keeps what was typed and ticked.
        java.util.Set<String> ticked = java.util.Set.copyOf(ctx.formParams("person"));
        if (!errors.isEmpty()) {
            ctx.status(400);
            showEvent(ctx, user.get(), Optional.empty(), errors, onText, ticked);
            ctx.status(400);
            return;
        }
        // The ticks are no list the user sees: a refused change is named by the person ticked.
        var moved = kit.app.eventWork().moveStatuses(user.get(), ctx.pathParam("id"), moves, org.cadre.server.app.EventWork.ChangeNames.BY_PERSON);
        if (!moved.isDone()) {
            PageKit.unlessShownOnTheForm(moved, ctx);
            int status = new PageProblem(moved).status();
            showEvent(ctx, user.get(), Optional.empty(), PageKit.problems(moved), onText, ticked);
            ctx.status(status);
            return;
        }
        answer(ctx, user.get(), moved, "statuses", moves.size());
    }

    private void close(Context ctx) {
        Optional<UserAccount> user = kit.user(ctx);
        if (user.isEmpty()) {
            return;
        }
        if (!"yes".equals(ctx.formParam("confirm"))) {
            ctx.status(400);
            showEvent(ctx, user.get(), Optional.empty(), List.of("confirm: " + PageKit.messages(ctx).get("event.close-unconfirmed")));
            ctx.status(400);
            return;
        }
        var closed = kit.app.eventWork().close(user.get(), ctx.pathParam("id"), Optional.empty());
        answer(ctx, user.get(), closed, "closed", 0);
    }

    /**
     * After a change on the event page: back to the page with the notice, or the page again with the refusal's
     * words (a missing or out-of-scope event is the error page).
     */
    private void answer(Context ctx, UserAccount user, Outcome<?> outcome, String done, int n) {
        if (outcome.isDone()) {
            back(ctx, done, n, 0);
            return;
        }
        PageKit.unlessShownOnTheForm(outcome, ctx);
        List<String> errors = PageKit.problems(outcome);
        int status = new PageProblem(outcome).status();
        showEvent(ctx, user, Optional.empty(), errors);
        ctx.status(status);
    }

    private void importForm(Context ctx) {
        Optional<UserAccount> user = kit.user(ctx);
        if (user.isEmpty()) {
            return;
        }
        Overviews.EventOverview overview = PageKit.value(kit.app.overviews().event(user.get(), ctx.pathParam("id")), ctx);
        kit.render(ctx, "import.jte", kit.view(ctx, user.get(), "import.title", overview.stored().event().value().title()),
                "e", overview, "preview", Optional.empty(), "key", "", "on", "");
    }

    /** Checks the uploaded file and shows every bad line, or what an import would do; stores nothing. */
    private void importCheck(Context ctx) {
        Optional<UserAccount> user = kit.user(ctx);
        if (user.isEmpty()) {
            return;
        }
        UploadedFile upload = ctx.uploadedFile("file");
        byte[] file = upload == null ? new byte[0] : read(upload);
        String on = nominatedOn(ctx);
        // A file that may be imported is kept in the store for its confirmation, which may reach another instance.
        var outcome = kit.app.enrolling().checkToImport(user.get(), ctx.pathParam("id"), file, on);
        if (!outcome.isDone()) {
            // The day of the nominations is refused (not a date, after today or after the event): said beside the form,
            // with the file's bad lines.
            PageKit.unlessShownOnTheForm(outcome, ctx);
            Overviews.EventOverview overview = PageKit.value(kit.app.overviews().event(user.get(), ctx.pathParam("id")), ctx);
            int status = new PageProblem(outcome).status();
            ctx.status(status);
            kit.render(ctx, "import.jte", kit.view(ctx, user.get(), "import.title", overview.stored().event().value().title()),
                    "e", overview, "preview", Optional.of(new Enrolling.Preview(overview.stored().event().value().id(), 0, 0,
                            outcome.errors())), "key", "", "on", Optional.ofNullable(on).orElse(""));
            ctx.status(status);
            return;
        }
        Enrolling.Checked checked = outcome.get();
        Enrolling.Preview preview = checked.preview();
        Overviews.EventOverview overview = PageKit.value(kit.app.overviews().event(user.get(), ctx.pathParam("id")), ctx);
        if (file.length == 0) {
            preview = new Enrolling.Preview(preview.event(), 0, 0, List.of("file: " + PageKit.messages(ctx).get("import.no-file")));
        }
        ctx.status(preview.ok() ? 200 : 422);
        kit.render(ctx, "import.jte", kit.view(ctx, user.get(), "import.title", overview.stored().event().value().title()),
                "e", overview, "preview", Optional.of(preview), "key", checked.key().orElse(""),
                "on", preview.on().map(Object::toString).orElse(""));
        ctx.status(preview.ok() ? 200 : 422);
    }

    /** The day of the nominations as the form sent it; none when left empty (the event's own day). */
    private static String nominatedOn(Context ctx) {
        String on = ctx.formParam("on");
        return on == null || on.isBlank() ? null : on.strip();
    }

    /** Imports the checked file, all or nothing; the key sent with it makes a second click harmless. */
    private void importRoster(Context ctx) {
        Optional<UserAccount> user = kit.user(ctx);
        if (user.isEmpty()) {
            return;
        }
        var imported = kit.app.enrolling().importChecked(user.get(), ctx.pathParam("id"), ctx.formParam("key"),
                done -> new Enrolling.Answer(201, "{\"event\":\"" + done.event().value() + "\",\"enrolled\":" + done.enrolled()
                        + ",\"newPeople\":" + done.newPeople() + "}"),
                rows -> n -> { });
        if (!imported.isDone() && Enrolling.CHECKED_FILE_GONE.equals(imported.detail())) {
            // The event was found (a missing or out-of-scope one is the error page): the file is no longer kept.
            Overviews.EventOverview overview = PageKit.value(kit.app.overviews().event(user.get(), ctx.pathParam("id")), ctx);
            ctx.status(409);
            kit.render(ctx, "import.jte", kit.view(ctx, user.get(), "import.title", overview.stored().event().value().title()),
                    "e", overview, "preview", Optional.of(new Enrolling.Preview(overview.stored().event().value().id(), 0, 0,
                            List.of(PageKit.messages(ctx).get("import.file-gone")))), "key", "", "on", "");
            ctx.status(409);
            return;
        }
        if (imported.isDone()) {
            if (imported.get().replay().isPresent()) {
                back(ctx, "replayed", 0, 0);
            } else {
                back(ctx, "imported", imported.get().enrolled(), imported.get().newPeople());
            }
            return;
        }
        PageKit.unlessShownOnTheForm(imported, ctx);
        Overviews.EventOverview overview = PageKit.value(kit.app.overviews().event(user.get(), ctx.pathParam("id")), ctx);
        List<String> errors = new ArrayList<>(imported.errors());
        if (errors.isEmpty()) {
            errors.add(imported.detail());
        }
        int status = new PageProblem(imported).status();
        ctx.status(status);
        kit.render(ctx, "import.jte", kit.view(ctx, user.get(), "import.title", overview.stored().event().value().title()),
                "e", overview, "preview", Optional.of(new Enrolling.Preview(overview.stored().event().value().id(), 0, 0, errors)),
                "key", "", "on", "");
        ctx.status(status);
    }

    private static byte[] read(UploadedFile upload) {
        try (InputStream in = upload.content()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
