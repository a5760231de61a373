package org.cadre.server.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.List;
import java.util.Optional;
import org.cadre.server.app.UserAdministration;
import org.cadre.server.security.UserAccount;
import org.cadre.server.values.Versioned;

/** Users, for administrators: list, create, read, change, reset a password, list and end sessions. */
final class UserRoutes {

    private final Api api;
    private final UserAdministration admin;

    UserRoutes(Api api, UserAdministration admin) {
        this.api = api;
        this.admin = admin;
    }

    void register(RoutesConfig r) {
        r.get("/api/v1/users", this::list);
        r.post("/api/v1/users", this::create);
        r.get("/api/v1/users/{username}", this::get);
        r.put("/api/v1/users/{username}", this::change);
        r.put("/api/v1/users/{username}/password", this::password);
        r.get("/api/v1/users/{username}/sessions", this::sessions);
        r.delete("/api/v1/users/{username}/sessions", this::endAll);
        r.delete("/api/v1/users/{username}/sessions/{session}", this::end);
    }

    /** A new user as the API takes it. */
    record NewUser(String username, String password, String role, List<String> countries, List<String> programmes) {}

    /** A user as the API shows it: never the password hash. */
    record UserView(String username, String role, List<String> countries, List<String> programmes, boolean disabled) {
        static UserView of(UserAccount u) {
            return new UserView(u.username(), u.role().label(), u.countries().stream().map(c -> c.code()).toList(),
                    u.programmes().stream().map(p -> p.value()).toList(), u.disabled());
        }
    }

    /** What an administrator changes: any of role, scope and disabled (a field left out stays as it is). */
    record Change(String role, List<String> countries, List<String> programmes, Boolean disabled) {}

    record Password(String password) {}

    record SessionView(String id, String createdAt, String lastSeenAt) {
        static SessionView of(org.cadre.server.values.SessionInfo s) {
            return new SessionView(s.id(), s.createdAt().toString(), s.lastSeenAt().toString());
        }
    }

    /** A key that sorts sessions newest first: the time left to the year 9999, fixed width, then the id. */
    private static String newestFirst(SessionView v) {
        java.time.Duration left = java.time.Duration.between(java.time.Instant.parse(v.createdAt()), java.time.Instant.parse("9999-12-31T23:59:59Z"));
        return String.format(java.util.Locale.ROOT, "%020d%09d-%s", left.getSeconds(), left.getNano(), v.id());
    }

    private void list(Context ctx) {
        List<Versioned<UserAccount>> all = Api.value(admin.list(api.user(ctx)), ctx);
        ctx.json(Api.page(ctx, all.stream().map(v -> UserView.of(v.value())).toList(), UserView::username));
    }

    private void create(Context ctx) {
        UserAccount actor = api.user(ctx);
        NewUser in = Json.body(ctx, NewUser.class);
        Versioned<UserAccount> created = Api.value(admin.create(actor, in.username(), in.password(), in.role(), in.countries(),
                in.programmes()), ctx);
        Api.answerCreated(ctx, "/api/v1/users/" + created.value().username(), created.version(), UserView.of(created.value()));
    }

    private void get(Context ctx) {
        Versioned<UserAccount> u = Api.value(admin.get(api.user(ctx), ctx.pathParam("username")), ctx);
        Api.etag(ctx, u.version());
        ctx.json(UserView.of(u.value()));
    }

    private void change(Context ctx) {
        UserAccount actor = api.user(ctx);
        Change in = Json.body(ctx, Change.class);
        Versioned<UserAccount> saved = Api.value(admin.change(actor, ctx.pathParam("username"), Api.ifMatch(ctx),
                new UserAdministration.Change(in.role(), in.countries(), in.programmes(), in.disabled())), ctx);
        Api.etag(ctx, saved.version());
        ctx.json(UserView.of(saved.value()));
    }

    private void password(Context ctx) {
        UserAccount actor = api.user(ctx);
        Password in = Json.body(ctx, Password.class);
        Api.value(admin.resetPassword(actor, ctx.pathParam("username"), in.password()), ctx);
        ctx.status(204);
    }

    private void sessions(Context ctx) {
        List<org.cadre.server.values.SessionInfo> live = Api.value(admin.sessions(api.user(ctx), ctx.pathParam("username")), ctx);
        // A page like every other list; newest first, so the cursor counts time backwards (then the id, for two
        // sessions begun in the same millisecond).
        ctx.json(Api.page(ctx, live.stream().map(SessionView::of).sorted(java.util.Comparator.comparing(UserRoutes::newestFirst)).toList(),
                UserRoutes::newestFirst));
    }

    private void endAll(Context ctx) {
        Api.value(admin.endSessions(api.user(ctx), ctx.pathParam("username"), Optional.empty()), ctx);
        ctx.status(204);
    }

    private void end(Context ctx) {
        Api.value(admin.endSessions(api.user(ctx), ctx.pathParam("username"), Optional.of(ctx.pathParam("session"))), ctx);
        ctx.status(204);
    }
}
