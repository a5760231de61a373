package org.cadre.server.app;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.cadre.curriculum.CourseFrame;
import org.cadre.curriculum.Curriculum;
import org.cadre.curriculum.CurriculumCheck;
import org.cadre.curriculum.CurriculumDiff;
import org.cadre.curriculum.CurriculumId;
import org.cadre.curriculum.SemanticVersion;
import org.cadre.finding.Findings;
import org.cadre.server.app.Outcome.Refusal;
import org.cadre.server.security.Access.Permission;
import org.cadre.server.security.UserAccount;
import org.cadre.server.store.AlreadyStoredException;

/**
 * The library of Training Support Packages: list the versions stored, store a new version, read one, check
 * one (optionally within a course frame) and compare two. A package version is stored only when its checks
 * find no error, within the course frame asked about and against its stored previous version; a stored
 * version never changes.
 */
public final class CurriculumLibrary {

    private final Stores stores;

    CurriculumLibrary(Stores stores) {
        this.stores = stores;
    }

    /** A stored package version, as the catalogue lists it. */
    public record Listed(CurriculumId id, SemanticVersion version, String title) {}

    /** Every stored package version. */
    public Outcome<List<Listed>> list(UserAccount user) {
        return Scope.permit(user, Permission.READ_CURRICULA).map(u -> stores.curricula.catalogue().stream()
                .map(l -> new Listed(l.id(), l.version(), l.title())).toList());
    }

    /** The user, if their role may store package versions: asked by a door before it reads the package. */
    public Outcome<UserAccount> mayStore(UserAccount user) {
        return Scope.permit(user, Permission.WRITE_CURRICULA);
    }

    /** A version stored, with what its checks found (warnings and notes; never an error). */
    public record Stored(Curriculum curriculum, Findings findings) {}

    /**
     * Stores a new package version when its checks find no error (refused with every finding otherwise);
     * refused when that version is stored already.
     *
     * @param frame the course it must fit, if one is asked about
     */
    public Outcome<Stored> store(UserAccount user, Curriculum curriculum, Optional<CourseFrame> frame) {
        return mayStore(user).then(u -> {
            Findings findings = checks(curriculum, frame);
            if (findings.hasErrors()) {
                return Outcome.refusedBy("The package version has errors; nothing was stored.", findings);
            }
            try {
                stores.curricula.add(curriculum, user.username());
            } catch (AlreadyStoredException e) {
                return Outcome.refused(Refusal.CONFLICT,
                        "That package version is stored already; a stored version never changes, store a new version.");
            }
            return Outcome.done(new Stored(curriculum, findings));
        });
    }

    /** A stored package version. */
    public Outcome<Curriculum> version(UserAccount user, String id, String version) {
        return Scope.permit(user, Permission.READ_CURRICULA).then(u -> stored(Scope.id(id, CurriculumId::of),
                Scope.id(version, SemanticVersion::parse)));
    }

    /** A stored version as its page shows it: the package, what its checks find, and every version of it stored. */
    public record Examined(Curriculum curriculum, Findings findings, List<SemanticVersion> versions) {}

    /** A stored package version with what its checks find now (against its stored previous version) and its siblings. */
    public Outcome<Examined> examine(UserAccount user, String id, String version) {
        return version(user, id, version).map(c -> new Examined(c, checks(c, Optional.empty()),
                stores.curricula.versions(c.id()).stream().sorted().toList()));
    }

    /**
     * What the checks find in a package version: every rule, within the course frame if one is given, and the
     * version policy against its stored previous version if it names one that is stored.
     */
    public Outcome<Findings> check(UserAccount user, Curriculum curriculum, Optional<CourseFrame> frame) {
        return Scope.permit(user, Permission.READ_CURRICULA).map(u -> checks(curriculum, frame));
    }

    /** Two versions of a package and what changed from the first to the second. */
    public record Compared(Curriculum from, Curriculum to, CurriculumDiff diff) {}

    /** Compares two stored versions of a package, named as {@code 1.0.0}; both must be named. */
    public Outcome<Compared> diff(UserAccount user, String id, Optional<String> from, Optional<String> to) {
        return Scope.permit(user, Permission.READ_CURRICULA).then(u -> {
            Optional<SemanticVersion> a = from.flatMap(v -> Scope.id(v, SemanticVersion::parse));
            Optional<SemanticVersion> b = to.flatMap(v -> Scope.id(v, SemanticVersion::parse));
            List<String> errors = new ArrayList<>();
            if (a.isEmpty()) {
                errors.add("from: must be a version such as 1.0.0");
            }
            if (b.isEmpty()) {
                errors.add("to: must be a version such as 1.1.0");
            }
            if (!errors.isEmpty()) {
                return Outcome.refused(Refusal.INVALID, "Name the two versions to compare.", errors);
            }
            Optional<CurriculumId> packageId = Scope.id(id, CurriculumId::of);
            return stored(packageId, a).then(first -> stored(packageId, b)
                    .map(second -> new Compared(first, second, CurriculumDiff.between(first, second))));
        });
    }

    private Findings checks(Curriculum curriculum, Optional<CourseFrame> frame) {
        CurriculumCheck check = CurriculumCheck.of(curriculum);
        if (frame.isPresent()) {
            check = check.within(frame.get());
        }
        Optional<Curriculum> previous = curriculum.revision().flatMap(r -> stores.curricula.get(curriculum.id(), r.previous()));
        return (previous.isPresent() ? check.revising(previous.get()) : check).run();
    }

    private Outcome<Curriculum> stored(Optional<CurriculumId> id, Optional<SemanticVersion> version) {
        return id.flatMap(i -> version.flatMap(v -> stores.curricula.get(i, v))).map(Outcome::done)
                .orElseGet(() -> Scope.notFound("package version"));
    }
}
