package org.cadre.server.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.cadre.curriculum.Curriculum;
import org.cadre.curriculum.CurriculumId;
import org.cadre.finding.Result;
import org.cadre.roster.EventId;
import org.cadre.roster.Person;
import org.cadre.roster.PersonId;
import org.cadre.roster.pool.Evidence;
import org.cadre.roster.pool.PoolStatus;
import org.cadre.roster.pool.TrainerRecord;
import org.cadre.documents.Fields;
import org.cadre.documents.Labels;
import org.cadre.server.security.Access;
import org.cadre.server.security.Access.Permission;
import org.cadre.server.security.UserAccount;
import org.cadre.server.store.Versioned;

/**
 * The trainer pool: who stands where (trainee, co-trainer, certified, lead) for each package, the dated
 * evidence behind every step, and adding evidence, which moves a trainer on only as the rules allow.
 */
final class PoolRoutes {

    private final Api api;

    PoolRoutes(Api api) {
        this.api = api;
    }

    void register(RoutesConfig r) {
        r.get("/api/v1/trainers", this::list);
        r.get("/api/v1/trainers/{person}/{curriculum}", this::progression);
        r.post("/api/v1/trainers/{person}/{curriculum}/evidence", this::addEvidence);
    }

    /**
     * @param active the one definition every report uses ({@code TrainerRecord.isActiveOn}): in service, with
     *     pool activity (trained, taught, co-taught, recertified) in the two years up to the day asked about
     * @param inService not taken out of service
     * @param deliveries deliveries as a certified trainer (what lead trainer needs)
     * @param taught trainings taught in all: deliveries, co-deliveries and the observed co-delivery
     * @param lastDelivery the day the trainer last taught
     */
    record TrainerView(String person, String name, String country, String curriculum, String status, boolean active,
            boolean inService, String certifiedUntil, long deliveries, long taught, String lastDelivery) {}

    private TrainerView view(TrainerRecord t, Person p, LocalDate day) {
        return new TrainerView(t.person().value(), p.displayName(), p.country().code(), t.curriculum().value(),
                Labels.of(t.status()), t.isActiveOn(day), t.isActive(), t.certifiedUntil().map(LocalDate::toString).orElse(null),
                t.deliveries(), t.taught(), t.lastDelivery().map(LocalDate::toString).orElse(null));
    }

    /** Every trainer record in scope, optionally of one package and as it stood {@code on} a day. */
    private void list(Context ctx) {
        UserAccount user = api.allow(ctx, Permission.READ_POOL);
        Optional<LocalDate> on = Optional.ofNullable(ctx.queryParam("on")).map(d -> Api.date("on", d));
        Optional<String> curriculum = Optional.ofNullable(ctx.queryParam("curriculum"));
        var records = api.trainers.pool().records().stream()
                .filter(t -> curriculum.isEmpty() || t.curriculum().value().equals(curriculum.get()))
                .map(t -> on.isPresent() ? t.asOf(on.get()) : Optional.of(t)).flatMap(Optional::stream).toList();
        Map<PersonId, Versioned<Person>> people = api.people.byIds(records.stream().map(TrainerRecord::person).toList());
        java.util.function.Predicate<Person> inScope = api.peopleInScope(user);
        ctx.json(Api.page(ctx, records.stream().filter(t -> people.containsKey(t.person()))
                .filter(t -> inScope.test(people.get(t.person()).value()))
                .map(t -> view(t, people.get(t.person()).value(), on.orElseGet(() -> LocalDate.now(api.clock))))
                .sorted(Comparator.comparing(v -> v.person() + "/" + v.curriculum())).toList(), v -> v.person() + "/" + v.curriculum()));
    }

    /**
     * @param on the business day it happened
     * @param recordedAt when it was recorded (ISO 8601 instant); null for entries recorded before Cadre kept it
     */
    record EntryView(String kind, String on, String status, String evidence, String event, String note, String recordedAt) {}

    record Progression(TrainerView trainer, List<EntryView> history, int version) {}

    private Person person(Context ctx, UserAccount user) {
        return Api.id(ctx.pathParam("person"), PersonId::of).flatMap(api.people::get).map(Versioned::value)
                .filter(p -> api.covers(user, p)).orElseThrow(() -> ApiProblem.notFound("trainer"));
    }

    private Progression progression(Versioned<TrainerRecord> t, Person p) {
        List<Long> recorded = api.trainers.recordedAt(t.value().person(), t.value().curriculum());
        List<EntryView> history = new java.util.ArrayList<>();
        for (int i = 0; i < t.value().history().size(); i++) {
            TrainerRecord.Entry e = t.value().history().get(i);
            Long at = i < recorded.size() ? recorded.get(i) : null;
            history.add(new EntryView(Labels.of(e.kind()), e.on().toString(), e.status().map(Labels::of).orElse(null),
                    e.evidence().map(x -> Labels.of(x.kind())).orElse(null), e.evidence().flatMap(Evidence::event).map(EventId::value).orElse(null),
                    e.note(), at == null ? null : java.time.Instant.ofEpochMilli(at).toString()));
        }
        return new Progression(view(t.value(), p, LocalDate.now(api.clock)), history, t.version());
    }

    private void progression(Context ctx) {
        UserAccount user = api.allow(ctx, Permission.READ_POOL);
        Person p = person(ctx, user);
        Versioned<TrainerRecord> t = Api.id(ctx.pathParam("curriculum"), CurriculumId::of).flatMap(c -> api.trainers.get(p.id(), c))
                .orElseThrow(() -> ApiProblem.notFound("trainer"));
        Api.etag(ctx, t.version());
        ctx.json(progression(t, p));
    }

    /**
     * @param kind tot-enrolled (admits a trainee), tot-completed (makes a co-trainer), observed-co-delivery
     *     (makes a certified trainer), delivery (counted; with {@code promoteTo: lead-trainer} it promotes),
     *     co-delivery (counted as teaching, promotes no one), recertification
     * @param event the event it happened at (required)
     * @param on the day, within the event's arrival to departure days (default: its first course day for tot-enrolled, else its last)
     * @param promoteTo the status the evidence promotes to, where it is not implied by the kind
     */
    record NewEvidence(String kind, String on, String event, String note, String promoteTo) {}

    private void addEvidence(Context ctx) {
        UserAccount user = api.allow(ctx, Permission.CERTIFY);
        Person p = person(ctx, user);
        CurriculumId curriculum = Api.id(ctx.pathParam("curriculum"), CurriculumId::of).orElseThrow(() -> ApiProblem.notFound("package"));
        NewEvidence in = Json.body(ctx, NewEvidence.class);
        Fields f = new Fields();
        Evidence.Kind kind = f.at("kind", () -> Labels.parse(Evidence.Kind.class, in.kind()));
        LocalDate given = in.on() == null ? null : f.at("on", () -> org.cadre.documents.Dates.parse(in.on()));
        Optional<PoolStatus> promoteTo = in.promoteTo() == null ? Optional.empty()
                : Optional.ofNullable(f.at("promoteTo", () -> Labels.parse(PoolStatus.class, in.promoteTo())));
        EventId eventId = f.require("event", in.event()) == null ? null : f.at("event", () -> EventId.of(in.event()));
        f.check();
        // Evidence names the event it happened at (one outside the scope reads as missing) and a day within it.
        Optional<org.cadre.roster.Event> event = api.events.summary(eventId).map(Versioned::value).filter(e -> Access.covers(user, e));
        if (event.isEmpty()) {
            throw ApiProblem.unprocessable("The evidence names an event that is not stored.", List.of("event: no such event"));
        }
        // A trainer's record is changed by those who may change the person (their country's coordinators, or the
        // programme's; international staff by an administrator), as PUT /api/v1/people/{id} is.
        if (!Access.mayChange(user, p, api.enrolments.placesOf(p.id()), api.organisationOf(p))) {
            throw ApiProblem.forbidden("Your role or scope may not change this person's record.");
        }
        // Evidence comes from an event the person took part in: a ToT for ToT enrolment and completion, never a course.
        List<String> wrong = new ArrayList<>();
        if (api.enrolments.get(eventId, p.id()).isEmpty()) {
            wrong.add("event: the person is not enrolled in it");
        }
        if (event.get().kind() == org.cadre.roster.Event.Kind.COURSE) {
            wrong.add("event: is a course; nobody joins or steps up in the trainer pool through a course");
        } else if ((kind == Evidence.Kind.TOT_ENROLLED || kind == Evidence.Kind.TOT_COMPLETED) && event.get().kind() != org.cadre.roster.Event.Kind.TOT) {
            wrong.add("event: is a " + Labels.of(event.get().kind()) + "; ToT enrolment and completion come from a ToT");
        }
        if (!wrong.isEmpty()) {
            throw ApiProblem.unprocessable("The evidence does not fit the event it names.", wrong);
        }
        // By default the event's own day: its first course day for a ToT enrolment, its last for everything else.
        LocalDate on = given != null ? given : kind == Evidence.Kind.TOT_ENROLLED ? event.get().courseDays().first()
                : event.get().courseDays().last();
        Evidence evidence = new Evidence(kind, on, Optional.of(eventId), in.note() == null ? "" : in.note());
        evidence.checkAgainst(event, "pool/" + curriculum + "/" + p.id()).ifPresent(problem -> {
            throw ApiProblem.unprocessable("The evidence is dated outside the event it names.", List.of("on: " + problem.message()));
        });
        Optional<Versioned<TrainerRecord>> current = api.trainers.get(p.id(), curriculum);
        Period validity = latestValidity(curriculum);
        // Someone not yet in the pool is admitted (on ToT enrolment only); otherwise the evidence stands for its step.
        Result<TrainerRecord> next = current.isEmpty() ? TrainerRecord.admit(p.id(), curriculum, validity, evidence)
                : current.get().value().apply(evidence, promoteTo);
        int expected = current.isEmpty() ? 0 : Api.expected(ctx, current.get().version());
        if (!next.isOk()) {
            throw ApiProblem.refused("The pool's rules refuse that step.", next.refusal());
        }
        Versioned<TrainerRecord> saved = api.trainers.save(next.value(), validity, expected, user.username());
        Api.etag(ctx, saved.version());
        ctx.status(201).json(progression(saved, p));
    }

    /** The certificate validity of the package's latest stored version. */
    private Period latestValidity(CurriculumId id) {
        return api.curricula.versions(id).stream().max(Comparator.naturalOrder()).flatMap(v -> api.curricula.get(id, v))
                .map(Curriculum::certification)
                .orElseThrow(() -> ApiProblem.notFound("package")).certificateValidity()
                .orElseThrow(() -> ApiProblem.unprocessable("The package certifies no trainers; it has no trainer pool.",
                        List.of("curriculum: its certification criteria give no certificate validity")));
    }
}
