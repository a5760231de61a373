package org.cadre.server.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.BiPredicate;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.Predicate;
import org.cadre.roster.Organisation;
import org.cadre.roster.OrganisationId;
import org.cadre.roster.Person;
import org.cadre.roster.PersonId;
import org.cadre.roster.Programme;
import org.cadre.roster.ProgrammeId;
import org.cadre.roster.names.DuplicateFinder;
import org.cadre.roster.names.NameSearch;
import org.cadre.documents.RosterDocs.OrganisationDoc;
import org.cadre.documents.RosterDocs.PersonDoc;
import org.cadre.documents.RosterDocs.ProgrammeDoc;
import org.cadre.server.security.Access;
import org.cadre.server.security.Access.Permission;
import org.cadre.server.store.AlreadyStoredException;
import org.cadre.server.security.UserAccount;
import org.cadre.server.store.Versioned;

/**
 * Organisations, people and programmes: create, list (in scope), read and change. A record outside the
 * user's scope is answered exactly as a missing one, with 404.
 */
final class DirectoryRoutes {

    private final Api api;

    DirectoryRoutes(Api api) {
        this.api = api;
    }

    void register(RoutesConfig r) {
        organisations().register(r, api);
        r.get("/api/v1/people", this::searchPeople);
        r.post("/api/v1/people", this::createPerson);
        r.get("/api/v1/people/duplicates", this::duplicates);
        r.get("/api/v1/people/{id}", this::getPerson);
        r.put("/api/v1/people/{id}", this::updatePerson);
        programmes().register(r, api);
    }

    // Organisations and programmes: the same four requests over different records

    private Records<Organisation, OrganisationId, OrganisationDoc> organisations() {
        return new Records<>("organisation", "/api/v1/organisations", OrganisationId::of, Organisation::id,
                api.organisations::get, api.organisations::all, api.organisations::add, api.organisations::update,
                api::covers, DirectoryRoutes::sharedOrganisation, OrganisationDoc.class, OrganisationDoc::of, OrganisationDoc::toDomain,
                OrganisationDoc::id);
    }

    private Records<Programme, ProgrammeId, ProgrammeDoc> programmes() {
        return new Records<>("programme", "/api/v1/programmes", ProgrammeId::of, Programme::id,
                api.programmes::get, api.programmes::all, api.programmes::add, api.programmes::update,
                Access::covers, DirectoryRoutes::programmeCountries, ProgrammeDoc.class, ProgrammeDoc::of, ProgrammeDoc::toDomain,
                ProgrammeDoc::id);
    }

    /**
     * International organisations and donors are shared by every programme: only an administrator creates
     * or changes one (a scoped coordinator could otherwise rename the donor of every report).
     */
    private static void sharedOrganisation(UserAccount user, Optional<Organisation> before, Organisation after) {
        if (!Access.mayChangeShared(user) && (Access.isShared(after) || before.filter(Access::isShared).isPresent())) {
            throw ApiProblem.forbidden("Only an administrator records or changes an international organisation or a donor: "
                    + "they are shared by every programme.");
        }
    }

    /**
     * A programme's countries decide who sees it and its reports: only an administrator changes them, and
     * a coordinator creates a programme only within the countries of their own scope.
     */
    private static void programmeCountries(UserAccount user, Optional<Programme> before, Programme after) {
        if (Access.mayChangeShared(user)) {
            return;
        }
        if (before.isPresent() && !before.get().countries().equals(after.countries())) {
            throw ApiProblem.forbidden("Only an administrator changes a programme's countries: they decide who sees the programme.");
        }
        if (before.isEmpty() && !user.countries().containsAll(after.countries())) {
            throw ApiProblem.forbidden("A programme's countries must be within your scope; ask an administrator to record one "
                    + "that spans other countries.");
        }
    }

    /** A rule on who may create ({@code before} empty) or change a record, beyond the scope: throws to refuse. */
    interface ChangeRule<T> {
        void check(UserAccount user, Optional<T> before, T after);
    }

    /** How a stored record changes: the record, the version the client read, who changes it. */
    interface Update<T> {
        Versioned<T> apply(T changed, int expectedVersion, String actor);
    }

    /**
     * A kind of directory record served as list, create, read and change: the store's operations on it,
     * the scope rule, and its JSON document.
     */
    private record Records<T, K, D>(String what, String path, Function<String, K> parseId, Function<T, K> idOf,
            Function<K, Optional<Versioned<T>>> get, Supplier<List<Versioned<T>>> all, BiFunction<T, String, Versioned<T>> add,
            Update<T> update, BiPredicate<UserAccount, T> covers, ChangeRule<T> rule, Class<D> doc, Function<T, D> toDoc,
            Function<D, T> toDomain, Function<D, String> docId) {

        void register(RoutesConfig r, Api api) {
            r.get(path, ctx -> list(ctx, api));
            r.post(path, ctx -> create(ctx, api));
            r.get(path + "/{id}", ctx -> read(ctx, api));
            r.put(path + "/{id}", ctx -> change(ctx, api));
        }

        private void list(Context ctx, Api api) {
            UserAccount user = api.allow(ctx, Permission.READ_RECORDS);
            ctx.json(Api.page(ctx, all.get().stream().map(Versioned::value).filter(t -> covers.test(user, t))
                    .map(toDoc).toList(), docId));
        }

        private void create(Context ctx, Api api) {
            UserAccount user = api.allow(ctx, Permission.WRITE_RECORDS);
            T record = toDomain.apply(Json.body(ctx, doc));
            inScope(user, covers.test(user, record), what);
            rule.check(user, Optional.empty(), record);
            absent(get.apply(idOf.apply(record)).isPresent(), what);
            Versioned<T> stored = created(() -> add.apply(record, user.username()), what);
            answerCreated(ctx, path + "/" + idOf.apply(record), stored.version(), toDoc.apply(record));
        }

        /** The record at the address if the user's scope covers it; 404 for a missing one and one outside alike. */
        private Versioned<T> stored(Context ctx, UserAccount user) {
            return Api.id(ctx.pathParam("id"), parseId).flatMap(get).filter(t -> covers.test(user, t.value()))
                    .orElseThrow(() -> ApiProblem.notFound(what));
        }

        private void read(Context ctx, Api api) {
            Versioned<T> t = stored(ctx, api.allow(ctx, Permission.READ_RECORDS));
            Api.etag(ctx, t.version());
            ctx.json(toDoc.apply(t.value()));
        }

        private void change(Context ctx, Api api) {
            UserAccount user = api.allow(ctx, Permission.WRITE_RECORDS);
            Versioned<T> current = stored(ctx, user);
            T changed = toDomain.apply(Json.body(ctx, doc));
            sameId(String.valueOf(idOf.apply(current.value())), String.valueOf(idOf.apply(changed)));
            inScope(user, covers.test(user, changed), what);
            rule.check(user, Optional.of(current.value()), changed);
            Versioned<T> saved = update.apply(changed, Api.expected(ctx, current.version()), user.username());
            Api.etag(ctx, saved.version());
            ctx.json(toDoc.apply(saved.value()));
        }
    }

    // People

    /** A person found by a search: the record and the version to name when changing it. */
    private void searchPeople(Context ctx) {
        UserAccount user = api.allow(ctx, Permission.READ_RECORDS);
        String q = ctx.queryParam("q");
        Predicate<Person> matches = q == null || q.isBlank() ? p -> true : NameSearch.of(q);
        Predicate<Person> inScope = api.peopleInScope(user);
        ctx.json(Api.page(ctx, api.people.all().stream().map(Versioned::value).filter(inScope)
                .filter(matches).map(PersonDoc::of).toList(), PersonDoc::id));
    }

    private void createPerson(Context ctx) {
        UserAccount user = api.allow(ctx, Permission.WRITE_RECORDS);
        Person p = Json.body(ctx, PersonDoc.class).toDomain();
        inScope(user, Access.coversByCountry(user, p), "person");
        organisationExists(user, p);
        absent(api.people.get(p.id()).isPresent(), "person");
        Versioned<Person> stored = created(() -> api.people.add(p, user.username()), "person");
        answerCreated(ctx, "/api/v1/people/" + p.id(), stored.version(), PersonDoc.of(p));
    }

    /** The person's organisation is recorded and in the user's scope (one outside it is answered as a missing one). */
    private void organisationExists(UserAccount user, Person p) {
        if (p.organisation().isPresent() && api.organisations.get(p.organisation().get()).filter(o -> api.covers(user, o.value())).isEmpty()) {
            throw ApiProblem.unprocessable("The person's organisation is not recorded.", List.of("organisation: no such organisation"));
        }
    }

    private Versioned<Person> person(Context ctx, UserAccount user) {
        return Api.id(ctx.pathParam("id"), PersonId::of).flatMap(api.people::get)
                .filter(p -> api.covers(user, p.value())).orElseThrow(() -> ApiProblem.notFound("person"));
    }

    private void getPerson(Context ctx) {
        UserAccount user = api.allow(ctx, Permission.READ_RECORDS);
        Versioned<Person> p = person(ctx, user);
        Api.etag(ctx, p.version());
        ctx.json(PersonDoc.of(p.value()));
    }

    private void updatePerson(Context ctx) {
        UserAccount user = api.allow(ctx, Permission.WRITE_RECORDS);
        Versioned<Person> current = person(ctx, user);
        Person changed = Json.body(ctx, PersonDoc.class).toDomain();
        sameId(current.value().id().value(), changed.id().value());
        if (current.value().latinName().filter(org.cadre.server.store.People.ERASED_NAME::equals).isPresent()
                && current.value().nativeName().isEmpty()) {
            throw ApiProblem.conflict("This person's record was erased; it is kept only for the counts and can no longer be changed.");
        }
        var enrolledAt = api.enrolments.placesOf(changed.id());
        inScope(user, Access.mayChange(user, current.value(), enrolledAt, api.organisationOf(current.value())), "person");
        inScope(user, current.value().country().equals(changed.country())
                || Access.mayMoveTo(user, changed.country(), enrolledAt, api::countriesOf), "person");
        organisationExists(user, changed);
        Versioned<Person> saved = api.people.update(changed, Api.expected(ctx, current.version()), user.username());
        Api.etag(ctx, saved.version());
        ctx.json(PersonDoc.of(saved.value()));
    }

    record Named(String id, String name, String country) {}

    record Candidate(Named first, Named second, double score) {}

    /** Likely duplicates among the people in scope, most alike first; never merged automatically. */
    private void duplicates(Context ctx) {
        UserAccount user = api.allow(ctx, Permission.READ_RECORDS);
        java.util.Map<PersonId, Person> inScope = new java.util.LinkedHashMap<>();
        Predicate<Person> covered = api.peopleInScope(user);
        api.people.all().stream().map(Versioned::value).filter(covered).forEach(p -> inScope.put(p.id(), p));
        Function<PersonId, Named> named = id -> new Named(id.value(), inScope.get(id).displayName(), inScope.get(id).country().code());
        List<Candidate> candidates = DuplicateFinder.candidates(inScope.values()).stream()
                .map(c -> new Candidate(named.apply(c.first()), named.apply(c.second()), Math.round(c.score() * 1000) / 1000.0))
                .sorted(Comparator.comparingDouble(Candidate::score).reversed().thenComparing(c -> c.first().id()))
                .toList();
        ctx.json(Api.page(ctx, candidates.stream().sorted(Comparator.comparing(c -> c.first().id() + "/" + c.second().id())).toList(),
                c -> c.first().id() + "/" + c.second().id()));
    }

    // Shared

    static void inScope(UserAccount user, boolean covered, String what) {
        if (!covered) {
            throw ApiProblem.forbidden("That " + what + " is outside your scope.");
        }
    }

    static void sameId(String path, String body) {
        if (!path.equals(body)) {
            throw ApiProblem.invalid("The body names another record than the address.", List.of("id: must be the id in the address"));
        }
    }

    /** 409 when a record with the id is stored already (checked before writing, so a database failure is never mistaken for it). */
    static void absent(boolean exists, String what) {
        if (exists) {
            throw ApiProblem.conflict(article(what) + " " + what + " with that id exists already.");
        }
    }

    /** "An event", "A person". */
    private static String article(String what) {
        return "aeiou".indexOf(what.charAt(0)) >= 0 ? "An" : "A";
    }

    static <T> T created(java.util.function.Supplier<T> add, String what) {
        try {
            return add.get();
        } catch (AlreadyStoredException e) {
            throw ApiProblem.conflict(article(what) + " " + what + " with that id exists already.");
        }
    }

    static void answerCreated(Context ctx, String location, int version, Object body) {
        Api.etag(ctx, version);
        ctx.header("Location", location);
        ctx.status(201).json(body);
    }
}
