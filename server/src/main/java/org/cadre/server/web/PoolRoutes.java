package org.cadre.server.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.cadre.documents.Fields;
import org.cadre.documents.Labels;
import org.cadre.roster.EventId;
import org.cadre.roster.Person;
import org.cadre.roster.pool.Evidence;
import org.cadre.roster.pool.PoolStatus;
import org.cadre.roster.pool.TrainerRecord;
import org.cadre.server.app.TrainerPoolWork;
import org.cadre.server.security.UserAccount;

/**
 * The trainer pool, through {@link TrainerPoolWork}: who stands where (trainee, co-trainer, certified, lead)
 * for each package, the dated evidence behind every step, and adding evidence, which moves a trainer on only as
 * the rules allow.
 */
final class PoolRoutes {

    private final Api api;
    private final TrainerPoolWork pool;

    PoolRoutes(Api api, TrainerPoolWork pool) {
        this.api = api;
        this.pool = pool;
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

    private static TrainerView view(TrainerRecord t, Person p, LocalDate day) {
        return new TrainerView(t.person().value(), p.displayName(), p.country().code(), t.curriculum().value(),
                Labels.of(t.status()), t.isActiveOn(day), t.isActive(), t.certifiedUntil().map(LocalDate::toString).orElse(null),
                t.deliveries(), t.taught(), t.lastDelivery().map(LocalDate::toString).orElse(null));
    }

    /** Every trainer record in scope, optionally of one package and as it stood {@code on} a day. */
    private void list(Context ctx) {
        UserAccount user = api.user(ctx);
        Api.value(pool.mayRead(user), ctx);
        Optional<LocalDate> on = Optional.ofNullable(ctx.queryParam("on")).map(d -> Api.date("on", d));
        List<TrainerPoolWork.Trainer> trainers = Api.value(pool.trainers(user, on, Optional.ofNullable(ctx.queryParam("curriculum"))), ctx);
        ctx.json(Api.page(ctx, trainers.stream().map(t -> view(t.record(), t.person(), t.day()))
                .sorted(Comparator.comparing(v -> v.person() + "/" + v.curriculum())).toList(), v -> v.person() + "/" + v.curriculum()));
    }

    /**
     * @param on the business day it happened
     * @param recordedAt when it was recorded (ISO 8601 instant); null for entries recorded before Cadre kept it
     */
    record EntryView(String kind, String on, String status, String evidence, String event, String note, String evidenceNote,
            String recordedAt) {}

    record Progression(TrainerView trainer, List<EntryView> history, int version) {
        static Progression of(TrainerPoolWork.Progression p) {
            TrainerRecord t = p.trainer().value();
            List<EntryView> history = new ArrayList<>();
            for (int i = 0; i < p.history().size(); i++) {
                TrainerRecord.Entry e = p.history().get(i);
                history.add(new EntryView(Labels.of(e.kind()), e.on().toString(), e.status().map(Labels::of).orElse(null),
                        e.evidence().map(x -> Labels.of(x.kind())).orElse(null), e.evidence().flatMap(Evidence::event).map(EventId::value).orElse(null),
                        e.note(), e.evidence().map(Evidence::note).orElse(""), p.recordedAt().get(i).map(Instant::toString).orElse(null)));
            }
            return new Progression(view(t, p.person(), p.today()), history, p.trainer().version());
        }
    }

    private void progression(Context ctx) {
        TrainerPoolWork.Progression p = Api.value(pool.progression(api.user(ctx), ctx.pathParam("person"), ctx.pathParam("curriculum")), ctx);
        Api.etag(ctx, p.trainer().version());
        ctx.json(Progression.of(p));
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
        UserAccount user = api.user(ctx);
        String person = ctx.pathParam("person");
        String curriculum = ctx.pathParam("curriculum");
        Api.value(pool.mayAddEvidence(user, person, curriculum), ctx);
        NewEvidence in = Json.body(ctx, NewEvidence.class);
        Fields f = new Fields();
        Evidence.Kind kind = f.at("kind", () -> Labels.parse(Evidence.Kind.class, in.kind()));
        LocalDate on = in.on() == null ? null : f.at("on", () -> org.cadre.documents.Dates.parse(in.on()));
        Optional<PoolStatus> promoteTo = in.promoteTo() == null ? Optional.empty()
                : Optional.ofNullable(f.at("promoteTo", () -> Labels.parse(PoolStatus.class, in.promoteTo())));
        EventId event = f.require("event", in.event()) == null ? null : f.at("event", () -> EventId.of(in.event()));
        f.check();
        TrainerPoolWork.Progression saved = Api.value(pool.addEvidence(user, person, curriculum,
                new TrainerPoolWork.NewEvidence(kind, Optional.ofNullable(on), event, in.note() == null ? "" : in.note(), promoteTo),
                Api.versions(ctx)), ctx);
        Api.etag(ctx, saved.trainer().version());
        ctx.status(201).json(Progression.of(saved));
    }
}
