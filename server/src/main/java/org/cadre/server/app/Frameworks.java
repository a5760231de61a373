package org.cadre.server.app;

import java.util.Optional;
import org.cadre.reporting.ResultsFramework;
import org.cadre.roster.Programme;
import org.cadre.roster.ProgrammeId;
import org.cadre.server.app.Outcome.Refusal;
import org.cadre.documents.FrameworkDoc;
import org.cadre.documents.Fields;
import org.cadre.server.security.Access;
import org.cadre.server.security.Access.Permission;
import org.cadre.server.store.Programmes;
import org.cadre.server.store.ResultsFrameworks;
import org.cadre.server.store.StaleVersionException;
import org.cadre.server.security.UserAccount;
import org.cadre.server.values.Versioned;

/**
 * Reading and replacing a programme's results framework (indicators, targets per period, custom
 * indicators' entered actuals) as one document, for the API and the command line alike. Staff who read
 * records read it; those who write records replace it, for a programme in their scope. A programme outside
 * the scope is answered exactly as a missing one. A programme without a framework has the empty one, at
 * version 0.
 */
public final class Frameworks {

    private final Programmes programmes;
    private final ResultsFrameworks frameworks;

    public Frameworks(Programmes programmes, ResultsFrameworks frameworks) {
        this.programmes = programmes;
        this.frameworks = frameworks;
    }

    /** Whether the user's role may replace frameworks at all (their scope is asked when they name a programme). */
    public Outcome<Boolean> mayReplace(UserAccount actor) {
        return Scope.permit(actor, Permission.WRITE_RECORDS).map(u -> true);
    }

    /** The programme's framework and its version. */
    public Outcome<Versioned<ResultsFramework>> read(UserAccount actor, String programmeId) {
        if (!Access.may(actor, Permission.READ_RECORDS)) {
            return Outcome.refused(Refusal.FORBIDDEN, "The " + actor.role().label() + " role may not do this.");
        }
        return programme(actor, programmeId).map(p -> Outcome.done(frameworks.get(p.id())))
                .orElseGet(Frameworks::noSuchProgramme);
    }

    /**
     * Replaces the programme's whole framework with the document's, from the version the user read
     * ({@code expected}: required; {@link UserAdministration#ANY_VERSION} accepts whatever is current). A
     * document that describes no framework is refused with every invalid field named by its path.
     */
    public Outcome<Versioned<ResultsFramework>> replace(UserAccount actor, String programmeId, Optional<Integer> expected,
            FrameworkDoc document) {
        if (!Access.may(actor, Permission.WRITE_RECORDS)) {
            return Outcome.refused(Refusal.FORBIDDEN, "The " + actor.role().label() + " role may not do this.");
        }
        Optional<Programme> programme = programme(actor, programmeId);
        if (programme.isEmpty()) {
            return noSuchProgramme();
        }
        if (!Access.mayChange(actor, programme.get())) {
            return Outcome.refused(Refusal.FORBIDDEN, Directory.SHARED_PROGRAMME);
        }
        ResultsFramework framework;
        try {
            framework = document.toDomain();
        } catch (Fields.InvalidFields e) {
            return Outcome.refused(Refusal.UNPROCESSABLE, "The results framework is not valid as sent; nothing was changed.", e.errors());
        }
        if (expected.isEmpty()) {
            return Outcome.refused(Refusal.VERSION_REQUIRED, "Send If-Match with the ETag of the framework as you read it.");
        }
        ProgrammeId id = programme.get().id();
        boolean any = expected.get() == UserAdministration.ANY_VERSION;
        return Checks.retriedForAny(any ? Expected.any() : Expected.oneOf(java.util.Set.of(expected.get())), () -> {
            int current = frameworks.get(id).version();
            int from = any ? current : expected.get();
            if (from != current) {
                return Outcome.refused(Refusal.STALE, "The framework has changed since the version you read.");
            }
            try {
                return Outcome.done(frameworks.put(id, framework, from, actor.username()));
            } catch (StaleVersionException e) {
                return Outcome.refused(Refusal.STALE, "The framework has changed since the version you read.");
            }
        });
    }

    /** The programme if it exists and the user's scope covers it. */
    private Optional<Programme> programme(UserAccount actor, String programmeId) {
        Optional<ProgrammeId> id;
        try {
            id = Optional.of(ProgrammeId.of(programmeId));
        } catch (IllegalArgumentException e) {
            id = Optional.empty();
        }
        return id.flatMap(programmes::get).map(Versioned::value).filter(p -> Access.covers(actor, p));
    }

    private static <T> Outcome<T> noSuchProgramme() {
        return Outcome.refused(Refusal.NOT_FOUND, "There is no such programme that you can see.");
    }
}
