package org.cadre.server.web.pages;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.List;
import java.util.Optional;
import org.cadre.server.app.SignIn;
import org.cadre.server.app.UseCases;

/**
 * The staff web pages: server-rendered HTML on the same use cases as the API, signed in by a cookie that
 * carries an API session token. Every form sends the session's form token; every page works without
 * JavaScript, and htmx (served from its webjar) saves attendance as it is tapped.
 */
public final class Pages {

    /** The cookie that carries a signed-in page user's session token (the API's bearer token, in a cookie). */
    public static final String SESSION_COOKIE = PageKit.SESSION_COOKIE;

    /** A request attribute: the answer is a report that Cadre's own report page shows in a frame. */
    public static final String FRAMEABLE = ReportPages.FRAMEABLE;

    private final PageKit kit;
    private final java.util.function.Function<Context, String> clientAddress;

    /**
     * @param secureCookies whether cookies are marked Secure (the server is reached over TLS)
     * @param clientAddress the client's address, as the API reads it (for throttling sign-ins)
     */
    public Pages(UseCases app, boolean secureCookies, java.util.function.Function<Context, String> clientAddress) {
        this.kit = new PageKit(app, secureCookies);
        this.clientAddress = clientAddress;
    }

    /** The header htmx sends, as {@code true}, with each request it makes (a tap on the attendance page). */
    static final String HX_REQUEST = "HX-Request";

    /** Whether htmx made this request: its header says {@code true} (any other value, {@code false} included, is no htmx). */
    static boolean fromHtmx(Context ctx) {
        return "true".equals(ctx.header(HX_REQUEST));
    }

    /** Whether an answer to this request should be a page rather than a JSON problem: a browser asking outside the API. */
    public static boolean wantsPage(Context ctx) {
        String accept = Optional.ofNullable(ctx.header("Accept")).orElse("");
        return !ctx.path().startsWith("/api/") && (accept.contains("text/html") || fromHtmx(ctx));
    }

    /**
     * Registers a page address that takes only a form (a check, an action), belonging to the page one segment up:
     * opened as a page instead (a reload or bookmark of the page a refused form showed, or its language switch,
     * which sends the reader back to the address shown), it leads back to that page, not to a 405 (newcomer's
     * review: 405 after switching language on a checked import).
     */
    static void formOnly(RoutesConfig r, String path, io.javalin.http.Handler handler) {
        r.post(path, handler);
        r.get(path, ctx -> ctx.redirect(ctx.path().substring(0, ctx.path().lastIndexOf('/')), HttpStatus.SEE_OTHER));
    }

    /** The query parameters pages read ({@code ?q=}, {@code ?audience=}, ...): each is taken once. */
    static final List<String> QUERY_PARAMETERS = List.of("audience", "format", "from", "next", "phase", "q", "to");

    public void register(RoutesConfig r) {
        // Every form sent to a page carries the session's form token; none does anything without it.
        r.before(ctx -> {
            // A query parameter a page reads, sent twice, is refused as a form field sent twice is: which one counted
            // would depend on who read it (Jetty takes the first; a proxy may take the last).
            if (!ctx.path().startsWith("/api/")) {
                List<String> undecodable = org.cadre.server.web.QueryStrings.problems(ctx.queryString());
                if (!undecodable.isEmpty()) {
                    throw new PageProblem(org.cadre.server.app.Outcome.refused(org.cadre.server.app.Outcome.Refusal.INVALID,
                            PageKit.messages(ctx).get("error.query-encoding"), undecodable));
                }
                List<String> repeated = QUERY_PARAMETERS.stream().filter(name -> ctx.queryParams(name).size() > 1)
                        .map(FormFields::sentTwice).toList();
                if (!repeated.isEmpty()) {
                    throw new PageProblem(org.cadre.server.app.Outcome.refused(org.cadre.server.app.Outcome.Refusal.INVALID,
                            PageKit.messages(ctx).get("error.query-twice"), repeated));
                }
            }
            if (!ctx.path().startsWith("/api/") && !ctx.method().name().equals("GET") && !ctx.method().name().equals("HEAD")
                    && !ctx.method().name().equals("OPTIONS")) {
                if (ctx.req().getContentLengthLong() > org.cadre.server.web.CadreApp.bodyLimit(ctx)) {
                    throw new io.javalin.http.HttpResponseException(413, "too large");
                }
                // Pages take forms as browsers and htmx send them; any other body (text/plain, JSON) is not read as one.
                // The media type exactly (before any parameter such as charset or boundary), not a prefix of it.
                String type = Optional.ofNullable(ctx.contentType()).orElse("").split(";", 2)[0].strip().toLowerCase(java.util.Locale.ROOT);
                // One Content-Type header: with two, which one the form was read by would be a guess (the re-check's review).
                boolean formType = (type.equals("application/x-www-form-urlencoded") || type.equals("multipart/form-data"))
                        && java.util.Collections.list(ctx.req().getHeaders("Content-Type")).size() == 1;
                if (!formType && !(type.isEmpty() && ctx.req().getContentLengthLong() <= 0)) {
                    throw new NotAForm();
                }
                java.util.Map<String, List<String>> form;
                try {
                    form = ctx.formParamMap();
                } catch (Exception unreadableForm) {
                    // A form whose parts cannot be read (cut short, or over the limit while sent in chunks).
                    throw new PageProblem(org.cadre.server.app.Outcome.refused(org.cadre.server.app.Outcome.Refusal.INVALID,
                            "The form could not be read (cut short, or larger than " + org.cadre.server.web.CadreApp.bodyLimit(ctx)
                                    + " bytes); nothing was changed.", List.of()));
                }
                if (!PageKit.formTokenMatches(ctx)) {
                    throw new FormTokenRefused();
                }
                List<String> unreadable = new java.util.ArrayList<>(FormFields.problems(form));
                if (ctx.isMultipartFormData()) {
                    // A file sent twice under one name: which one is read would decide what is imported.
                    ctx.uploadedFileMap().forEach((name, files) -> {
                        if (files.size() > 1) {
                            unreadable.add(FormFields.sentTwice(name));
                        }
                    });
                }
                if (!unreadable.isEmpty()) {
                    throw new PageProblem(org.cadre.server.app.Outcome.refused(org.cadre.server.app.Outcome.Refusal.INVALID,
                            FormFields.UNREADABLE, unreadable));
                }
            }
        });
        r.get("/login", this::loginForm);
        r.post("/login", this::login);
        r.post("/logout", this::logout);
        r.post("/language", this::language);
        new EventPages(kit).register(r);
        new DeliveryPages(kit).register(r);
        new ReportPages(kit).register(r);
        new DirectoryPages(kit).register(r);
        new PoolPages(kit).register(r);
        new AdminPages(kit).register(r);
        r.exception(PageProblem.class, (e, ctx) -> {
            if (e.outcome().refusal().orElseThrow() == org.cadre.server.app.Outcome.Refusal.BUSY) {
                ctx.header("Retry-After", String.valueOf(org.cadre.server.app.ReportGate.RETRY_AFTER_SECONDS)); // as the API answers
                problem(ctx, 503, "error.title.busy", PageKit.messages(ctx).get("error.busy"), List.of());
                return;
            }
            problem(ctx, e.status(), e.outcome().detail(), e.outcome().errors());
        });
        r.exception(FormTokenRefused.class, (e, ctx) -> problem(ctx, 403, PageKit.messages(ctx).get("error.form-token"), List.of()));
        r.exception(NotAForm.class, (e, ctx) -> problem(ctx, 415, PageKit.messages(ctx).get("error.not-a-form"), List.of()));
    }

    /** A request to a page sent a body that is not a form (text/plain, JSON). */
    static final class NotAForm extends RuntimeException {
        NotAForm() {
            super("not a form", null, false, false);
        }
    }

    /** A form came without the session's form token, or with a wrong one. */
    static final class FormTokenRefused extends RuntimeException {
        FormTokenRefused() {
            super("form token refused", null, false, false);
        }
    }

    /** An error page: the status, what happened in the reader's words, and the fields at fault. */
    public void problem(Context ctx, int status, String detail, List<String> errors) {
        problem(ctx, status, "error.title." + statusGroup(status), detail, errors);
    }

    /** As {@link #problem(Context, int, String, List)}, under the title of the message {@code title}. */
    private void problem(Context ctx, int status, String title, String detail, List<String> errors) {
        Messages t = PageKit.messages(ctx);
        java.util.Optional<org.cadre.server.security.UserAccount> user;
        try {
            user = PageKit.token(ctx).flatMap(kit.app.signIn()::user);
        } catch (RuntimeException storeDown) {
            user = java.util.Optional.empty(); // the page that says the database is down cannot ask it who is signed in
        }
        View v = new View(t, user, PageKit.token(ctx).map(PageKit::csrf).orElse(""), PageKit.here(ctx), t.get(title));
        ctx.status(status);
        if (fromHtmx(ctx)) {
            // A tap whose answer is an error page (not found, not allowed, the database down): the page takes the
            // place of the one tapped on, as it would after a plain form, rather than of the row tapped.
            ctx.header("HX-Retarget", "body");
            ctx.header("HX-Reswap", "innerHTML");
        }
        kit.render(ctx, "error.jte", v, "status", status, "detail", detail, "errors", org.cadre.server.web.Problem.listed(errors));
        ctx.status(status);
    }

    /** The page for an address with nothing at it. */
    public void notFound(Context ctx) {
        problem(ctx, 404, PageKit.messages(ctx).get("error.not-found"), List.of());
    }

    private static String statusGroup(int status) {
        return switch (status) {
            case 403 -> "403";
            case 404 -> "404";
            default -> status >= 500 ? "500" : "400";
        };
    }

    private void loginForm(Context ctx) {
        // Two session cookies are no session (PageKit.token): say why, or the browser would come back here after each sign-in.
        showLogin(ctx, 200, PageKit.sessionCookieRepeated(ctx) ? Optional.of(PageKit.messages(ctx).get("login.two-cookies")) : Optional.empty());
    }

    private void showLogin(Context ctx, int status, Optional<String> error) {
        Messages t = PageKit.messages(ctx);
        String formToken = PageKit.random();
        kit.cookie(ctx, PageKit.LOGIN_COOKIE, formToken, 3600);
        View v = new View(t, Optional.empty(), formToken, PageKit.here(ctx), t.get("login.title"));
        ctx.status(status);
        kit.render(ctx, "login.jte", v, "next", PageKit.safeBack(ctx.queryParam("next") != null ? ctx.queryParam("next") : ctx.formParam("next")),
                "error", error.orElse(""), "username", Optional.ofNullable(ctx.formParam("username")).orElse(""));
        ctx.status(status);
    }

    private void login(Context ctx) {
        if (PageKit.sessionCookieRepeated(ctx)) {
            // The session this sign-in starts would not be read beside the other cookie: no sign-in, and why.
            showLogin(ctx, 400, Optional.of(PageKit.messages(ctx).get("login.two-cookies")));
            return;
        }
        var started = kit.app.signIn().login(ctx.formParam("username"), ctx.formParam("password"), clientAddress.apply(ctx));
        Messages t = PageKit.messages(ctx);
        if (!started.isDone()) {
            String why = switch (started.refusal().orElseThrow()) {
                case THROTTLED -> t.get("login.throttled");
                case INVALID -> t.get("login.missing");
                default -> t.get("login.wrong");
            };
            if (started.refusal().get() == org.cadre.server.app.Outcome.Refusal.THROTTLED) {
                ctx.header("Retry-After", String.valueOf(SignIn.LOCKOUT.toSeconds()));
            }
            showLogin(ctx, started.refusal().get() == org.cadre.server.app.Outcome.Refusal.THROTTLED ? 429 : 401, Optional.of(why));
            return;
        }
        kit.cookie(ctx, PageKit.SESSION_COOKIE, started.get().token(), -1);
        started.get().language().filter(Messages::speaks).ifPresent(lang -> kit.cookie(ctx, PageKit.LANG_COOKIE, lang, LANGUAGE_COOKIE_SECONDS));
        kit.cookie(ctx, PageKit.LOGIN_COOKIE, "", 0);
        ctx.redirect(PageKit.safeBack(ctx.formParam("next")), HttpStatus.SEE_OTHER);
    }

    private void logout(Context ctx) {
        PageKit.token(ctx).ifPresent(kit.app.signIn()::logout);
        kit.cookie(ctx, PageKit.SESSION_COOKIE, "", 0);
        ctx.redirect("/login", HttpStatus.SEE_OTHER);
    }

    /**
     * Switches the pages' language: for the user (kept for their next sign-in, on any browser) and for this
     * browser (on the sign-in page, only the browser).
     */
    private void language(Context ctx) {
        String lang = ctx.formParam("lang");
        var user = PageKit.token(ctx).flatMap(kit.app.signIn()::user);
        boolean chosen = user.isPresent() ? kit.app.signIn().chooseLanguage(user.get(), lang).isDone() : Messages.speaks(lang);
        if (chosen) {
            kit.cookie(ctx, PageKit.LANG_COOKIE, lang, LANGUAGE_COOKIE_SECONDS);
        }
        ctx.redirect(PageKit.safeBack(ctx.formParam("back")), HttpStatus.SEE_OTHER);
    }

    private static final long LANGUAGE_COOKIE_SECONDS = 365L * 24 * 3600;
}
