package org.cadre.server.web;

import com.google.common.collect.ImmutableList;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;
import org.cadre.roster.Organisation;
import org.cadre.roster.OrganisationId;
import org.cadre.roster.Person;
import org.cadre.roster.PersonId;
import org.cadre.roster.Programme;
import org.cadre.roster.ProgrammeId;
import org.cadre.roster.names.DuplicateFinder;
import org.cadre.roster.names.NameKey;
import org.cadre.server.json.RosterDocs.OrganisationDoc;
import org.cadre.server.json.RosterDocs.PersonDoc;
import org.cadre.server.json.RosterDocs.ProgrammeDoc;
import org.cadre.server.security.Access;
import org.cadre.server.security.Access.Permission;
import org.cadre.server.store.AlreadyStoredException;
import org.cadre.server.store.UserAccount;
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
        r.get("/api/v1/organisations", this::listOrganisations);
        r.post("/api/v1/organisations", this::createOrganisation);
        r.get("/api/v1/organisations/{id}", this::getOrganisation);
        r.put("/api/v1/organisations/{id}", this::updateOrganisation);
        r.get("/api/v1/people", this::searchPeople);
        r.post("/api/v1/people", this::createPerson);
        r.get("/api/v1/people/duplicates", this::duplicates);
        r.get("/api/v1/people/{id}", this::getPerson);
        r.put("/api/v1/people/{id}", this::updatePerson);
        r.get("/api/v1/programmes", this::listProgrammes);
        r.post("/api/v1/programmes", this::createProgramme);
        r.get("/api/v1/programmes/{id}", this::getProgramme);
        r.put("/api/v1/programmes/{id}", this::updateProgramme);
    }

    // Organisations

    private void listOrganisations(Context ctx) {
        UserAccount user = api.allow(ctx, Permission.READ_RECORDS);
        ctx.json(Api.page(ctx, api.organisations.all().stream().map(Versioned::value).filter(o -> Access.covers(user, o))
                .map(OrganisationDoc::of).toList(), OrganisationDoc::id));
    }

    private void createOrganisation(Context ctx) {
        UserAccount user = api.allow(ctx, Permission.WRITE_RECORDS);
        Organisation o = Json.body(ctx, OrganisationDoc.class).toDomain();
        inScope(user, Access.covers(user, o), "organisation");
        absent(api.organisations.get(o.id()).isPresent(), "organisation");
        Versioned<Organisation> stored = created(() -> api.organisations.add(o, user.username()), "organisation");
        answerCreated(ctx, "/api/v1/organisations/" + o.id(), stored.version(), OrganisationDoc.of(o));
    }

    private Versioned<Organisation> organisation(Context ctx, UserAccount user) {
        return Api.id(ctx.pathParam("id"), OrganisationId::of).flatMap(api.organisations::get)
                .filter(o -> Access.covers(user, o.value())).orElseThrow(() -> ApiProblem.notFound("organisation"));
    }

    private void getOrganisation(Context ctx) {
        UserAccount user = api.allow(ctx, Permission.READ_RECORDS);
        Versioned<Organisation> o = organisation(ctx, user);
        Api.etag(ctx, o.version());
        ctx.json(OrganisationDoc.of(o.value()));
    }

    private void updateOrganisation(Context ctx) {
        UserAccount user = api.allow(ctx, Permission.WRITE_RECORDS);
        Versioned<Organisation> current = organisation(ctx, user);
        Organisation changed = Json.body(ctx, OrganisationDoc.class).toDomain();
        sameId(current.value().id().value(), changed.id().value());
        inScope(user, Access.covers(user, changed), "organisation");
        Versioned<Organisation> saved = api.organisations.update(changed, Api.expected(ctx, current.version()), user.username());
        Api.etag(ctx, saved.version());
        ctx.json(OrganisationDoc.of(saved.value()));
    }

    // People

    /** A person found by a search: the record and the version to name when changing it. */
    private void searchPeople(Context ctx) {
        UserAccount user = api.allow(ctx, Permission.READ_RECORDS);
        String q = ctx.queryParam("q");
        Predicate<Person> matches = q == null || q.isBlank() ? p -> true : nameMatcher(q);
        ctx.json(Api.page(ctx, api.people.all().stream().map(Versioned::value).filter(p -> Access.covers(user, p))
                .filter(matches).map(PersonDoc::of).toList(), PersonDoc::id));
    }

    /**
     * Matches names in either script: the query and both of a person's names are reduced to the same
     * Latin keys, and every word of the query must begin a word of the name ("Абдул" finds "Abdulloev").
     */
    private static Predicate<Person> nameMatcher(String query) {
        ImmutableList<String> words = NameKey.of(query).tokens();
        if (words.isEmpty()) {
            return p -> false;
        }
        return p -> {
            List<String> tokens = new java.util.ArrayList<>();
            p.nativeName().ifPresent(n -> tokens.addAll(NameKey.of(n).tokens()));
            p.latinName().ifPresent(n -> tokens.addAll(NameKey.of(n).tokens()));
            return words.stream().allMatch(w -> tokens.stream().anyMatch(t -> t.startsWith(w)));
        };
    }

    private void createPerson(Context ctx) {
        UserAccount user = api.allow(ctx, Permission.WRITE_RECORDS);
        Person p = Json.body(ctx, PersonDoc.class).toDomain();
        inScope(user, Access.covers(user, p), "person");
        organisationExists(p);
        absent(api.people.get(p.id()).isPresent(), "person");
        Versioned<Person> stored = created(() -> api.people.add(p, user.username()), "person");
        answerCreated(ctx, "/api/v1/people/" + p.id(), stored.version(), PersonDoc.of(p));
    }

    private void organisationExists(Person p) {
        if (p.organisation().isPresent() && api.organisations.get(p.organisation().get()).isEmpty()) {
            throw ApiProblem.unprocessable("The person's organisation is not recorded.", List.of("organisation: no such organisation"));
        }
    }

    private Versioned<Person> person(Context ctx, UserAccount user) {
        return Api.id(ctx.pathParam("id"), PersonId::of).flatMap(api.people::get)
                .filter(p -> Access.covers(user, p.value())).orElseThrow(() -> ApiProblem.notFound("person"));
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
        inScope(user, Access.covers(user, changed), "person");
        organisationExists(changed);
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
        api.people.all().stream().map(Versioned::value).filter(p -> Access.covers(user, p)).forEach(p -> inScope.put(p.id(), p));
        Function<PersonId, Named> named = id -> new Named(id.value(), inScope.get(id).displayName(), inScope.get(id).country().code());
        List<Candidate> candidates = DuplicateFinder.candidates(inScope.values()).stream()
                .map(c -> new Candidate(named.apply(c.first()), named.apply(c.second()), Math.round(c.score() * 1000) / 1000.0))
                .sorted(Comparator.comparingDouble(Candidate::score).reversed().thenComparing(c -> c.first().id()))
                .toList();
        ctx.json(Api.page(ctx, candidates.stream().sorted(Comparator.comparing(c -> c.first().id() + "/" + c.second().id())).toList(),
                c -> c.first().id() + "/" + c.second().id()));
    }

    // Programmes

    private void listProgrammes(Context ctx) {
        UserAccount user = api.allow(ctx, Permission.READ_RECORDS);
        ctx.json(Api.page(ctx, api.programmes.all().stream().map(Versioned::value).filter(p -> Access.covers(user, p))
                .map(ProgrammeDoc::of).toList(), ProgrammeDoc::id));
    }

    private void createProgramme(Context ctx) {
        UserAccount user = api.allow(ctx, Permission.WRITE_RECORDS);
        Programme p = Json.body(ctx, ProgrammeDoc.class).toDomain();
        inScope(user, Access.covers(user, p), "programme");
        absent(api.programmes.get(p.id()).isPresent(), "programme");
        Versioned<Programme> stored = created(() -> api.programmes.add(p, user.username()), "programme");
        answerCreated(ctx, "/api/v1/programmes/" + p.id(), stored.version(), ProgrammeDoc.of(p));
    }

    private Versioned<Programme> programme(Context ctx, UserAccount user) {
        return Api.id(ctx.pathParam("id"), ProgrammeId::of).flatMap(api.programmes::get)
                .filter(p -> Access.covers(user, p.value())).orElseThrow(() -> ApiProblem.notFound("programme"));
    }

    private void getProgramme(Context ctx) {
        UserAccount user = api.allow(ctx, Permission.READ_RECORDS);
        Versioned<Programme> p = programme(ctx, user);
        Api.etag(ctx, p.version());
        ctx.json(ProgrammeDoc.of(p.value()));
    }

    private void updateProgramme(Context ctx) {
        UserAccount user = api.allow(ctx, Permission.WRITE_RECORDS);
        Versioned<Programme> current = programme(ctx, user);
        Programme changed = Json.body(ctx, ProgrammeDoc.class).toDomain();
        sameId(current.value().id().value(), changed.id().value());
        inScope(user, Access.covers(user, changed), "programme");
        Versioned<Programme> saved = api.programmes.update(changed, Api.expected(ctx, current.version()), user.username());
        Api.etag(ctx, saved.version());
        ctx.json(ProgrammeDoc.of(saved.value()));
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
            throw ApiProblem.conflict("A " + what + " with that id exists already.");
        }
    }

    static <T> T created(java.util.function.Supplier<T> add, String what) {
        try {
            return add.get();
        } catch (AlreadyStoredException e) {
            throw ApiProblem.conflict("A " + what + " with that id exists already.");
        }
    }

    static void answerCreated(Context ctx, String location, int version, Object body) {
        Api.etag(ctx, version);
        ctx.header("Location", location);
        ctx.status(201).json(body);
    }
}
