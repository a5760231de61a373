package org.cadre.server.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.cadre.documents.Dates;
import org.cadre.documents.Documents;
import org.cadre.documents.Fields;
import org.cadre.documents.Labels;
import org.cadre.documents.RosterDocs.EnrolmentView;
import org.cadre.documents.SentItems;
import org.cadre.roster.BulkStatus;
import org.cadre.roster.EnrolmentStatus;
import org.cadre.roster.PersonId;
import org.cadre.roster.Role;
import org.cadre.server.app.Enrolling;
import org.cadre.server.app.EventWork;
import org.cadre.server.security.UserAccount;

/** An event's roster: read it, enrol one person, change statuses one by one or in bulk, import a file, close the event. */
final class EnrolmentRoutes {

    private final Api api;
    private final Enrolling enrolling;
    private final EventWork work;

    EnrolmentRoutes(Api api) {
        this.api = api;
        this.enrolling = api.app.enrolling();
        this.work = api.app.eventWork();
    }

    void register(RoutesConfig r) {
        r.get("/api/v1/events/{id}/enrolments", this::enrolments);
        r.post("/api/v1/events/{id}/enrolments", this::enrol);
        r.post("/api/v1/events/{id}/enrolments/{person}/status", this::changeStatus);
        r.post("/api/v1/events/{id}/enrolments/status", this::changeStatuses);
        r.post("/api/v1/events/{id}/close", this::close);
        r.post("/api/v1/events/{id}/roster", this::importRoster);
    }

    static EnrolmentView view(Enrolling.Entry e) {
        return EnrolmentView.of(e.enrolment().value(), e.person(), e.enrolment().version(), e.recordedAt());
    }

    /**
     * The views of a roster the use case answered from its cache, by that roster's identity (a roster changed
     * is a new one): the most read list of all is turned into its documents once, not on every request.
     */
    private final com.google.common.cache.Cache<Enrolling.Roster, List<EnrolmentView>> views =
            com.google.common.cache.CacheBuilder.newBuilder().weakKeys().maximumSize(1_000).build();

    private void enrolments(Context ctx) {
        Enrolling.Roster roster = Api.value(enrolling.roster(api.user(ctx), ctx.pathParam("id")), ctx);
        List<EnrolmentView> all = views.asMap().computeIfAbsent(roster, r -> r.entries().stream().map(EnrolmentRoutes::view).toList());
        ctx.json(Api.page(ctx, all, EnrolmentView::person));
    }

    /** A new enrolment: the person, the role and who nominated them; it starts as nominated on {@code on}. */
    record NewEnrolment(String person, String role, String nominatedBy, String on) {}

    private void enrol(Context ctx) {
        UserAccount user = api.user(ctx);
        NewEnrolment in = Json.body(ctx, NewEnrolment.class);
        Enrolling.Entry e = Api.value(enrolling.enrol(user, ctx.pathParam("id"), in.person(), in.role(), in.nominatedBy(), in.on()), ctx);
        Api.answerCreated(ctx, "/api/v1/events/" + e.enrolment().value().event() + "/enrolments", 1,
                view(e));
    }

    record StatusChange(String status, String on) {}

    private void changeStatus(Context ctx) {
        UserAccount user = api.user(ctx);
        StatusChange in = Json.body(ctx, StatusChange.class);
        Enrolling.Entry saved = Api.value(enrolling.changeStatus(user, ctx.pathParam("id"), ctx.pathParam("person"), in.status(), in.on(),
                Api.versions(ctx)), ctx);
        Api.etag(ctx, saved.enrolment().version());
        ctx.json(view(saved));
    }

    /**
     * Many status changes at once: either {@code changes} (each a person, a status and optionally the day), or
     * {@code status} with {@code every}, which moves every enrolment now in that status (and {@code role}, if
     * given), all on {@code on} or the event's default day.
     */
    record StatusChanges(List<Change> changes, String status, String every, String role, String on) {}

    record Change(String person, String status, String on) {}

    record StatusesChanged(String event, int changed, List<EnrolmentView> enrolments) {}

    private void changeStatuses(Context ctx) {
        UserAccount user = api.user(ctx);
        // An unknown field or a wrong value within one change is named with the faults of the others (the newcomer's
        // review: changes[5].onn hid what the rules said of every other change).
        Documents.Read<StatusChanges> sent = Json.bodyItems(ctx, StatusChanges.class, "changes");
        StatusChanges in = sent.value();
        Fields f = new Fields();
        EventWork.Moved moved;
        if (in.changes() != null) {
            if (in.status() != null || in.every() != null || in.role() != null || in.on() != null) {
                throw ApiProblem.invalid("Send either changes or status with every, not both.",
                        List.of("changes: not with status, every, role or on"));
            }
            // Each change read on its own: one that cannot be read is named with whatever the rules say of the others.
            List<BulkStatus.Move> read = new java.util.ArrayList<>();
            java.util.SortedMap<Integer, List<String>> unread = new java.util.TreeMap<>();
            for (int i = 0; i < in.changes().size(); i++) {
                Change c = in.changes().get(i);
                String at = "changes[" + i + "]";
                if (sent.itemFaults().containsKey(i) || c == null) {
                    unread.put(i, sent.itemFaults().getOrDefault(i, List.of(at + ": is required")));
                    read.add(null);
                    continue;
                }
                // Each field by its own path (changes[1].status), as an unknown field is named (changes[1].onn).
                Fields one = new Fields();
                PersonId person = one.at(at + ".person", () -> PersonId.of(Fields.required(c.person(), "person")));
                EnrolmentStatus status = one.at(at + ".status", () -> Labels.parse(EnrolmentStatus.class, Fields.required(c.status(), "status")));
                LocalDate on = c.on() == null ? null : one.at(at + ".on", () -> Dates.parse(c.on()));
                if (one.ok()) {
                    read.add(new BulkStatus.Move(person, status, Optional.ofNullable(on)));
                } else {
                    unread.put(i, one.errors());
                    read.add(null);
                }
            }
            moved = Api.value(work.moveStatuses(user, ctx.pathParam("id"), new SentItems<>(read, unread)), ctx);
        } else {
            f.require("status", in.status());
            f.require("every", in.every());
            EnrolmentStatus to = in.status() == null ? null : f.at("status", () -> Labels.parse(EnrolmentStatus.class, in.status()));
            EnrolmentStatus from = in.every() == null ? null : f.at("every", () -> Labels.parse(EnrolmentStatus.class, in.every()));
            Role role = in.role() == null ? null : f.at("role", () -> Labels.parse(Role.class, in.role()));
            Optional<LocalDate> on = in.on() == null ? Optional.empty() : Optional.ofNullable(f.at("on", () -> Dates.parse(in.on())));
            f.check();
            moved = Api.value(work.moveEvery(user, ctx.pathParam("id"), from, Optional.ofNullable(role), to, on), ctx);
        }
        ctx.json(new StatusesChanged(moved.event().value(), moved.enrolments().size(),
                moved.enrolments().stream().map(EnrolmentRoutes::view).toList()));
    }

    record Close(String on) {}

    record Closed(String event, String closedOn, int moved, List<FindingView> findings) {}

    /** Closes the event: everyone to their final status by attendance, the pool's deliveries counted; once. */
    private void close(Context ctx) {
        UserAccount user = api.user(ctx);
        Close in = ctx.bodyAsBytes().length == 0 ? new Close(null) : Json.body(ctx, Close.class);
        Optional<LocalDate> on = in.on() == null ? Optional.empty() : Optional.of(Api.date("on", in.on()));
        EventWork.Closed closed = Api.value(work.close(user, ctx.pathParam("id"), on), ctx);
        ctx.json(new Closed(closed.event().value(), closed.closure().closedOn().toString(), closed.closure().enrolments().size(),
                closed.closure().findings().stream().map(FindingView::of).toList()));
    }

    record Imported(String event, int enrolled, int newPeople) {}

    /**
     * Imports a roster from CSV ({@code text/csv}, UTF-8): all rows or none. With an Idempotency-Key, the
     * same file sent again gets the first answer again and changes nothing.
     */
    private void importRoster(Context ctx) {
        UserAccount user = api.user(ctx);
        if (!Api.bodyIs(ctx, "text/csv")) {
            throw new ApiProblem(Problem.of("unsupported-media-type", "Unsupported media type", 415, "Send the roster as text/csv (UTF-8)."));
        }
        Optional<String> key = Optional.ofNullable(ctx.header("Idempotency-Key")).map(String::strip);
        Enrolling.Imported done = Api.value(enrolling.importRoster(user, ctx.pathParam("id"), ctx.bodyAsBytes(), ctx.queryParam("on"), key,
                imported -> new Enrolling.Answer(201, ctx.jsonMapper().toJsonString(
                        new Imported(imported.event().value(), imported.enrolled(), imported.newPeople()), Imported.class)),
                rows -> n -> { }), ctx);
        if (done.replay().isPresent()) {
            ctx.header("Idempotent-Replayed", "true");
            ctx.status(done.replay().get().status()).contentType("application/json").result(done.replay().get().body());
            return;
        }
        ctx.status(201).contentType("application/json").result(ctx.jsonMapper().toJsonString(
                new Imported(done.event().value(), done.enrolled(), done.newPeople()), Imported.class));
    }
}
