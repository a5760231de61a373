package org.cadre.server.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.cadre.documents.RosterDocs.OrganisationDoc;
import org.cadre.documents.RosterDocs.PersonDoc;
import org.cadre.documents.RosterDocs.ProgrammeDoc;
import org.cadre.roster.Person;
import org.cadre.server.app.Directory;
import org.cadre.server.security.UserAccount;
import org.cadre.server.store.AlreadyStoredException;
import org.cadre.server.values.Versioned;

/**
 * Organisations, people and programmes: create, list (in scope), read and change, through
 * {@link Directory}. A record outside the user's scope is answered exactly as a missing one, with 404.
 */
final class DirectoryRoutes {

    private final Api api;
    private final Directory directory;

    DirectoryRoutes(Api api, Directory directory) {
        this.api = api;
        this.directory = directory;
    }

    void register(RoutesConfig r) {
        new Records<>("/api/v1/organisations", directory.organisations(), OrganisationDoc.class, OrganisationDoc::of,
                OrganisationDoc::toDomain, OrganisationDoc::id).register(r);
        r.get("/api/v1/people", this::searchPeople);
        r.post("/api/v1/people", this::createPerson);
        r.get("/api/v1/people/duplicates", this::duplicates);
        r.get("/api/v1/people/{id}", this::getPerson);
        r.put("/api/v1/people/{id}", this::updatePerson);
        new Records<>("/api/v1/programmes", directory.programmes(), ProgrammeDoc.class, ProgrammeDoc::of, ProgrammeDoc::toDomain,
                ProgrammeDoc::id).register(r);
    }

    /** A kind of directory record served as list, create, read and change: its actions and its JSON document. */
    private final class Records<T, D> {

        private final String path;
        private final Directory.Records<T, ?> records;
        private final Class<D> doc;
        private final Function<T, D> toDoc;
        private final Function<D, T> toDomain;
        private final Function<D, String> docId;

        Records(String path, Directory.Records<T, ?> records, Class<D> doc, Function<T, D> toDoc, Function<D, T> toDomain,
                Function<D, String> docId) {
            this.path = path;
            this.records = records;
            this.doc = doc;
            this.toDoc = toDoc;
            this.toDomain = toDomain;
            this.docId = docId;
        }

        void register(RoutesConfig r) {
            r.get(path, this::list);
            r.post(path, this::create);
            r.get(path + "/{id}", this::read);
            r.put(path + "/{id}", this::change);
        }

        private void list(Context ctx) {
            List<T> all = Api.value(records.list(api.user(ctx)), ctx);
            ctx.json(Api.page(ctx, all.stream().map(toDoc).toList(), docId));
        }

        private void create(Context ctx) {
            UserAccount user = api.user(ctx);
            Api.value(directory.mayWrite(user), ctx);
            T record = toDomain.apply(Json.body(ctx, doc));
            Versioned<T> stored = Api.value(records.create(user, record), ctx);
            D created = toDoc.apply(record);
            Api.answerCreated(ctx, path + "/" + docId.apply(created), stored.version(), created);
        }

        private void read(Context ctx) {
            Versioned<T> t = Api.value(records.read(api.user(ctx), ctx.pathParam("id")), ctx);
            Api.etag(ctx, t.version());
            ctx.json(toDoc.apply(t.value()));
        }

        private void change(Context ctx) {
            UserAccount user = api.user(ctx);
            Api.value(records.toChange(user, ctx.pathParam("id")), ctx);
            T changed = toDomain.apply(Json.body(ctx, doc));
            Versioned<T> saved = Api.value(records.change(user, ctx.pathParam("id"), changed, Api.versions(ctx)), ctx);
            Api.etag(ctx, saved.version());
            ctx.json(toDoc.apply(saved.value()));
        }
    }

    // People

    private void searchPeople(Context ctx) {
        List<Person> found = Api.value(directory.people(api.user(ctx), Optional.ofNullable(ctx.queryParam("q"))), ctx);
        ctx.json(Api.page(ctx, found.stream().map(PersonDoc::of).toList(), PersonDoc::id));
    }

    private void createPerson(Context ctx) {
        UserAccount user = api.user(ctx);
        Api.value(directory.mayWrite(user), ctx);
        Person p = Json.body(ctx, PersonDoc.class).toDomain();
        Versioned<Person> stored = Api.value(directory.recordPerson(user, p), ctx);
        Api.answerCreated(ctx, "/api/v1/people/" + p.id(), stored.version(), PersonDoc.of(p));
    }

    private void getPerson(Context ctx) {
        Versioned<Person> p = Api.value(directory.person(api.user(ctx), ctx.pathParam("id")), ctx);
        Api.etag(ctx, p.version());
        ctx.json(PersonDoc.of(p.value()));
    }

    private void updatePerson(Context ctx) {
        UserAccount user = api.user(ctx);
        Api.value(directory.personToChange(user, ctx.pathParam("id")), ctx);
        Person changed = Json.body(ctx, PersonDoc.class).toDomain();
        Versioned<Person> saved = Api.value(directory.changePerson(user, ctx.pathParam("id"), changed, Api.versions(ctx)), ctx);
        Api.etag(ctx, saved.version());
        ctx.json(PersonDoc.of(saved.value()));
    }

    record Named(String id, String name, String country) {
        static Named of(Person p) {
            return new Named(p.id().value(), p.displayName(), p.country().code());
        }
    }

    record Candidate(Named first, Named second, double score) {}

    /** Likely duplicates among the people in scope, in pages by the pair's ids; never merged automatically. */
    private void duplicates(Context ctx) {
        List<Directory.Duplicate> found = Api.value(directory.duplicates(api.user(ctx)), ctx);
        Function<Candidate, String> pair = c -> c.first().id() + "/" + c.second().id();
        List<Candidate> candidates = found.stream()
                .map(d -> new Candidate(Named.of(d.first()), Named.of(d.second()), Math.round(d.score() * 1000) / 1000.0))
                .sorted(Comparator.comparing(pair)).toList();
        ctx.json(Api.page(ctx, candidates, pair));
    }
}
