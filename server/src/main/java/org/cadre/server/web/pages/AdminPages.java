package org.cadre.server.web.pages;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.cadre.server.app.Outcome;
import org.cadre.server.app.UserAdministration;
import org.cadre.server.security.UserAccount;
import org.cadre.server.web.pages.DirectoryForms.FieldErrors;
import org.cadre.server.web.pages.DirectoryForms.UserForm;

/**
 * Administering users, for administrators (anyone else gets the use case's refusal): the users, a new user, a
 * user's role and scope, disabling and enabling, a new password, and their sessions. A refused form comes back
 * with each field's error and everything typed but the password.
 */
final class AdminPages {

    /** The fields of the user forms, as the use case's errors name them. */
    private static final List<String> FIELDS = List.of("username", "password", "role", "countries", "programmes");

    private static final Map<String, String> NOTICES = Map.of("created", "admin.created-done", "changed", "admin.changed-done",
            "disabled", "admin.disabled-done", "enabled", "admin.enabled-done", "password", "admin.password-done",
            "sessions", "admin.sessions-done");

    private final PageKit kit;

    AdminPages(PageKit kit) {
        this.kit = kit;
    }

    void register(RoutesConfig r) {
        r.get("/admin/users", this::users);
        r.post("/admin/users", this::create);
        r.get("/admin/users/{username}", this::user);
        r.post("/admin/users/{username}", this::change);
        Pages.formOnly(r, "/admin/users/{username}/disabled", this::disable);
        Pages.formOnly(r, "/admin/users/{username}/password", this::password);
        Pages.formOnly(r, "/admin/users/{username}/sessions", this::endSessions);
    }

    private void users(Context ctx) {
        Optional<UserAccount> user = kit.user(ctx);
        if (user.isEmpty()) {
            return;
        }
        showUsers(ctx, user.get(), Optional.empty(), UserForm.EMPTY, FieldErrors.NONE);
    }

    private void showUsers(Context ctx, UserAccount user, Optional<String> notice, UserForm form, FieldErrors errors) {
        UserAdministration.Listing listing = PageKit.value(kit.app.users().listing(user), ctx);
        kit.render(ctx, "users.jte", kit.view(ctx, user, "admin.title"), "listing", listing, "notice", notice.orElse(""),
                "form", form, "errors", errors, "roles", roles());
    }

    private void create(Context ctx) {
        Optional<UserAccount> user = kit.user(ctx);
        if (user.isEmpty()) {
            return;
        }
        UserForm form = new UserForm(field(ctx, "username"), field(ctx, "role"), field(ctx, "countries"), ctx.formParams("programme"));
        // Passwords are taken as typed: spaces may be part of one.
        var created = kit.app.users().create(user.get(), form.username().isEmpty() ? null : form.username(), ctx.formParam("password"),
                form.role(), countries(form.countries()), form.programmes());
        if (created.isDone()) {
            ctx.redirect(PageKit.withNotice(ctx, "/admin/users/" + DirectoryPages.segment(created.get().value().username()) + "?done=created"), HttpStatus.SEE_OTHER);
            return;
        }
        DirectoryPages.refusedOrAgain(ctx, created, () -> showUsers(ctx, user.get(), Optional.empty(), form,
                FieldErrors.of(created.detail(), created.errors(), FIELDS)));
    }

    private void user(Context ctx) {
        Optional<UserAccount> user = kit.user(ctx);
        if (user.isEmpty()) {
            return;
        }
        showUser(ctx, user.get(), DirectoryPages.notice(ctx, NOTICES), Optional.empty(), FieldErrors.NONE);
    }

    /** A user's page; {@code form} is the role and scope as typed, when a change of them was refused. */
    private void showUser(Context ctx, UserAccount user, Optional<String> notice, Optional<UserForm> form, FieldErrors errors) {
        UserAdministration.Account account = PageKit.value(kit.app.users().account(user, ctx.pathParam("username")), ctx);
        UserAccount u = account.user().value();
        UserForm shown = form.orElseGet(() -> new UserForm(u.username(), u.role().label(),
                String.join(" ", u.countries().stream().map(c -> c.code()).toList()), u.programmes().stream().map(p -> p.value()).toList()));
        kit.render(ctx, "user.jte", kit.view(ctx, user, "admin.user-title", u.username()), "account", account, "notice", notice.orElse(""),
                "form", shown, "errors", errors, "roles", roles());
    }

    /** Changes the user's role and scope, from the version the page showed. */
    private void change(Context ctx) {
        Optional<UserAccount> user = kit.user(ctx);
        if (user.isEmpty()) {
            return;
        }
        UserForm form = new UserForm(ctx.pathParam("username"), field(ctx, "role"), field(ctx, "countries"), ctx.formParams("programme"));
        var changed = kit.app.users().change(user.get(), ctx.pathParam("username"), version(ctx),
                new UserAdministration.Change(form.role(), countries(form.countries()), form.programmes(), null));
        answer(ctx, user.get(), changed, "changed", Optional.of(form));
    }

    private void disable(Context ctx) {
        Optional<UserAccount> user = kit.user(ctx);
        if (user.isEmpty()) {
            return;
        }
        boolean disabled = !"false".equals(ctx.formParam("disabled"));
        var changed = kit.app.users().change(user.get(), ctx.pathParam("username"), version(ctx),
                new UserAdministration.Change(null, null, null, disabled));
        answer(ctx, user.get(), changed, disabled ? "disabled" : "enabled", Optional.empty());
    }

    private void password(Context ctx) {
        Optional<UserAccount> user = kit.user(ctx);
        if (user.isEmpty()) {
            return;
        }
        var reset = kit.app.users().resetPassword(user.get(), ctx.pathParam("username"), ctx.formParam("password"));
        answer(ctx, user.get(), reset, "password", Optional.empty());
    }

    /** Ends one session (the form names it) or all of them. */
    private void endSessions(Context ctx) {
        Optional<UserAccount> user = kit.user(ctx);
        if (user.isEmpty()) {
            return;
        }
        Optional<String> session = Optional.ofNullable(ctx.formParam("session")).filter(s -> !s.isBlank());
        var ended = kit.app.users().endSessions(user.get(), ctx.pathParam("username"), session);
        answer(ctx, user.get(), ended, "sessions", Optional.empty());
    }

    private void answer(Context ctx, UserAccount user, Outcome<?> outcome, String done, Optional<UserForm> form) {
        if (outcome.isDone()) {
            int n = outcome.get() instanceof Integer count ? count : 0;
            ctx.redirect(PageKit.withNotice(ctx, "/admin/users/" + DirectoryPages.segment(ctx.pathParam("username")) + "?done=" + done + "&n=" + n), HttpStatus.SEE_OTHER);
            return;
        }
        DirectoryPages.refusedOrAgain(ctx, outcome, () -> showUser(ctx, user, Optional.empty(), form,
                FieldErrors.of(outcome.detail(), outcome.errors(), FIELDS)));
    }

    /** The version the page showed, as If-Match names it; none when the field is missing or not a number. */
    private static Optional<Integer> version(Context ctx) {
        String v = ctx.formParam("version");
        return v != null && v.matches("\\d{1,9}") ? Optional.of(Integer.parseInt(v)) : Optional.empty();
    }

    /** Country codes typed with spaces or commas between them. */
    private static List<String> countries(String typed) {
        return Arrays.stream(typed.split("[\\s,;]+")).filter(c -> !c.isEmpty()).toList();
    }

    private static List<String> roles() {
        return Arrays.stream(UserAccount.Role.values()).map(UserAccount.Role::label).toList();
    }

    private static String field(Context ctx, String name) {
        return Optional.ofNullable(ctx.formParam(name)).map(String::strip).orElse("");
    }
}
