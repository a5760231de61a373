package org.cadre.server.app;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.BiPredicate;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.cadre.roster.Organisation;
import org.cadre.roster.OrganisationId;
import org.cadre.roster.Person;
import org.cadre.roster.PersonId;
import org.cadre.roster.Programme;
import org.cadre.roster.ProgrammeId;
import org.cadre.roster.names.DuplicateFinder;
import org.cadre.roster.names.NameSearch;
import org.cadre.server.app.Outcome.Refusal;
import org.cadre.server.security.Access;
import org.cadre.server.security.Access.Permission;
import org.cadre.server.security.UserAccount;
import org.cadre.server.store.People;
import org.cadre.server.values.DuplicateDecision;
import org.cadre.server.values.Versioned;

/**
 * The directory: organisations, programmes and people to list, record, read and change; people found by
 * name in either script, and likely duplicates among them. Staff who read records read it, those who write
 * records change it, within their scope; a record outside the scope is answered exactly as a missing one.
 *
 * <p>A door that reads a body first asks {@link #mayWrite} (to record) or {@link Records#toChange} and
 * {@link #personToChange} (to change), so that a refusal of the role, or a missing record, is answered
 * before anything wrong with the body, as it always was.
 */
public final class Directory {

    private final Stores stores;
    private final Scope scope;
    private final Records<Organisation, OrganisationId> organisations;
    private final Records<Programme, ProgrammeId> programmes;

    /** The gate of costly requests, which the duplicate search goes through. */
    private final ReportGate gate;

    Directory(Stores stores, Scope scope, ReportGate gate) {
        this.stores = stores;
        this.scope = scope;
        this.gate = gate;
        this.organisations = new Records<>("organisation", OrganisationId::of, Organisation::id, stores.organisations::get,
                stores.organisations::all, stores.organisations::add, stores.organisations::update, scope::covers,
                Directory::sharedOrganisation);
        this.programmes = new Records<>("programme", ProgrammeId::of, Programme::id, stores.programmes::get,
                stores.programmes::all, stores.programmes::add, stores.programmes::update, Access::covers,
                Directory::programmeCountries);
    }

    /** Organisations: national authorities and academies by country; international ones and donors shared by all. */
    public Records<Organisation, OrganisationId> organisations() {
        return organisations;
    }

    /** Programmes: their countries decide who sees them and their reports. */
    public Records<Programme, ProgrammeId> programmes() {
        return programmes;
    }

    /** The user, if their role may record and change organisations, programmes and people. */
    public Outcome<UserAccount> mayWrite(UserAccount user) {
        return Scope.permit(user, Permission.WRITE_RECORDS);
    }

    // The rules on who may record or change a record, beyond the scope

    /**
     * International organisations and donors are shared by every programme: only an administrator records or
     * changes one (a scoped coordinator could otherwise rename the donor of every report).
     */
    static Outcome<Boolean> sharedOrganisation(UserAccount user, Optional<Organisation> before, Organisation after) {
        return Checks.require(Access.mayChangeShared(user) || !Access.isShared(after) && before.filter(Access::isShared).isEmpty(),
                Refusal.FORBIDDEN, "Only an administrator records or changes an international organisation or a donor: "
                        + "they are shared by every programme.");
    }

    /** Why a coordinator of some of a programme's countries may not change it. */
    static final String SHARED_PROGRAMME = "The programme spans countries outside your scope: only an administrator, someone "
            + "scoped by the programme, or someone scoped by all its countries changes it, since its title, donor and framework are "
            + "read in every country's reports.";

    /**
     * A programme's countries decide who sees it and its reports: only an administrator changes them, and a
     * coordinator records a programme only within the countries of their own scope, and changes one only when its
     * countries are all within that scope (or the programme is).
     */
    static Outcome<Boolean> programmeCountries(UserAccount user, Optional<Programme> before, Programme after) {
        if (Access.mayChangeShared(user)) {
            return Outcome.done(Boolean.TRUE);
        }
        if (before.isPresent()) {
            return Checks.require(before.get().countries().equals(after.countries()), Refusal.FORBIDDEN,
                    "Only an administrator changes a programme's countries: they decide who sees the programme.")
                    .then(same -> Checks.require(Access.mayChange(user, before.get()), Refusal.FORBIDDEN, SHARED_PROGRAMME));
        }
        return Checks.require(user.countries().containsAll(after.countries()), Refusal.FORBIDDEN,
                "A programme's countries must be within your scope; ask an administrator to record one that spans other countries.");
    }

    /** A rule on who may record ({@code before} empty) or change a record, beyond the scope. */
    interface ChangeRule<T> {
        Outcome<Boolean> check(UserAccount user, Optional<T> before, T after);
    }

    /** How a stored record changes: the record, the version the user read, who changes it. */
    interface Update<T> {
        Versioned<T> apply(T changed, int expectedVersion, String actor);
    }

    /**
     * A kind of directory record (organisations, programmes) to list, record, read and change: the same four
     * actions over the record's store, its scope and its rule on who may record or change one.
     */
    public static final class Records<T, K> {

        private final String what;
        private final Function<String, K> parseId;
        private final Function<T, K> idOf;
        private final Function<K, Optional<Versioned<T>>> get;
        private final Supplier<List<Versioned<T>>> all;
        private final BiFunction<T, String, Versioned<T>> add;
        private final Update<T> update;
        private final BiPredicate<UserAccount, T> covers;
        private final ChangeRule<T> rule;

        Records(String what, Function<String, K> parseId, Function<T, K> idOf, Function<K, Optional<Versioned<T>>> get,
                Supplier<List<Versioned<T>>> all, BiFunction<T, String, Versioned<T>> add, Update<T> update,
                BiPredicate<UserAccount, T> covers, ChangeRule<T> rule) {
            this.what = what;
            this.parseId = parseId;
            this.idOf = idOf;
            this.get = get;
            this.all = all;
            this.add = add;
            this.update = update;
            this.covers = covers;
            this.rule = rule;
        }

        /** Every record in the user's scope, as stored. */
        public Outcome<List<T>> list(UserAccount user) {
            return Scope.permit(user, Permission.READ_RECORDS)
                    .map(u -> all.get().stream().map(Versioned::value).filter(t -> covers.test(user, t)).toList());
        }

        /** Records a new one, within the user's scope and its rule; refused when one with its id exists. */
        public Outcome<Versioned<T>> create(UserAccount user, T record) {
            return Scope.permit(user, Permission.WRITE_RECORDS)
                    .then(u -> Checks.inScope(covers.test(user, record), what))
                    .then(ok -> rule.check(user, Optional.empty(), record))
                    .then(ok -> Checks.absent(get.apply(idOf.apply(record)).isPresent(), what))
                    .then(ok -> Checks.created(() -> add.apply(record, user.username()), what));
        }

        /** The record and its version, if the user's scope covers it. */
        public Outcome<Versioned<T>> read(UserAccount user, String id) {
            return Scope.permit(user, Permission.READ_RECORDS).then(u -> stored(user, id));
        }

        /** The record as it stands before a change, if the user may change records and the scope covers it. */
        public Outcome<Versioned<T>> toChange(UserAccount user, String id) {
            return Scope.permit(user, Permission.WRITE_RECORDS).then(u -> stored(user, id));
        }

        /**
         * Replaces the record with {@code changed} (the same id), from the version the user read; the changed
         * record stays in the scope and its rule.
         */
        public Outcome<Versioned<T>> change(UserAccount user, String id, T changed, Expected expected) {
            return Checks.retriedForAny(expected, () -> changeOnce(user, id, changed, expected));
        }

        private Outcome<Versioned<T>> changeOnce(UserAccount user, String id, T changed, Expected expected) {
            return toChange(user, id).then(current -> Checks.sameId(String.valueOf(idOf.apply(current.value())),
                            String.valueOf(idOf.apply(changed)))
                    .then(ok -> Checks.inScope(covers.test(user, changed), what))
                    .then(ok -> rule.check(user, Optional.of(current.value()), changed))
                    .then(ok -> expected.against(current.version()))
                    // A record sent as it is stored is not written again: its version stays.
                    .then(from -> changed.equals(current.value()) ? Outcome.done(current)
                            : Checks.saved(() -> update.apply(changed, from, user.username()))));
        }

        private Outcome<Versioned<T>> stored(UserAccount user, String id) {
            return Scope.id(id, parseId).flatMap(get).filter(t -> covers.test(user, t.value())).map(Outcome::done)
                    .orElseGet(() -> Scope.notFound(what));
        }
    }

    // People

    /** The people in the user's scope whose names match the query in either script (everyone for none). */
    public Outcome<List<Person>> people(UserAccount user, Optional<String> query) {
        return Scope.permit(user, Permission.READ_RECORDS).map(u -> {
            Predicate<Person> matches = query.filter(q -> !q.isBlank()).map(NameSearch::of).orElse(p -> true);
            Predicate<Person> inScope = scope.peopleInScope(user);
            return stores.people.all().stream().map(Versioned::value).filter(inScope).filter(matches).toList();
        });
    }

    /**
     * Records a person of a country in the user's scope, whose organisation (if named) is recorded and in the
     * scope; refused when one with the id exists.
     */
    public Outcome<Versioned<Person>> recordPerson(UserAccount user, Person person) {
        return Scope.permit(user, Permission.WRITE_RECORDS)
                .then(u -> Checks.inScope(Access.coversByCountry(user, person), "person"))
                .then(ok -> organisationRecorded(user, person))
                .then(ok -> Checks.absent(stores.people.get(person.id()).isPresent(), "person"))
                .then(ok -> Checks.created(() -> stores.people.add(person, user.username()), "person"));
    }

    /** The person and their version, if the user's scope covers them. */
    public Outcome<Versioned<Person>> person(UserAccount user, String id) {
        return Scope.permit(user, Permission.READ_RECORDS).then(u -> storedPerson(user, id));
    }

    /** The person as they stand before a change, if the user may change records and the scope covers them. */
    public Outcome<Versioned<Person>> personToChange(UserAccount user, String id) {
        return Scope.permit(user, Permission.WRITE_RECORDS).then(u -> storedPerson(user, id));
    }

    /**
     * Replaces the person's record with {@code changed} (the same id), from the version the user read: refused
     * for an erased record, for a person the user may not change (their country's or programme's coordinators
     * may; international staff are an administrator's), for a move to a country outside the scope, and for an
     * organisation not recorded.
     */
    public Outcome<Versioned<Person>> changePerson(UserAccount user, String id, Person changed, Expected expected) {
        return Checks.retriedForAny(expected, () -> changePersonOnce(user, id, changed, expected));
    }

    private Outcome<Versioned<Person>> changePersonOnce(UserAccount user, String id, Person changed, Expected expected) {
        return personToChange(user, id).then(current -> {
            Person before = current.value();
            var enrolledAt = stores.enrolments.placesOf(before.id());
            return Checks.sameId(before.id().value(), changed.id().value())
                    .then(ok -> Checks.require(!People.isErased(before), Refusal.CONFLICT,
                            "This person's record was erased; it is kept only for the counts and can no longer be changed."))
                    .then(ok -> Checks.inScope(Access.mayChange(user, before, enrolledAt, scope.organisationOf(before)), "person"))
                    .then(ok -> Checks.inScope(before.country().equals(changed.country())
                            || Access.mayMoveTo(user, changed.country(), enrolledAt, scope::countriesOf), "person"))
                    .then(ok -> expected.against(current.version()))
                    .then(from -> organisationRecorded(user, changed)
                            .then(ok -> changed.equals(before) ? Outcome.done(current)
                                    : Checks.saved(() -> stores.people.update(changed, from, user.username()))));
        });
    }


    /** The person's organisation, if named, is recorded and in the user's scope (one outside it reads as missing). */
    private Outcome<Boolean> organisationRecorded(UserAccount user, Person p) {
        boolean missing = p.organisation().isPresent()
                && stores.organisations.get(p.organisation().get()).filter(o -> scope.covers(user, o.value())).isEmpty();
        return Checks.require(!missing, Refusal.UNPROCESSABLE, "The person's organisation is not recorded.",
                List.of("organisation: no such organisation"));
    }

    private Outcome<Versioned<Person>> storedPerson(UserAccount user, String id) {
        return Scope.id(id, PersonId::of).flatMap(p -> scope.person(user, p)).map(Outcome::done)
                .orElseGet(() -> Scope.notFound("person"));
    }

    /** Two people who are likely the same, and how alike they are (1 is identical). */
    public record Duplicate(Person first, Person second, double score) {}

    /** The most pairs the duplicate list holds: the most likely first, so memory stays bounded on any roster. */
    public static final int MAX_DUPLICATES = 10_000;

    /**
     * Likely duplicates among the people in the user's scope, the {@value #MAX_DUPLICATES} most likely;
     * never merged automatically.
     */
    public Outcome<List<Duplicate>> duplicates(UserAccount user) {
        // Through the gate of costly requests: each user's one after another, a few at once in all (ReportGate).
        return Scope.permit(user, Permission.READ_RECORDS).then(u -> gate.run(user.username(), () -> {
            Map<PersonId, Person> inScope = new LinkedHashMap<>();
            Predicate<Person> covered = scope.peopleInScope(user);
            stores.people.all().stream().map(Versioned::value).filter(covered).forEach(p -> inScope.put(p.id(), p));
            return Outcome.done(DuplicateFinder.top(inScope.values(), MAX_DUPLICATES).candidates().stream()
                    .map(c -> new Duplicate(inScope.get(c.first()), inScope.get(c.second()), c.score())).toList());
        }));
    }

    /** A person's record as their page shows it: the record and its version, and their organisation if the scope shows it. */
    public record PersonCard(Versioned<Person> person, Optional<Organisation> organisation) {}

    /** The person, if the user's scope covers them, with their organisation. */
    public Outcome<PersonCard> personCard(UserAccount user, String id) {
        return person(user, id).map(p -> new PersonCard(p, scope.organisationOf(p.value()).filter(o -> scope.covers(user, o))));
    }

    /** A pair decided about, with both records and how alike they are. */
    public record Decided(Duplicate pair, DuplicateDecision decision) {}

    /**
     * The likely duplicates among the people in the user's scope, those not yet decided about apart from
     * those decided (with the decision), each pair with both records.
     */
    public record DuplicateReview(List<Duplicate> open, List<Decided> decided) {}

    /**
     * Likely duplicates in the user's scope, undecided and decided: a pair is decided when both people are in
     * the scope and a decision about it is recorded (it stays listed as decided even when the names no longer look
     * alike).
     */
    public Outcome<DuplicateReview> reviewDuplicates(UserAccount user) {
        return duplicates(user).map(candidates -> {
            Map<PersonId, Person> inScope = new LinkedHashMap<>();
            Predicate<Person> covered = scope.peopleInScope(user);
            stores.people.all().stream().map(Versioned::value).filter(covered).forEach(p -> inScope.put(p.id(), p));
            Map<String, DuplicateDecision> decisions = new LinkedHashMap<>();
            for (DuplicateDecision d : stores.duplicateDecisions.all()) {
                if (inScope.containsKey(d.first()) && inScope.containsKey(d.second())) {
                    decisions.put(pairKey(d.first(), d.second()), d);
                }
            }
            List<Duplicate> open = candidates.stream().filter(c -> !decisions.containsKey(pairKey(c.first().id(), c.second().id()))).toList();
            List<Decided> decided = decisions.values().stream().map(d -> {
                Person a = inScope.get(d.first());
                Person b = inScope.get(d.second());
                return new Decided(new Duplicate(a, b, DuplicateFinder.score(a, b)), d);
            }).toList();
            return new DuplicateReview(open, decided);
        });
    }

    /**
     * Records what the user decided about two people who look alike (in either order): the same person or
     * different people. Nothing is merged; deciding again replaces the decision. Refused unless the user may
     * write records and the scope covers both people (one outside it is answered as a missing one), and for a
     * person paired with themselves or a decision that is neither.
     */
    public Outcome<DuplicateDecision> decideDuplicate(UserAccount user, String first, String second, DuplicateDecision.Verdict verdict) {
        return Scope.permit(user, Permission.WRITE_RECORDS)
                .then(u -> storedPerson(user, first))
                .then(a -> storedPerson(user, second)
                        .then(b -> Checks.require(!a.value().id().equals(b.value().id()), Refusal.INVALID,
                                "A person cannot be a duplicate of themselves.", List.of("second: must be another person"))
                                .then(ok -> Checks.require(verdict != null, Refusal.INVALID, "Say whether they are the same person.",
                                        List.of("verdict: must be same or different")))
                                .map(ok -> stores.duplicateDecisions.decide(a.value().id(), b.value().id(), verdict, user.username()))));
    }

    /** A pair's key whichever order it is named in. */
    private static String pairKey(PersonId a, PersonId b) {
        return a.value().compareTo(b.value()) <= 0 ? a.value() + "\n" + b.value() : b.value() + "\n" + a.value();
    }
}
