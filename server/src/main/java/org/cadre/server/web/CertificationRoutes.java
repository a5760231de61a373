package org.cadre.server.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.cadre.roster.Certification;
import org.cadre.roster.EventRoster;
import org.cadre.roster.Person;
import org.cadre.server.app.EventWork;
import org.cadre.server.security.UserAccount;

/** Certification: who meets the package's criteria and why not, and recording the decisions. */
final class CertificationRoutes {

    private final Api api;
    private final EventWork work;

    CertificationRoutes(Api api) {
        this.api = api;
        this.work = api.app.eventWork();
    }

    void register(RoutesConfig r) {
        r.get("/api/v1/events/{id}/certification", this::evaluate);
        r.post("/api/v1/events/{id}/certification", this::certify);
    }

    record DecisionView(String person, String name, boolean certified, List<FindingView> reasons) {}

    private static List<DecisionView> decisions(EventRoster roster, List<Certification.Decision> decisions) {
        return decisions.stream().map(d -> new DecisionView(d.person().value(),
                Optional.ofNullable(roster.people().get(d.person())).map(Person::displayName).orElse(null), d.certified(),
                d.reasons().stream().map(FindingView::of).toList())).toList();
    }

    private void evaluate(Context ctx) {
        EventWork.Evaluated evaluated = Api.value(work.evaluate(api.user(ctx), ctx.pathParam("id")), ctx);
        ctx.json(decisions(evaluated.roster(), evaluated.decisions()));
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
        UserAccount user = api.user(ctx);
        Certify in = ctx.bodyAsBytes().length == 0 ? new Certify(null) : Json.body(ctx, Certify.class);
        Optional<LocalDate> on = in.on() == null ? Optional.empty() : Optional.of(Api.date("on", in.on()));
        EventWork.Certified done = Api.value(work.certify(user, ctx.pathParam("id"), on), ctx);
        List<Certification.Decision> decided = done.decisions();
        int yes = (int) decided.stream().filter(Certification.Decision::certified).count();
        ctx.status(201).json(new Certified(done.event().value(), done.decidedOn().toString(), yes, decided.size() - yes,
                decisions(done.roster(), decided), done.pool().stream().map(FindingView::of).toList()));
    }
}
