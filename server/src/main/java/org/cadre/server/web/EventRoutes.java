package org.cadre.server.web;

import com.google.common.hash.Hashing;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.cadre.curriculum.Curriculum;
import org.cadre.curriculum.ItemCode;
import org.cadre.curriculum.SessionCode;
import org.cadre.finding.Findings;
import org.cadre.finding.Result;
import org.cadre.roster.Attendance;
import org.cadre.roster.AttendanceMark;
import org.cadre.roster.BulkStatus;
import org.cadre.roster.Certification;
import org.cadre.roster.Enrolment;
import org.cadre.roster.EnrolmentStatus;
import org.cadre.roster.Event;
import org.cadre.roster.EventCheck;
import org.cadre.roster.EventId;
import org.cadre.roster.EventRoster;
import org.cadre.roster.Feedback;
import org.cadre.roster.OrganisationId;
import org.cadre.roster.Person;
import org.cadre.roster.PersonId;
import org.cadre.roster.PracticeTeaching;
import org.cadre.roster.Role;
import org.cadre.roster.ScoreLimits;
import org.cadre.roster.Rubric;
import org.cadre.roster.TestScore;
import org.cadre.server.RosterImport;
import org.cadre.server.app.EventWork;
import org.cadre.documents.Fields;
import org.cadre.documents.Labels;
import org.cadre.documents.RosterDocs.EnrolmentView;
import org.cadre.documents.RosterDocs.EventDoc;
import org.cadre.documents.RosterDocs.FeedbackDoc;
import org.cadre.documents.RosterDocs.PracticeDoc;
import org.cadre.documents.RosterDocs.RubricDoc;
import org.cadre.server.security.Access;
import org.cadre.server.security.Access.Permission;
import org.cadre.server.store.RosterImports;
import org.cadre.server.store.StampedCache;
import org.cadre.server.security.UserAccount;
import org.cadre.server.store.Versioned;

/**
 * Events and everything recorded at them: the event and its agenda and checks, enrolments and their
 * status, roster import, attendance, tests, practice teaching, feedback and certification.
 */
final class EventRoutes {

    private final Api api;
    private final RosterImports imports;

    private final EventWork work;

    EventRoutes(Api api) {
        this.api = api;
        this.imports = new RosterImports(api.db, api.audit, api.clock);
        this.work = new EventWork(api.db, api.clock, api.events, api.enrolments, api.curricula, api.rosters, api.trainers,
                api.certifications);
    }

    void register(RoutesConfig r) {
        r.get("/api/v1/events", this::list);
        r.post("/api/v1/events", this::create);
        r.get("/api/v1/events/{id}", this::get);
        r.put("/api/v1/events/{id}", this::update);
        r.get("/api/v1/events/{id}/agenda", this::agenda);
        r.get("/api/v1/events/{id}/checks", this::checks);
        r.get("/api/v1/events/{id}/enrolments", this::enrolments);
        r.post("/api/v1/events/{id}/enrolments", this::enrol);
        r.post("/api/v1/events/{id}/enrolments/{person}/status", this::changeStatus);
        r.post("/api/v1/events/{id}/enrolments/status", this::changeStatuses);
        r.post("/api/v1/events/{id}/close", this::close);
        r.post("/api/v1/events/{id}/roster", this::importRoster);
        r.put("/api/v1/events/{id}/attendance/{session}", this::attendance);
        r.post("/api/v1/events/{id}/tests", this::tests);
        r.put("/api/v1/events/{id}/rubric", this::rubric);
        r.post("/api/v1/events/{id}/practice", this::practice);
        r.post("/api/v1/events/{id}/feedback", this::feedback);
        r.get("/api/v1/events/{id}/certification", this::evaluate);
        r.post("/api/v1/events/{id}/certification", this::certify);
    }

    // The event

    private void list(Context ctx) {
        UserAccount user = api.allow(ctx, Permission.READ_RECORDS);
        Map<EventId, LocalDate> closed = api.events.closedDays();
        ctx.json(Api.page(ctx, api.events.all().stream().map(Versioned::value).filter(e -> Access.covers(user, e))
                .map(e -> EventDoc.of(e, Optional.ofNullable(closed.get(e.id())))).toList(), EventDoc::id));
    }

    private void create(Context ctx) {
        UserAccount user = api.allow(ctx, Permission.WRITE_RECORDS);
        Event e = Json.body(ctx, EventDoc.class).toDomain();
        DirectoryRoutes.inScope(user, Access.covers(user, e), "event");
        references(user, e, Optional.empty());
        DirectoryRoutes.absent(api.events.summary(e.id()).isPresent(), "event");
        Versioned<Event> stored = DirectoryRoutes.created(() -> api.events.add(e, user.username()), "event");
        DirectoryRoutes.answerCreated(ctx, "/api/v1/events/" + e.id(), stored.version(), EventDoc.of(e));
    }

    /**
     * The programme, the package version, the ToT and the agenda's trainers an event names must be stored
     * and in the user's scope; one outside it is answered exactly as a missing one. A trainer already on
     * the stored agenda ({@code before}) may stay there.
     */
    private void references(UserAccount user, Event e, Optional<Event> before) {
        List<String> missing = new ArrayList<>();
        var programme = api.programmes.get(e.programme()).filter(p -> Access.covers(user, p.value()));
        if (programme.isEmpty()) {
            missing.add("programme: no such programme");
        } else if (!Access.mayPlace(user, e.country(), programme.get().value())
                || e.days().stream().anyMatch(d -> !Access.mayPlace(user, d.venue().country(), programme.get().value()))) {
            throw ApiProblem.forbidden("An event is held in one of your countries or, for a programme in your scope, in one of the "
                    + "programme's countries: its main venue and every day's venue.");
        }
        if (api.curricula.get(e.curriculum(), e.version()).isEmpty()) {
            missing.add("curriculum: no such package version (curriculum and version) is stored");
        }
        boolean keptTot = before.flatMap(Event::trainersFrom).equals(e.trainersFrom());
        if (e.trainersFrom().isPresent() && !keptTot) {
            Optional<Event> tot = api.events.summary(e.trainersFrom().get()).map(Versioned::value).filter(t -> Access.covers(user, t));
            if (tot.isEmpty()) {
                missing.add("trainersFrom: no such event");
            } else if (tot.get().kind() != Event.Kind.TOT) {
                missing.add("trainersFrom: is a " + Labels.of(tot.get().kind()) + ", not a ToT");
            }
        }
        Set<PersonId> kept = before.map(b -> b.agenda().stream().flatMap(s -> s.trainers().stream()).collect(Collectors.toSet())).orElse(Set.of());
        Map<PersonId, Versioned<Person>> trainers = api.people.byIds(e.agenda().stream().flatMap(s -> s.trainers().stream()).toList());
        for (int i = 0; i < e.agenda().size(); i++) {
            var slot = e.agenda().get(i);
            boolean unknown = slot.trainers().stream().anyMatch(t -> !kept.contains(t)
                    && (!trainers.containsKey(t) || !api.covers(user, trainers.get(t).value())));
            if (unknown) {
                missing.add("agenda[" + i + "].trainers: no such person");
            }
        }
        if (!missing.isEmpty()) {
            throw ApiProblem.unprocessable("The event names records that are not stored.", missing);
        }
    }

    private void get(Context ctx) {
        UserAccount user = api.allow(ctx, Permission.READ_RECORDS);
        Versioned<Event> e = api.event(ctx, user);
        Api.etag(ctx, e.version());
        ctx.json(EventDoc.of(e.value(), api.events.closedOn(e.value().id())));
    }

    private void update(Context ctx) {
        UserAccount user = api.allow(ctx, Permission.WRITE_RECORDS);
        Versioned<Event> current = api.event(ctx, user);
        Event changed = Json.body(ctx, EventDoc.class).toDomain();
        DirectoryRoutes.sameId(current.value().id().value(), changed.id().value());
        DirectoryRoutes.inScope(user, Access.covers(user, changed), "event");
        references(user, changed, Optional.of(current.value()));
        Versioned<Event> saved = api.events.update(changed, Api.expected(ctx, current.version()), user.username());
        Api.etag(ctx, saved.version());
        ctx.json(EventDoc.of(saved.value(), api.events.closedOn(saved.value().id())));
    }

    record Trainer(String id, String name) {}

    record AgendaEntry(String day, String start, String end, long minutes, String session, String title, String module,
            List<Trainer> trainers) {}

    private void agenda(Context ctx) {
        UserAccount user = api.allow(ctx, Permission.READ_RECORDS);
        Event e = api.event(ctx, user).value();
        Curriculum c = api.curriculumOf(e);
        Map<PersonId, Versioned<Person>> people = api.people.byIds(e.agenda().stream().flatMap(s -> s.trainers().stream()).toList());
        ctx.json(e.agenda().stream().sorted(Comparator.comparing((org.cadre.roster.AgendaSlot s) -> s.day()).thenComparing(s -> s.start()))
                .map(s -> new AgendaEntry(s.day().toString(), s.start().toString(), s.end().toString(), s.minutes(), s.session().value(),
                        c.session(s.session()).map(x -> x.title()).orElse(null),
                        c.moduleOf(s.session()).map(m -> m.code().value()).orElse(null),
                        s.trainers().stream().sorted().map(t -> new Trainer(t.value(),
                                Optional.ofNullable(people.get(t)).filter(p -> api.covers(user, p.value()))
                                        .map(p -> p.value().displayName()).orElse(null))).toList()))
                .toList());
    }

    private EventRoster roster(Context ctx, UserAccount user) {
        Event e = api.event(ctx, user).value();
        return api.rosters.load(e.id(), api.curriculumOf(e)).orElseThrow(() -> ApiProblem.notFound("event"));
    }

    record Checks(String event, int errors, List<FindingView> findings) {}

    private void checks(Context ctx) {
        UserAccount user = api.allow(ctx, Permission.READ_RECORDS);
        EventRoster roster = roster(ctx, user);
        Findings findings = EventCheck.of(roster).run();
        ctx.json(new Checks(roster.event().id().value(), findings.errors().size(), findings.stream().map(FindingView::of).toList()));
    }

    // Enrolments

    /** An event's roster as the list answers it: the event (for the scope check) and every enrolment with its person. */
    private record Roster(Versioned<Event> event, List<EnrolmentView> enrolments) {}

    /** Rosters read since the last write; the most read request of the API serves from here. */
    private final StampedCache<EventId, Optional<Roster>> rosters = new StampedCache<>(256);

    private void enrolments(Context ctx) {
        UserAccount user = api.allow(ctx, Permission.READ_RECORDS);
        Optional<EventId> id = Api.id(ctx.pathParam("id"), EventId::of);
        Roster roster = id.flatMap(e -> rosters.get(e, api.stamp(ctx), () -> api.events.summary(e).map(this::roster)))
                .filter(r -> Access.covers(user, r.event().value()))
                .orElseThrow(() -> ApiProblem.notFound("event"));
        ctx.json(Api.page(ctx, roster.enrolments(), EnrolmentView::person));
    }

    private Roster roster(Versioned<Event> e) {
        List<Versioned<Enrolment>> all = api.enrolments.ofEvent(e.value().id());
        Map<PersonId, Versioned<Person>> people = api.people.byIds(all.stream().map(v -> v.value().person()).toList());
        Map<PersonId, List<Long>> recorded = api.enrolments.recordedAt(e.value().id());
        return new Roster(e, all.stream().map(v -> EnrolmentView.of(v.value(),
                Optional.ofNullable(people.get(v.value().person())).map(Versioned::value), v.version(),
                recorded.getOrDefault(v.value().person(), List.of()))).toList());
    }

    /** A new enrolment: the person, the role and who nominated them; it starts as nominated on {@code on}. */
    record NewEnrolment(String person, String role, String nominatedBy, String on) {}

    private void enrol(Context ctx) {
        UserAccount user = api.allow(ctx, Permission.WRITE_RECORDS);
        Event e = api.eventSummary(ctx, user).value();
        NewEnrolment in = Json.body(ctx, NewEnrolment.class);
        Fields f = new Fields();
        PersonId person = f.at("person", () -> PersonId.of(in.person()));
        Role role = f.at("role", () -> Labels.parse(Role.class, in.role()));
        OrganisationId by = f.at("nominatedBy", () -> OrganisationId.of(in.nominatedBy()));
        LocalDate on = in.on() == null ? e.defaultDay(EnrolmentStatus.NOMINATED, api.today(e), LocalDate.MIN)
                : f.at("on", () -> org.cadre.documents.Dates.parse(in.on()));
        f.check();
        // A person or organisation outside the user's scope is answered exactly as a missing one.
        List<String> missing = new ArrayList<>();
        if (api.people.get(person).filter(p -> api.covers(user, p.value())).isEmpty()) {
            missing.add("person: no such person");
        }
        if (api.organisations.get(by).filter(o -> api.covers(user, o.value())).isEmpty()) {
            missing.add("nominatedBy: no such organisation");
        }
        if (!missing.isEmpty()) {
            throw ApiProblem.unprocessable("The enrolment names records that are not stored.", missing);
        }
        if (api.enrolments.get(e.id(), person).isPresent()) {
            throw ApiProblem.conflict("The person is enrolled in this event already.");
        }
        if (!mayEnrol(user, e, api.people.get(person).orElseThrow().value(), role)) {
            throw ApiProblem.unprocessable("The enrolment was not made.", List.of(GUEST_ONLY));
        }
        Enrolment enrolment = Enrolment.nominate(person, e.id(), role, by, on);
        api.enrolments.addAll(List.of(enrolment), user.username());
        DirectoryRoutes.answerCreated(ctx, "/api/v1/events/" + e.id() + "/enrolments", 1,
                EnrolmentView.of(enrolment, api.people.get(person).map(Versioned::value), 1));
    }

    private static final String GUEST_ONLY = "role: the person is on record only as a guest trainer; another role is for a "
            + "coordinator of their country";

    /** {@link Access#mayEnrol}, with what the store holds about the person and the event's programme. */
    private boolean mayEnrol(UserAccount user, Event e, Person p, Role role) {
        return api.programmes.get(e.programme()).map(Versioned::value).filter(pr -> Access.mayEnrol(user, p, role,
                role == Role.GUEST_TRAINER ? java.util.Set.of() : api.enrolments.rolesOf(p.id()), e, pr, api.organisationOf(p))).isPresent();
    }

    record StatusChange(String status, String on) {}

    private void changeStatus(Context ctx) {
        UserAccount user = api.allow(ctx, Permission.WRITE_RECORDS);
        Event e = api.eventSummary(ctx, user).value();
        Versioned<Enrolment> current = Api.id(ctx.pathParam("person"), PersonId::of).flatMap(p -> api.enrolments.get(e.id(), p))
                .orElseThrow(() -> ApiProblem.notFound("enrolment"));
        StatusChange in = Json.body(ctx, StatusChange.class);
        Fields f = new Fields();
        EnrolmentStatus target = f.at("status", () -> Labels.parse(EnrolmentStatus.class, in.status()));
        LocalDate on = in.on() == null || target == null ? null : f.at("on", () -> org.cadre.documents.Dates.parse(in.on()));
        f.check();
        if (on == null) {
            on = e.defaultDay(target, api.today(e), current.value().since());
        } else if (on.isAfter(api.today(e))) {
            throw ApiProblem.unprocessable("A status records what happened; it cannot be dated ahead.",
                    List.of("on: dated " + on + ", after today (" + api.today(e) + ") where the event takes place"));
        }
        int expected = Api.expected(ctx, current.version());
        Result<Enrolment> moved = current.value().moveTo(target, on);
        if (!moved.isOk()) {
            throw ApiProblem.refused("That status change is not allowed.", moved.refusal());
        }
        Versioned<Enrolment> saved = api.enrolments.save(moved.value(), expected, user.username());
        Api.etag(ctx, saved.version());
        ctx.json(EnrolmentView.of(saved.value(), api.people.get(saved.value().person()).map(Versioned::value), saved.version()));
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
        UserAccount user = api.allow(ctx, Permission.WRITE_RECORDS);
        Event e = api.eventSummary(ctx, user).value();
        StatusChanges in = Json.body(ctx, StatusChanges.class);
        Fields f = new Fields();
        EventWork.Moved moved;
        if (in.changes() != null) {
            if (in.status() != null || in.every() != null || in.role() != null || in.on() != null) {
                throw ApiProblem.invalid("Send either changes or status with every, not both.",
                        List.of("changes: not with status, every, role or on"));
            }
            List<BulkStatus.Move> moves = f.each("changes", in.changes(), c -> new BulkStatus.Move(PersonId.of(required(c.person(), "person")),
                    Labels.parse(EnrolmentStatus.class, required(c.status(), "status")),
                    Optional.ofNullable(c.on()).map(org.cadre.documents.Dates::parse)));
            f.check();
            moved = Api.value(work.moveStatuses(user, e.id(), moves), ctx);
        } else {
            f.require("status", in.status());
            f.require("every", in.every());
            EnrolmentStatus to = in.status() == null ? null : f.at("status", () -> Labels.parse(EnrolmentStatus.class, in.status()));
            EnrolmentStatus from = in.every() == null ? null : f.at("every", () -> Labels.parse(EnrolmentStatus.class, in.every()));
            Role role = in.role() == null ? null : f.at("role", () -> Labels.parse(Role.class, in.role()));
            Optional<LocalDate> on = in.on() == null ? Optional.empty()
                    : Optional.ofNullable(f.at("on", () -> org.cadre.documents.Dates.parse(in.on())));
            f.check();
            moved = Api.value(work.moveEvery(user, e.id(), from, Optional.ofNullable(role), to, on), ctx);
        }
        Map<PersonId, Versioned<Person>> people = api.people.byIds(moved.enrolments().stream().map(v -> v.value().person()).toList());
        Map<PersonId, List<Long>> recorded = api.enrolments.recordedAt(e.id());
        ctx.json(new StatusesChanged(e.id().value(), moved.enrolments().size(), moved.enrolments().stream()
                .map(v -> EnrolmentView.of(v.value(), Optional.ofNullable(people.get(v.value().person())).map(Versioned::value), v.version(),
                        recorded.getOrDefault(v.value().person(), List.of())))
                .toList()));
    }

    private static <T> T required(T value, String field) {
        if (value == null) {
            throw new IllegalArgumentException(field + " is required");
        }
        return value;
    }

    record Close(String on) {}

    record Closed(String event, String closedOn, int moved, List<FindingView> findings) {}

    /** Closes the event: everyone to their final status by attendance, the pool's deliveries counted; once. */
    private void close(Context ctx) {
        UserAccount user = api.allow(ctx, Permission.WRITE_RECORDS);
        Event e = api.eventSummary(ctx, user).value();
        Close in = ctx.bodyAsBytes().length == 0 ? new Close(null) : Json.body(ctx, Close.class);
        Optional<LocalDate> on = in.on() == null ? Optional.empty() : Optional.of(Api.date("on", in.on()));
        EventWork.Closed closed = Api.value(work.close(user, e.id(), on), ctx);
        ctx.json(new Closed(e.id().value(), closed.closure().closedOn().toString(), closed.closure().enrolments().size(),
                closed.closure().findings().stream().map(FindingView::of).toList()));
    }

    record Imported(String event, int enrolled, int newPeople) {}

    /**
     * Imports a roster from CSV ({@code text/csv}, UTF-8): all rows or none. With an Idempotency-Key, the
     * same file sent again gets the first answer again and changes nothing.
     */
    private void importRoster(Context ctx) {
        UserAccount user = api.allow(ctx, Permission.WRITE_RECORDS);
        Event e = api.event(ctx, user).value();
        String type = Optional.ofNullable(ctx.contentType()).orElse("").toLowerCase(java.util.Locale.ROOT);
        if (!type.startsWith("text/csv")) {
            throw new ApiProblem(Problem.of("unsupported-media-type", "Unsupported media type", 415, "Send the roster as text/csv (UTF-8)."));
        }
        byte[] body = ctx.bodyAsBytes();
        LocalDate on = ctx.queryParam("on") == null ? e.defaultDay(EnrolmentStatus.NOMINATED, api.today(e), LocalDate.MIN)
                : Api.date("on", ctx.queryParam("on"));
        Optional<String> key = Optional.ofNullable(ctx.header("Idempotency-Key")).map(String::strip);
        if (key.isPresent() && !key.get().matches("[A-Za-z0-9._:-]{1,128}")) {
            throw ApiProblem.invalid("The Idempotency-Key is not valid.", List.of("Idempotency-Key: 1-128 letters, digits, '.', '_', ':' or '-'"));
        }
        String hash = Hashing.sha256().newHasher().putString(e.id().value(), StandardCharsets.UTF_8).putString(on.toString(), StandardCharsets.UTF_8)
                .putBytes(body).hash().toString();
        if (key.isPresent()) {
            Optional<RosterImports.Answer> earlier = imports.answered(user.username(), key.get());
            if (earlier.isPresent()) {
                if (!earlier.get().requestHash().equals(hash)) {
                    throw ApiProblem.unprocessable("That Idempotency-Key was used for another request; use a new key for a new file.",
                            List.of("Idempotency-Key: was used with another body"));
                }
                ctx.header("Idempotent-Replayed", "true");
                ctx.status(earlier.get().status()).contentType("application/json").result(earlier.get().body());
                return;
            }
        }
        RosterImport.Plan plan = RosterImport.plan(body, e, on, scopedLookup(user, e));
        if (!plan.ok()) {
            throw ApiProblem.unprocessable("The roster was not imported: every bad row is listed with its line; nothing was stored.",
                    plan.errors());
        }
        Imported result = new Imported(e.id().value(), plan.enrolments().size(), plan.newPeople().size());
        String json = ctx.jsonMapper().toJsonString(result, Imported.class);
        try {
            imports.store(plan.newPeople(), plan.enrolments(), user.username(), key, new RosterImports.Answer(hash, 201, json), n -> {});
        } catch (org.jooq.exception.DataAccessException failure) {
            if (org.cadre.server.store.StoreFailure.of(failure) == org.cadre.server.store.StoreFailure.DUPLICATE) {
                throw ApiProblem.conflict("The roster changed while importing (another import at the same time); nothing was stored, send it again.");
            }
            throw failure; // a full disk, an unreachable database or a fault: answered (and logged) as what it is
        }
        ctx.status(201).contentType("application/json").result(json);
    }

    /**
     * What the store holds, as the user's scope shows it: a person or organisation outside it is unknown,
     * an id in use by a record outside it is taken (its details never shown), and a new person must be one
     * the user may record ({@link Access#mayRecord}).
     */
    private RosterImport.Lookup scopedLookup(UserAccount user, Event e) {
        RosterImport.Lookup all = RosterImport.Lookup.of(api.people, api.organisations, api.enrolments, e.id());
        var programme = api.programmes.get(e.programme()).map(Versioned::value).orElseThrow(() -> ApiProblem.notFound("event"));
        return new RosterImport.Lookup() {
            @Override
            public Optional<Person> person(PersonId id) {
                return all.person(id).filter(p -> api.covers(user, p));
            }

            @Override
            public boolean taken(PersonId id) {
                return all.person(id).isPresent();
            }

            @Override
            public boolean organisationExists(OrganisationId id) {
                return api.organisations.get(id).filter(o -> api.covers(user, o.value())).isPresent();
            }

            @Override
            public boolean enrolled(PersonId id) {
                return all.enrolled(id);
            }

            @Override
            public boolean mayEnrol(Person p, Role role) {
                return EventRoutes.this.mayEnrol(user, e, p, role);
            }

            @Override
            public boolean mayRecord(Person p, Role role) {
                return Access.mayRecord(user, p, role, e, programme, p.organisation().flatMap(api.organisations::get).map(Versioned::value));
            }
        };
    }

    // Delivery: attendance, tests, practice, feedback

    record Mark(String person, String mark) {}

    record Marks(List<Mark> marks) {}

    record Recorded(String event, int recorded) {}

    private void attendance(Context ctx) {
        UserAccount user = api.allow(ctx, Permission.RECORD_DELIVERY);
        Event e = api.event(ctx, user).value();
        // Attendance is taken for the sessions on the event's agenda (the rule attendance.unknown-session).
        SessionCode session = Api.id(ctx.pathParam("session"), SessionCode::of)
                .filter(s -> e.agenda().stream().anyMatch(slot -> slot.session().equals(s)))
                .orElseThrow(() -> ApiProblem.notFound("session"));
        Marks in = Json.body(ctx, Marks.class);
        Set<PersonId> enrolled = enrolledIn(e);
        Set<PersonId> marked = new java.util.HashSet<>();
        Fields f = new Fields();
        f.require("marks", in.marks());
        List<Attendance> marks = f.each("marks", in.marks(), m -> {
            PersonId p = PersonId.of(m.person());
            if (!enrolled.contains(p)) {
                throw new IllegalArgumentException("person is not enrolled in this event");
            }
            if (!marked.add(p)) {
                throw new IllegalArgumentException("person appears twice; send one mark per person");
            }
            return new Attendance(p, session, Labels.parse(AttendanceMark.class, m.mark()));
        });
        f.check();
        api.enrolments.recordAttendance(e.id(), marks, user.username());
        ctx.json(new Recorded(e.id().value(), marks.size()));
    }

    private Set<PersonId> enrolledIn(Event e) {
        return api.enrolments.ofEvent(e.id()).stream().map(v -> v.value().person()).collect(Collectors.toSet());
    }

    record Score(String person, Map<String, Integer> points) {}

    record Tests(String phase, List<Score> scores) {}

    private void tests(Context ctx) {
        UserAccount user = api.allow(ctx, Permission.RECORD_DELIVERY);
        Event e = api.event(ctx, user).value();
        Curriculum c = api.curriculumOf(e);
        Tests in = Json.body(ctx, Tests.class);
        Set<PersonId> enrolled = enrolledIn(e);
        Set<PersonId> tested = new java.util.HashSet<>();
        Fields f = new Fields();
        TestScore.Phase phase = f.at("phase", () -> Labels.parse(TestScore.Phase.class, in.phase()));
        f.require("scores", in.scores());
        List<TestScore> scores = f.each("scores", in.scores(), s -> {
            PersonId p = PersonId.of(s.person());
            if (!enrolled.contains(p)) {
                throw new IllegalArgumentException("person is not enrolled in this event");
            }
            if (!tested.add(p)) {
                throw new IllegalArgumentException("person appears twice; send one score per person");
            }
            Map<ItemCode, Integer> points = new LinkedHashMap<>();
            (s.points() == null ? Map.<String, Integer>of() : s.points()).forEach((item, n) -> {
                if (n == null || n < 0) {
                    throw new IllegalArgumentException("points must be whole numbers from 0");
                }
                points.put(ItemCode.of(item), n);
            });
            TestScore score = TestScore.of(p, phase == null ? TestScore.Phase.PRE : phase, points);
            ScoreLimits.of(score, c).stream().findFirst().ifPresent(problem -> {
                throw new IllegalArgumentException(problem);
            });
            return score;
        });
        f.check();
        api.assessments.recordTests(e.id(), scores, user.username());
        ctx.json(new Recorded(e.id().value(), scores.size()));
    }

    private void rubric(Context ctx) {
        UserAccount user = api.allow(ctx, Permission.RECORD_DELIVERY);
        Event e = api.event(ctx, user).value();
        Rubric rubric = Json.body(ctx, RubricDoc.class).toDomain();
        api.assessments.setRubric(e.id(), rubric, user.username());
        ctx.json(RubricDoc.of(rubric));
    }

    record Practice(List<PracticeDoc> results) {}

    private void practice(Context ctx) {
        UserAccount user = api.allow(ctx, Permission.RECORD_DELIVERY);
        Event e = api.event(ctx, user).value();
        List<PracticeTeaching> results = PracticeDoc.all(Json.body(ctx, Practice.class).results());
        Set<PersonId> enrolled = enrolledIn(e);
        Optional<Rubric> rubric = api.assessments.rubric(e.id());
        List<String> errors = new ArrayList<>();
        for (int i = 0; i < results.size(); i++) {
            if (!enrolled.contains(results.get(i).person())) {
                errors.add("results[" + i + "].person: is not enrolled in this event");
            }
            // The assessor is named like every other id: one not enrolled here reads the same, whether or not it exists.
            if (results.get(i).assessor().filter(a -> !enrolled.contains(a)).isPresent()) {
                errors.add("results[" + i + "].assessor: is not enrolled in this event");
            }
            for (String problem : ScoreLimits.of(results.get(i), rubric)) {
                errors.add("results[" + i + "].scores: " + problem);
            }
        }
        if (!errors.isEmpty()) {
            throw ApiProblem.unprocessable("Practice teaching was not recorded.", errors);
        }
        api.assessments.recordPractice(e.id(), results, user.username());
        ctx.json(new Recorded(e.id().value(), results.size()));
    }

    record FeedbackItems(List<FeedbackDoc> items) {}

    private void feedback(Context ctx) {
        UserAccount user = api.allow(ctx, Permission.RECORD_DELIVERY);
        Event e = api.event(ctx, user).value();
        Curriculum c = api.curriculumOf(e);
        List<Feedback> items = FeedbackDoc.all(Json.body(ctx, FeedbackItems.class).items());
        Set<PersonId> enrolled = enrolledIn(e);
        List<String> errors = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            Feedback fb = items.get(i);
            if (c.session(fb.session()).isEmpty()) {
                errors.add("items[" + i + "].session: is not a session of the package");
            }
            if (fb.author().isPresent() && !enrolled.contains(fb.author().get())) {
                errors.add("items[" + i + "].author: is not enrolled in this event");
            }
            if (fb.trainer().isPresent() && !enrolled.contains(fb.trainer().get())) {
                errors.add("items[" + i + "].trainer: is not enrolled in this event");
            }
        }
        if (!errors.isEmpty()) {
            throw ApiProblem.unprocessable("Feedback was not recorded.", errors);
        }
        api.feedback.addAll(e.id(), items, user.username());
        ctx.status(201).json(new Recorded(e.id().value(), items.size()));
    }

    // Certification

    record DecisionView(String person, String name, boolean certified, List<FindingView> reasons) {}

    private List<DecisionView> decisions(EventRoster roster, List<Certification.Decision> decisions) {
        return decisions.stream().map(d -> new DecisionView(d.person().value(),
                Optional.ofNullable(roster.people().get(d.person())).map(Person::displayName).orElse(null), d.certified(),
                d.reasons().stream().map(FindingView::of).toList())).toList();
    }

    private void evaluate(Context ctx) {
        UserAccount user = api.allow(ctx, Permission.READ_RECORDS);
        EventRoster roster = roster(ctx, user);
        ctx.json(decisions(roster, Certification.evaluate(roster)));
    }

    record Certify(String on) {}

    /**
     * @param pool the trainer-pool steps certification gave (a ToT's certified graduates become co-trainers)
     *     and any it could not record
     */
    record Certified(String event, String decidedOn, int certified, int notCertified, List<DecisionView> decisions,
            List<FindingView> pool) {}

    /**
     * Records the decisions the rules give, for everyone at once (on {@code on}, by default the last course day
     * once it has passed): who is certified and why not; a ToT's certified graduates join the pool.
     */
    private void certify(Context ctx) {
        UserAccount user = api.allow(ctx, Permission.CERTIFY);
        Event e = api.eventSummary(ctx, user).value();
        Certify in = ctx.bodyAsBytes().length == 0 ? new Certify(null) : Json.body(ctx, Certify.class);
        Optional<LocalDate> on = in.on() == null ? Optional.empty() : Optional.of(Api.date("on", in.on()));
        EventWork.Certified done = Api.value(work.certify(user, e.id(), on), ctx);
        List<Certification.Decision> decided = done.decisions();
        int yes = (int) decided.stream().filter(Certification.Decision::certified).count();
        ctx.status(201).json(new Certified(e.id().value(), done.decidedOn().toString(), yes, decided.size() - yes,
                decisions(done.roster(), decided), done.pool().stream().map(FindingView::of).toList()));
    }
}
