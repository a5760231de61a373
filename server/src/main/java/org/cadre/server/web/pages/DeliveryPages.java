package org.cadre.server.web.pages;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.cadre.curriculum.AssessmentItem;
import org.cadre.documents.RosterDocs.FeedbackDoc;
import org.cadre.documents.RosterDocs.PracticeDoc;
import org.cadre.documents.SentItems;
import org.cadre.roster.AgendaSlot;
import org.cadre.roster.Attendance;
import org.cadre.roster.AttendanceMark;
import org.cadre.roster.Enrolment;
import org.cadre.roster.EventRoster;
import org.cadre.roster.Person;
import org.cadre.roster.PersonId;
import org.cadre.roster.TestScore;
import org.cadre.server.app.Delivery;
import org.cadre.server.app.Outcome;
import org.cadre.server.security.UserAccount;

/**
 * What is recorded while an event is delivered: attendance (one session on a phone, one tap per person; a
 * day's grid on a laptop), pre- and post-tests, practice teaching and feedback. Each form works without
 * JavaScript; with it, a tap on a mark is saved at once and only that person's row is redrawn.
 */
final class DeliveryPages {

    private final PageKit kit;

    DeliveryPages(PageKit kit) {
        this.kit = kit;
    }

    void register(RoutesConfig r) {
        r.get("/events/{id}/attendance", this::sessions);
        r.get("/events/{id}/attendance/day/{day}", this::dayGrid);
        r.post("/events/{id}/attendance/day/{day}", this::saveDay);
        r.get("/events/{id}/attendance/{session}", this::session);
        r.post("/events/{id}/attendance/{session}", this::mark);
        r.get("/events/{id}/tests", this::tests);
        r.post("/events/{id}/tests", this::saveTests);
        r.get("/events/{id}/practice", this::practice);
        r.post("/events/{id}/practice", this::savePractice);
        r.get("/events/{id}/feedback", this::feedback);
        r.post("/events/{id}/feedback", this::saveFeedback);
    }

    /** Whether the delivery pages list the enrolment: a participant holding a seat (as the day's grid takes marks). */
    private static boolean listed(Enrolment e) {
        return org.cadre.server.app.Delivery.listedOnTheGrid(e);
    }

    /** The participants holding a seat, in roster order. */
    static List<Someone> participants(EventRoster r) {
        return r.enrolments().stream().filter(DeliveryPages::listed).map(e -> someone(r, e.person())).toList();
    }

    /** The trainers of the event (for feedback on a trainer), in roster order. */
    static List<Someone> trainers(EventRoster r) {
        return r.enrolments().stream().filter(e -> e.role().delivers()).map(e -> someone(r, e.person())).toList();
    }

    private static Someone someone(EventRoster r, PersonId id) {
        Person p = r.people().get(id);
        return new Someone(id, p == null ? id.value() : View.name(p));
    }

    private EventRoster records(Context ctx, UserAccount user) {
        return PageKit.value(kit.app.delivery().records(user, ctx.pathParam("id")), ctx);
    }

    private void sessions(Context ctx) {
        Optional<UserAccount> user = kit.user(ctx);
        if (user.isEmpty()) {
            return;
        }
        EventRoster r = records(ctx, user.get());
        List<AgendaSlot> agenda = r.event().agenda().stream()
                .sorted(java.util.Comparator.comparing(AgendaSlot::day).thenComparing(AgendaSlot::start)).toList();
        kit.render(ctx, "attendance-sessions.jte", kit.view(ctx, user.get(), "attendance.title", r.event().title()), "r", r, "agenda", agenda);
    }

    /** The rows of a session's sheet: every participant listed, with their mark. */
    private static List<MarkRow> rows(Delivery.Sheet sheet) {
        return sheet.roster().entries().stream().filter(en -> listed(en.enrolment().value())).map(en -> {
            PersonId id = en.enrolment().value().person();
            return new MarkRow(new Someone(id, en.person().map(View::name).orElse(id.value())), Optional.ofNullable(sheet.marks().get(id)));
        }).toList();
    }

    private void session(Context ctx) {
        Optional<UserAccount> user = kit.user(ctx);
        if (user.isEmpty()) {
            return;
        }
        showSession(ctx, user.get(), List.of());
    }

    private void showSession(Context ctx, UserAccount user, List<String> errors) {
        Delivery.Sheet sheet = PageKit.value(kit.app.delivery().sheet(user, ctx.pathParam("id"), ctx.pathParam("session")), ctx);
        kit.render(ctx, "attendance.jte", kit.view(ctx, user, "attendance.session-title", sheet.slot().session().value(),
                sheet.roster().event().value().title()), "s", sheet, "rows", rows(sheet), "errors", errors);
    }

    private static PageProblem notFound() {
        return new PageProblem(Outcome.refused(Outcome.Refusal.NOT_FOUND, "There is no such session on this event's agenda."));
    }

    /** One person's mark: saved at once; htmx gets the person's row back, a plain form the page again. */
    private void mark(Context ctx) {
        Optional<UserAccount> user = kit.user(ctx);
        if (user.isEmpty()) {
            return;
        }
        String person = FormFields.one(ctx, "person");
        Outcome<Delivery.Marked> saved = kit.app.delivery().markOne(user.get(), ctx.pathParam("id"), ctx.pathParam("session"), person,
                ctx.formParam("mark"));
        if (!saved.isDone()) {
            PageKit.unlessShownOnTheForm(saved, ctx);
            int status = new PageProblem(saved).status();
            // The form's fields are the mark's own: marks[0].person is the form's person, marks[0].mark its mark.
            List<String> errors = saved.errors().stream().map(e -> e.replaceFirst("^marks\\[0\\]\\.", "")).toList();
            if (Pages.fromHtmx(ctx)) {
                // A tap refused: why, in the row tapped (its buttons stay as they were: nothing was saved).
                ctx.header("HX-Retarget", "find .row-problem");
                ctx.header("HX-Reswap", "innerHTML");
                kit.render(ctx, "tag/markproblem.jte", kit.view(ctx, user.get(), "attendance.title", ""), "detail", saved.detail(),
                        "errors", org.cadre.server.web.Problem.listed(errors));
                ctx.status(status);
                return;
            }
            showSession(ctx, user.get(), errors);
            ctx.status(status);
            return;
        }
        if (Pages.fromHtmx(ctx)) {
            Delivery.Marked marked = saved.get();
            MarkRow row = new MarkRow(new Someone(marked.id(), marked.person().map(View::name).orElse(marked.id().value())),
                    Optional.of(marked.mark()));
            kit.render(ctx, "tag/markrow.jte", kit.view(ctx, user.get(), "attendance.title", ""), "row", row, "action", ctx.path(),
                    "saved", true);
            return;
        }
        ctx.redirect(ctx.path() + "#" + View.id("p", person), HttpStatus.SEE_OTHER);
    }

    /** A day of the agenda: its sessions in order. */
    private static List<AgendaSlot> sessionsOf(EventRoster r, LocalDate day) {
        return r.event().agenda().stream().filter(s -> s.day().equals(day))
                .sorted(java.util.Comparator.comparing(AgendaSlot::start)).toList();
    }

    private static LocalDate day(Context ctx) {
        return org.cadre.documents.Dates.tryParse(ctx.pathParam("day")).orElseThrow(DeliveryPages::notFound);
    }

    private void dayGrid(Context ctx) {
        Optional<UserAccount> user = kit.user(ctx);
        if (user.isEmpty()) {
            return;
        }
        String saved = PageKit.noticeParam(ctx, "saved");
        showDay(ctx, user.get(), saved != null && saved.matches("\\d{1,6}")
                ? Optional.of(PageKit.messages(ctx).get("attendance.day-saved", Integer.parseInt(saved))) : Optional.empty(), List.of(), Map.of());
    }

    /** A whole column's error as the use case names it: {@code sessions.<session>: <reason>}. */
    private static final java.util.regex.Pattern SESSION = java.util.regex.Pattern.compile("^sessions(?:\\.([^:\\[]+))?: (.*)$",
            java.util.regex.Pattern.DOTALL);
    /** A cell's error as the use case names it: {@code sessions.<session>.marks[<i>]}, then the field, then the reason. */
    private static final java.util.regex.Pattern CELL = java.util.regex.Pattern.compile(
            "^sessions\\.(.+)\\.marks\\[(\\d{1,9})\\](?:\\.(?:person|mark))?: (.*)$", java.util.regex.Pattern.DOTALL);

    /**
     * The day grid's errors as cells (the person sent for the cell, its session): a use case's error names the
     * request's field ({@code sessions.M1.S1.marks[0].person}), which {@link #inRows} shows as the cell's label reads.
     */
    private static List<CellError> cells(List<String> errors, Map<String, List<Delivery.Mark>> sent, java.util.Set<String> agenda,
            Messages t) {
        return errors.stream().map(e -> {
            java.util.regex.Matcher whole = SESSION.matcher(e);
            if (whole.matches()) {
                // A column's fault (a session held another day): named by its code when the agenda holds it, as the
                // grid's columns are; a code the agenda does not hold came from the form, and is not repeated.
                String column = whole.group(1) != null && agenda.contains(whole.group(1)) ? whole.group(1) : t.get("grid.unlisted-column");
                return new CellError(null, null, column + ": " + whole.group(2));
            }
            java.util.regex.Matcher m = CELL.matcher(e);
            List<Delivery.Mark> marks = m.matches() ? sent.get(m.group(1)) : null;
            int i = marks == null ? -1 : Integer.parseInt(m.group(2));
            return i < 0 || i >= marks.size() ? new CellError(null, null, e) : new CellError(marks.get(i).person(), m.group(1), m.group(3));
        }).toList();
    }

    private void showDay(Context ctx, UserAccount user, Optional<String> notice, List<String> errors, Map<String, List<Delivery.Mark>> sent) {
        EventRoster r = records(ctx, user);
        LocalDate day = day(ctx);
        List<AgendaSlot> slots = sessionsOf(r, day);
        if (slots.isEmpty()) {
            throw notFound();
        }
        Map<String, AttendanceMark> marks = new LinkedHashMap<>();
        for (Attendance a : r.attendance()) {
            marks.put(a.session().value() + "/" + a.person().value(), a.mark());
        }
        // A refused grid comes back with the marks chosen in it, not those recorded: nothing typed is lost.
        sent.forEach((session, chosen) -> chosen.forEach(m -> java.util.Arrays.stream(AttendanceMark.values())
                .filter(x -> org.cadre.documents.Labels.of(x).equals(m.mark())).findFirst()
                .ifPresent(x -> marks.put(session + "/" + m.person(), x))));
        kit.render(ctx, "attendance-day.jte", kit.view(ctx, user, "attendance.day-title",
                View.date(PageKit.messages(ctx), day), r.event().title()), "r", r, "day", day,
                "slots", slots, "people", participants(r), "marks", marks, "notice", notice.orElse(""), "errors",
                inRows(cells(errors, sent, r.event().agenda().stream().map(s -> s.session().value()).collect(java.util.stream.Collectors.toSet()),
                        PageKit.messages(ctx)), participants(r), slots.stream().map(s -> s.session().value()).collect(java.util.stream.Collectors.toSet()),
                        List.of(), PageKit.messages(ctx)));
    }

    /** The whole day's grid at once: every cell chosen is saved, all or none. */
    private void saveDay(Context ctx) {
        Optional<UserAccount> user = kit.user(ctx);
        if (user.isEmpty()) {
            return;
        }
        Map<String, List<Delivery.Mark>> bySession = new LinkedHashMap<>();
        for (var field : ctx.formParamMap().entrySet()) {
            String[] parts = field.getKey().split(":", 3);
            // A cell is m:<session>:<person>; one cut short is still a cell, refused with the rest for what it lacks
            // (the attacker's re-check: it was dropped, and the grid answered "saved").
            if (parts[0].equals("m") && parts.length > 1 && !field.getValue().isEmpty() && !field.getValue().get(0).isEmpty()) {
                bySession.computeIfAbsent(parts[1], s -> new ArrayList<>())
                        .add(new Delivery.Mark(parts.length > 2 ? parts[2] : "", field.getValue().get(0)));
            }
        }
        Outcome<Integer> saved = kit.app.delivery().attendanceOfDay(user.get(), ctx.pathParam("id"), day(ctx), bySession);
        if (saved.isDone()) {
            ctx.redirect(PageKit.withNotice(ctx, ctx.path() + "?saved=" + saved.get()), HttpStatus.SEE_OTHER);
            return;
        }
        PageKit.unlessShownOnTheForm(saved, ctx);
        int status = new PageProblem(saved).status();
        showDay(ctx, user.get(), Optional.empty(), PageKit.problems(saved), bySession);
        ctx.status(status);
    }

    /** The test phase the page is about: {@code pre} unless the address or the form names one; any other is refused. */
    private static String phase(Context ctx) {
        String phase = Optional.ofNullable(ctx.queryParam("phase")).orElse(Optional.ofNullable(ctx.formParam("phase")).orElse("pre"));
        if (!phase.equals("pre") && !phase.equals("post")) {
            throw new PageProblem(Outcome.refused(Outcome.Refusal.INVALID, "The test is the pre-test or the post-test.",
                    List.of("phase: must be pre or post")));
        }
        return phase;
    }

    private void tests(Context ctx) {
        Optional<UserAccount> user = kit.user(ctx);
        if (user.isEmpty()) {
            return;
        }
        Messages t = PageKit.messages(ctx);
        showTests(ctx, user.get(), phase(ctx), PageKit.noticeParam(ctx, "saved") == null ? Optional.empty()
                : Optional.of(t.get("tests.saved")), List.of(), Map.of());
    }

    private void showTests(Context ctx, UserAccount user, String phase, Optional<String> notice, List<String> errors, Map<String, String> sent) {
        EventRoster r = records(ctx, user);
        Map<String, String> values = new LinkedHashMap<>();
        for (TestScore s : r.tests()) {
            if (org.cadre.documents.Labels.of(s.phase()).equals(phase)) {
                s.points().forEach((item, n) -> values.put(s.person().value() + ":" + item.value(), String.valueOf(n)));
            }
        }
        values.putAll(sent);
        List<AssessmentItem> items = r.curriculum().assessment().itemsOf(org.cadre.curriculum.ItemKind.TEST_QUESTION);
        kit.render(ctx, "tests.jte", kit.view(ctx, user, "tests.title", r.event().title()), "r", r, "phase", phase, "items", items,
                "people", participants(r), "values", values, "notice", notice.orElse(""), "errors", errors);
    }

    /** Scores of one phase for everyone with a value entered; a blank row is left out. */
    private void saveTests(Context ctx) {
        Optional<UserAccount> user = kit.user(ctx);
        if (user.isEmpty()) {
            return;
        }
        String phase = phase(ctx);
        Grid grid = grid(ctx, "s");
        Map<String, Map<String, Integer>> byPerson = grid.byPerson();
        Map<String, String> sent = grid.sent();
        List<CellError> errors = new ArrayList<>(grid.errors());
        if (errors.isEmpty()) {
            List<Delivery.Score> scores = byPerson.entrySet().stream().map(e -> new Delivery.Score(e.getKey(), e.getValue())).toList();
            Outcome<Integer> saved = kit.app.delivery().tests(user.get(), ctx.pathParam("id"), phase, SentItems.all("scores", scores));
            if (saved.isDone()) {
                ctx.redirect(PageKit.withNotice(ctx, ctx.path() + "?phase=" + phase + "&saved=" + saved.get()), HttpStatus.SEE_OTHER);
                return;
            }
            PageKit.unlessShownOnTheForm(saved, ctx);
            errors.addAll(named(saved.errors(), "scores", byPerson.keySet().stream().toList()));
        }
        EventRoster r = records(ctx, user.get());
        java.util.Set<String> items = new java.util.HashSet<>();
        r.curriculum().assessment().itemsOf(org.cadre.curriculum.ItemKind.TEST_QUESTION).forEach(i -> items.add(i.code().value()));
        showTests(ctx, user.get(), phase, Optional.empty(), inRows(errors, participants(r), items, sent.keySet(), PageKit.messages(ctx)), sent);
        ctx.status(422);
    }

    /**
     * The numbers of a grid form, whose fields are named {@code kind:person:column}: by person and column, what
     * was typed (to show it again), and every value that is not a whole number; blank cells are left out.
     */
    private record Grid(Map<String, Map<String, Integer>> byPerson, Map<String, String> sent, List<CellError> errors) {}

    /**
     * A refused cell of a grid form, as sent: the person and the column (null: the person's whole row) and why.
     * Shown by {@link #inRows}, which names neither from the request.
     */
    private record CellError(String person, String column, String reason) {}

    private static Grid grid(Context ctx, String kind) {
        Map<String, Map<String, Integer>> byPerson = new LinkedHashMap<>();
        Map<String, String> sent = new LinkedHashMap<>();
        List<CellError> errors = new ArrayList<>();
        for (var field : ctx.formParamMap().entrySet()) {
            String[] parts = field.getKey().split(":", 3);
            String value = field.getValue().isEmpty() ? "" : field.getValue().get(0).strip();
            if (parts.length != 3 || !parts[0].equals(kind) || value.isEmpty()) {
                continue;
            }
            sent.put(parts[1] + ":" + parts[2], value);
            if (!value.matches("\\d{1,4}")) {
                errors.add(new CellError(parts[1], parts[2], PageKit.messages(ctx).get("tests.whole-number")));
                continue;
            }
            byPerson.computeIfAbsent(parts[1], p -> new LinkedHashMap<>()).put(parts[2], Integer.parseInt(value));
        }
        return new Grid(byPerson, sent, errors);
    }

    /** Errors named {@code scores[i]}, as errors of the row of the person the i-th item was about. */
    private static List<CellError> named(List<String> errors, String list, List<String> ids) {
        List<CellError> out = new ArrayList<>();
        java.util.regex.Pattern indexed = java.util.regex.Pattern.compile("^" + list + "\\[(\\d{1,9})\\](?:\\.([A-Za-z]+))?(?::\\s*)?(.*)$",
                java.util.regex.Pattern.DOTALL);
        for (String e : errors) {
            java.util.regex.Matcher m = indexed.matcher(e);
            if (m.matches() && Integer.parseInt(m.group(1)) < ids.size()) {
                // The row's person and its scores are the row itself; another field (an assessor) is named.
                String field = m.group(2);
                String reason = field == null || field.equals("person") || field.equals("scores") || field.equals("points") ? m.group(3)
                        : field + ": " + m.group(3);
                out.add(new CellError(ids.get(Integer.parseInt(m.group(1))), null, reason));
            } else {
                out.add(new CellError(null, null, e));
            }
        }
        return out;
    }

    /**
     * A grid form's refused cells in the page's words: the row by the person's name when the page lists them,
     * else as someone not on the page; the column by its heading when the page has it, else as a column not on
     * the page; nothing typed into a field's name comes back (the attacker's review: any text sent as a person id
     * was shown in the error, at any length).
     */
    private static List<String> inRows(List<CellError> errors, List<Someone> people, java.util.Set<String> columns,
            java.util.Collection<String> sentCells, Messages t) {
        // Columns sent that the page does not have, longest first (so that one is not found inside another).
        List<String> strange = sentCells.stream().map(c -> c.substring(c.indexOf(':') + 1)).filter(c -> !c.isEmpty() && !columns.contains(c))
                .distinct().sorted(java.util.Comparator.comparingInt(String::length).reversed()).toList();
        Map<String, String> names = new java.util.HashMap<>();
        people.forEach(p -> names.putIfAbsent(p.id().value(), p.name()));
        List<String> out = new ArrayList<>();
        for (CellError e : errors) {
            if (e.person() == null) {
                out.add(e.reason());
                continue;
            }
            String row = names.getOrDefault(e.person(), t.get("grid.unlisted-row"));
            String column = e.column() == null ? "" : " – " + (columns.contains(e.column()) ? e.column() : t.get("grid.unlisted-column"));
            String reason = e.reason();
            // A reason may quote a column sent (a question code the test does not have): not from the request either.
            for (String c : strange) {
                reason = reason.replaceAll("(?<![A-Za-z0-9._-])" + java.util.regex.Pattern.quote(c) + "(?![A-Za-z0-9._-])",
                        java.util.regex.Matcher.quoteReplacement(t.get("grid.unlisted-column")));
            }
            out.add(row + column + ": " + reason);
        }
        return out;
    }

    private void practice(Context ctx) {
        Optional<UserAccount> user = kit.user(ctx);
        if (user.isEmpty()) {
            return;
        }
        showPractice(ctx, user.get(), PageKit.noticeParam(ctx, "saved") == null ? Optional.empty()
                : Optional.of(PageKit.messages(ctx).get("practice.saved")), List.of(), Map.of());
    }

    private void showPractice(Context ctx, UserAccount user, Optional<String> notice, List<String> errors, Map<String, String> sent) {
        EventRoster r = records(ctx, user);
        Map<String, String> values = new LinkedHashMap<>();
        r.practice().forEach(p -> p.scores().forEach((c, n) -> values.put(p.person().value() + ":" + c, String.valueOf(n))));
        values.putAll(sent);
        kit.render(ctx, "practice.jte", kit.view(ctx, user, "practice.title", r.event().title()), "r", r, "people", participants(r),
                "values", values, "notice", notice.orElse(""), "errors", errors);
    }

    private void savePractice(Context ctx) {
        Optional<UserAccount> user = kit.user(ctx);
        if (user.isEmpty()) {
            return;
        }
        EventRoster r = records(ctx, user.get());
        Grid grid = grid(ctx, "c");
        Map<String, Map<String, Integer>> byPerson = grid.byPerson();
        Map<String, String> sent = grid.sent();
        List<CellError> errors = new ArrayList<>(grid.errors());
        int status = 400;
        String task = r.rubric().map(x -> x.task().value()).orElse(null);
        if (task == null) {
            errors.add(new CellError(null, null, PageKit.messages(ctx).get("practice.no-rubric")));
        }
        if (errors.isEmpty()) {
            var results = PracticeDoc.sent(byPerson.entrySet().stream().map(e -> new PracticeDoc(e.getKey(), task, e.getValue(), null)).toList(),
                    new java.util.TreeMap<>());
            Outcome<Integer> saved = kit.app.delivery().practice(user.get(), ctx.pathParam("id"), results);
            if (saved.isDone()) {
                ctx.redirect(PageKit.withNotice(ctx, ctx.path() + "?saved=" + saved.get()), HttpStatus.SEE_OTHER);
                return;
            }
            PageKit.unlessShownOnTheForm(saved, ctx);
            status = new PageProblem(saved).status();
            errors.addAll(named(saved.errors(), "results", byPerson.keySet().stream().toList()));
        }
        java.util.Set<String> criteria = new java.util.HashSet<>();
        r.rubric().ifPresent(x -> x.criteria().forEach(c -> criteria.add(c.name())));
        showPractice(ctx, user.get(), Optional.empty(), inRows(errors, participants(r), criteria, sent.keySet(), PageKit.messages(ctx)), sent);
        ctx.status(status);
    }

    private void feedback(Context ctx) {
        Optional<UserAccount> user = kit.user(ctx);
        if (user.isEmpty()) {
            return;
        }
        showFeedback(ctx, user.get(), PageKit.noticeParam(ctx, "saved") == null ? Optional.empty()
                : Optional.of(PageKit.messages(ctx).get("feedback.saved")), List.of(), Map.of());
    }

    private void showFeedback(Context ctx, UserAccount user, Optional<String> notice, List<String> errors, Map<String, String> sent) {
        EventRoster r = records(ctx, user);
        List<AgendaSlot> agenda = r.event().agenda().stream()
                .sorted(java.util.Comparator.comparing(AgendaSlot::day).thenComparing(AgendaSlot::start)).toList();
        kit.render(ctx, "feedback.jte", kit.view(ctx, user, "feedback.title", r.event().title()), "r", r, "agenda", agenda,
                "trainers", trainers(r), "notice", notice.orElse(""), "errors", errors, "sent", sent);
    }

    /** One item of feedback on a session (and, if chosen, its trainer); anonymous unless an author is chosen. */
    private void saveFeedback(Context ctx) {
        Optional<UserAccount> user = kit.user(ctx);
        if (user.isEmpty()) {
            return;
        }
        Map<String, String> sent = new LinkedHashMap<>();
        for (String f : List.of("session", "trainer", "rating", "comment")) {
            sent.put(f, Optional.ofNullable(ctx.formParam(f)).orElse(""));
        }
        List<String> errors = new ArrayList<>();
        // A rating sent is passed on as a number when it is one, so that one out of range is named as such with the
        // form's other faults (7 read "rating: is required", the newcomer's review); text is named here.
        String ratingSent = sent.get("rating").strip();
        Integer rating = ratingSent.matches("\\d{1,9}") ? Integer.valueOf(ratingSent) : null;
        if (rating == null && !ratingSent.isEmpty()) {
            errors.add("rating: must be a whole number from " + org.cadre.roster.Feedback.MIN_RATING + " to "
                    + org.cadre.roster.Feedback.MAX_RATING);
        }
        var items = FeedbackDoc.sent(List.of(new FeedbackDoc(null, blankToNull(sent.get("session")), blankToNull(sent.get("trainer")),
                rating, blankToNull(sent.get("comment")), null)), new java.util.TreeMap<>());
        Outcome<Integer> saved = kit.app.delivery().feedback(user.get(), ctx.pathParam("id"), items);
        if (saved.isDone()) {
            ctx.redirect(PageKit.withNotice(ctx, ctx.path() + "?saved=" + saved.get()), HttpStatus.SEE_OTHER);
            return;
        }
        PageKit.unlessShownOnTheForm(saved, ctx);
        // A rating that is no number was named above; the use case saw none.
        boolean ratingNamed = !errors.isEmpty();
        saved.errors().stream().filter(e -> !ratingNamed || !e.equals("items[0].rating: is required")).forEach(errors::add);
        showFeedback(ctx, user.get(), Optional.empty(), errors.stream().map(e -> e.replaceFirst("^items\\[0\\]\\.", "")).toList(), sent);
        ctx.status(422);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
