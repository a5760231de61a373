package org.cadre.server.app;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.cadre.curriculum.Curriculum;
import org.cadre.curriculum.CurriculumId;
import org.cadre.finding.Finding;
import org.cadre.finding.Result;
import org.cadre.roster.Event;
import org.cadre.roster.EventId;
import org.cadre.roster.Person;
import org.cadre.roster.PersonId;
import org.cadre.roster.pool.Evidence;
import org.cadre.roster.pool.PoolStatus;
import org.cadre.roster.pool.TrainerRecord;
import org.cadre.server.app.Outcome.Refusal;
import org.cadre.server.security.Access;
import org.cadre.server.security.Access.Permission;
import org.cadre.server.security.UserAccount;
import org.cadre.server.values.Versioned;

/**
 * The trainer pool, for every door: who stands where (trainee, co-trainer, certified, lead) for each
 * package, the dated evidence behind every step, and evidence added by hand, which moves a trainer on only as
 * the pool's rules allow. Staff who read the pool see the trainers in their scope; those who certify add
 * evidence for people they may change.
 */
public final class TrainerPoolWork {

    private final Stores stores;
    private final Scope scope;

    TrainerPoolWork(Stores stores, Scope scope) {
        this.stores = stores;
        this.scope = scope;
    }

    /** The user, if their role may read the pool: asked by a door before it reads what the request asks. */
    public Outcome<UserAccount> mayRead(UserAccount user) {
        return Scope.permit(user, Permission.READ_POOL);
    }

    /** A trainer's record for one package, the person it is about, and the day it is judged on (active or not). */
    public record Trainer(TrainerRecord record, Person person, LocalDate day) {}

    /**
     * Every trainer record of the people in the user's scope, optionally of one package and as it stood on a
     * day ({@code on}; today by default).
     */
    public Outcome<List<Trainer>> trainers(UserAccount user, Optional<LocalDate> on, Optional<String> curriculum) {
        return mayRead(user).map(u -> {
            List<TrainerRecord> records = stores.trainers.pool().records().stream()
                    .filter(t -> curriculum.isEmpty() || t.curriculum().value().equals(curriculum.get()))
                    .map(t -> on.isPresent() ? t.asOf(on.get()) : Optional.of(t)).flatMap(Optional::stream).toList();
            Map<PersonId, Versioned<Person>> people = stores.people.byIds(records.stream().map(TrainerRecord::person).toList());
            Predicate<Person> inScope = scope.peopleInScope(user);
            LocalDate day = on.orElseGet(this::today);
            return records.stream().filter(t -> people.containsKey(t.person())).filter(t -> inScope.test(people.get(t.person()).value()))
                    .map(t -> new Trainer(t, people.get(t.person()).value(), day)).toList();
        });
    }

    /**
     * A trainer's whole progression in one package: the record and its version, the person, its history as the
     * user may read it, when each entry was recorded (empty for entries recorded before Cadre kept it), and today.
     *
     * @param history the record's history, entry for entry, except that an entry from a stored event outside the
     *     user's scope names neither the event nor its notes (which name the event): an event out of scope is
     *     answered as a missing one everywhere, so a trainer's history must not give its id away. An event named
     *     but never stored (a ToT before Cadre) is shown: there is no record behind it to protect. Read this, never
     *     the record's own history, to show it.
     */
    public record Progression(Versioned<TrainerRecord> trainer, Person person, List<TrainerRecord.Entry> history,
            List<Optional<Instant>> recordedAt, LocalDate today) {}

    /** A trainer's progression in a package, if the user's scope covers the person. */
    public Outcome<Progression> progression(UserAccount user, String person, String curriculum) {
        return mayRead(user).then(u -> trainer(user, person)).then(p -> Scope.id(curriculum, CurriculumId::of)
                .flatMap(c -> stores.trainers.get(p.id(), c)).map(t -> Outcome.done(progression(user, t, p)))
                .orElseGet(() -> Scope.notFound("trainer")));
    }

    /**
     * The person whose pool record in the package evidence would change, if the user may certify and the scope
     * covers them: asked by a door before it reads the evidence.
     */
    public Outcome<Person> mayAddEvidence(UserAccount user, String person, String curriculum) {
        return Scope.permit(user, Permission.CERTIFY).then(u -> trainer(user, person))
                .then(p -> Scope.id(curriculum, CurriculumId::of).map(c -> Outcome.done(p)).orElseGet(() -> Scope.notFound("package")));
    }

    /**
     * Evidence as staff enter it.
     *
     * @param on the day it happened; by default the event's own day ({@link Evidence#defaultDay})
     * @param event the event it happened at
     * @param promoteTo the status it promotes to, where the kind does not imply it
     */
    public record NewEvidence(Evidence.Kind kind, Optional<LocalDate> on, EventId event, String note, Optional<PoolStatus> promoteTo) {}

    /**
     * Adds evidence to the person's pool record in the package, from the version the user read (none is named
     * for someone not yet in the pool, whom ToT enrolment admits). Refused, in this order: for a person the user
     * may not change (as {@link Directory#changePerson}); for a record on file without the version read, or
     * changed since it; for an event not stored or outside the scope, for evidence from an event it may not come
     * from ({@code pool.evidence-wrong-event}) or dated outside it ({@code pool.evidence-outside-event}), for a
     * package that certifies no trainers, and by the pool's rules.
     */
    public Outcome<Progression> addEvidence(UserAccount user, String person, String curriculum, NewEvidence in, Expected expected) {
        return Checks.retriedForAny(expected, () -> addEvidenceOnce(user, person, curriculum, in, expected));
    }

    private Outcome<Progression> addEvidenceOnce(UserAccount user, String person, String curriculum, NewEvidence in, Expected expected) {
        return mayAddEvidence(user, person, curriculum).then(p -> {
            CurriculumId packageId = CurriculumId.of(curriculum);
            if (!Access.mayChange(user, p, stores.enrolments.placesOf(p.id()), scope.organisationOf(p))) {
                return Outcome.refused(Refusal.FORBIDDEN, "Your role or scope may not change this person's record.");
            }
            // An erased record changes no more, as a person's does not: new evidence would bring a note about them back.
            if (org.cadre.server.store.People.isErased(p)) {
                return Outcome.refused(Refusal.CONFLICT, "This person's record was erased; it is kept only for the counts and takes no more evidence.");
            }
            // A package not stored is not found, as the person is, before any version is judged (the attacker's re-check).
            if (stores.curricula.versions(packageId).isEmpty()) {
                return Scope.notFound("package");
            }
            // Who may change the record is judged first, then the version read (428, 412), then what the evidence names
            // and the pool's rules, as for events and people: a stale or unversioned request is not told its evidence is wrong.
            Optional<Versioned<TrainerRecord>> current = stores.trainers.get(p.id(), packageId);
            // Someone not yet in the pool has no version to name: evidence admitting them names none (or *); a version named
            // for a record that does not exist matches nothing, as HTTP has it (the attacker's review: "99" admitted them).
            Outcome<Integer> from = current.isPresent() ? expected.against(current.get().version())
                    : expected.named() && !expected.anyVersion() ? Outcome.refused(Refusal.STALE, "The person has no record in this package's "
                            + "pool, so no version of one can match; send the first evidence without If-Match.")
                    : Outcome.done(0);
            if (!from.isDone()) {
                return from.refusedAs();
            }
            Optional<Event> event = stores.events.summary(in.event()).map(Versioned::value).filter(e -> Access.covers(user, e));
            if (event.isEmpty()) {
                return Outcome.refused(Refusal.UNPROCESSABLE, "The evidence names an event that is not stored.", List.of("event: no such event"));
            }
            String subject = "pool/" + packageId + "/" + p.id();
            List<Finding> wrong = Evidence.checkSource(in.kind(), event.get(), stores.enrolments.get(in.event(), p.id()).map(Versioned::value),
                    current.map(Versioned::value), subject);
            if (!wrong.isEmpty()) {
                return Outcome.refused(Refusal.UNPROCESSABLE, "The evidence does not fit the event it names.",
                        wrong.stream().map(f -> "event: " + f.message()).toList());
            }
            Evidence evidence = new Evidence(in.kind(), in.on().orElseGet(() -> Evidence.defaultDay(in.kind(), event.get())),
                    Optional.of(in.event()), in.note());
            Optional<Finding> outside = evidence.checkAgainst(event, subject);
            if (outside.isPresent()) {
                return Outcome.refused(Refusal.UNPROCESSABLE, "The evidence is dated outside the event it names.",
                        List.of("on: " + outside.get().message()));
            }
            return certificateValidity(packageId).then(validity -> {
                // Someone not yet in the pool is admitted (on ToT enrolment only); otherwise the evidence stands for its step.
                // A promotion asked of an admission is refused by the pool's rules, not dropped (the attacker's re-check).
                Result<TrainerRecord> next = current.isEmpty() ? TrainerRecord.admit(p.id(), packageId, validity, evidence, in.promoteTo())
                        : current.get().value().apply(evidence, in.promoteTo());
                if (!next.isOk()) {
                    return Outcome.<Versioned<TrainerRecord>>refusedBy("The pool's rules refuse that step.", next.refusal());
                }
                Outcome<Versioned<TrainerRecord>> saved = Checks.saved(() -> stores.trainers.save(next.value(), validity, from.get(), user.username()));
                // Admitted at the same moment by another request, which named no version either: no If-Match was stale here. Under
                // If-Match: * it stays stale, so that it is tried again on the record now there (Checks.retriedForAny).
                return current.isEmpty() && !expected.anyVersion() && saved.refusal().filter(r -> r == Refusal.STALE).isPresent()
                        ? Outcome.refused(Refusal.CONFLICT, "The person was admitted to this package's pool by another change at the same "
                                + "time; read their record and send this evidence again with its ETag.")
                        : saved;
            }).map(saved -> progression(user, saved, p));
        });
    }

    /**
     * How long a certificate in the package's pool runs: the certificate validity of its latest stored version.
     * Refused when no version is stored, and when that version certifies no trainers (it has no pool).
     */
    private Outcome<Period> certificateValidity(CurriculumId id) {
        Optional<Curriculum> latest = stores.curricula.versions(id).stream().max(Comparator.naturalOrder())
                .flatMap(v -> stores.curricula.get(id, v));
        if (latest.isEmpty()) {
            return Scope.notFound("package");
        }
        return latest.get().certification().certificateValidity().map(Outcome::done)
                .orElseGet(() -> Outcome.refused(Refusal.UNPROCESSABLE, "The package certifies no trainers; it has no trainer pool.",
                        List.of("curriculum: its certification criteria give no certificate validity")));
    }

    /** The person, if the user's scope covers them; one outside it is answered as no such trainer. */
    private Outcome<Person> trainer(UserAccount user, String person) {
        return Scope.id(person, PersonId::of).flatMap(id -> scope.person(user, id)).map(v -> Outcome.done(v.value()))
                .orElseGet(() -> Scope.notFound("trainer"));
    }

    private Progression progression(UserAccount user, Versioned<TrainerRecord> t, Person p) {
        List<Long> recorded = stores.trainers.recordedAt(t.value().person(), t.value().curriculum());
        List<Optional<Instant>> at = new ArrayList<>();
        List<TrainerRecord.Entry> history = new ArrayList<>();
        Map<EventId, Boolean> covered = new HashMap<>();
        for (int i = 0; i < t.value().history().size(); i++) {
            at.add(i < recorded.size() ? Optional.ofNullable(recorded.get(i)).map(Instant::ofEpochMilli) : Optional.empty());
            TrainerRecord.Entry e = t.value().history().get(i);
            Optional<EventId> event = e.evidence().flatMap(Evidence::event);
            boolean shown = event.isEmpty() || covered.computeIfAbsent(event.get(),
                    id -> stores.events.summary(id).map(Versioned::value).map(x -> Access.covers(user, x)).orElse(true));
            history.add(shown ? e : new TrainerRecord.Entry(e.kind(), e.on(), e.status(),
                    e.evidence().map(x -> new Evidence(x.kind(), x.on(), Optional.empty(), "")), ""));
        }
        return new Progression(t, p, List.copyOf(history), at, today());
    }

    private LocalDate today() {
        return LocalDate.now(stores.clock);
    }
}
