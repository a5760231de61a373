package org.cadre.server.web.pages;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.cadre.server.app.Outcome;
import org.cadre.server.app.UseCases;
import org.cadre.server.security.UserAccount;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What every page handler shares: the session cookie and who it belongs to, the form token (CSRF), the
 * reader's language, rendering a template, and how a refused action is shown. It holds no rule, query or
 * permission check: those are the use cases'.
 */
final class PageKit {

    private static final Logger LOG = LoggerFactory.getLogger("cadre.http");

    /** The session cookie: the same session token the API's bearer header carries. */
    static final String SESSION_COOKIE = "cadre_session";
    /** The reader's language, when they chose one. */
    static final String LANG_COOKIE = "cadre_lang";
    /** Before sign-in: a random value the sign-in form must send back (so no other site can sign a browser in). */
    static final String LOGIN_COOKIE = "cadre_login";
    /** The form field (or htmx header) that carries the form token. */
    static final String CSRF_FIELD = "_csrf";
    static final String CSRF_HEADER = "X-CSRF-Token";

    private static final SecureRandom RANDOM = new SecureRandom();

    final UseCases app;
    private final TemplateEngine engine;
    private final boolean secureCookies;

    PageKit(UseCases app, boolean secureCookies) {
        this.app = app;
        this.secureCookies = secureCookies;
        this.engine = TemplateEngine.createPrecompiled(null, ContentType.Html, PageKit.class.getClassLoader(),
                "org.cadre.server.web.pages.templates");
    }

    /** The signed-in user, or empty after sending the browser to the sign-in page (which comes back here). */
    Optional<UserAccount> user(Context ctx) {
        Optional<UserAccount> user = token(ctx).flatMap(app.signIn()::user);
        if (user.isEmpty()) {
            String back = ctx.method().name().equals("GET") ? ctx.path() + (ctx.queryString() == null ? "" : "?" + ctx.queryString())
                    : Pages.fromHtmx(ctx) ? pageOf(ctx.header("HX-Current-URL")) : "/";
            String login = "/login?next=" + java.net.URLEncoder.encode(back, StandardCharsets.UTF_8);
            if (Pages.fromHtmx(ctx)) {
                // A tap after the session ended: htmx would follow a redirect and put the sign-in page in the row
                // tapped; this header sends the whole browser there instead.
                ctx.header("HX-Redirect", login);
                ctx.status(io.javalin.http.HttpStatus.UNAUTHORIZED);
                return Optional.empty();
            }
            ctx.redirect(login, io.javalin.http.HttpStatus.SEE_OTHER);
            return Optional.empty();
        }
        ctx.attribute("user", user.get().username());
        ctx.attribute("role", user.get().role().label());
        return user;
    }

    /**
     * The path (and query) of the page an htmx request was sent from, to come back to after signing in; "/"
     * when there is none. The sign-in page checks it as it checks any {@code next}.
     */
    private static String pageOf(String currentUrl) {
        if (currentUrl == null) {
            return "/";
        }
        try {
            java.net.URI page = new java.net.URI(currentUrl);
            String path = page.getRawPath();
            return path == null || !path.startsWith("/") ? "/" : path + (page.getRawQuery() == null ? "" : "?" + page.getRawQuery());
        } catch (java.net.URISyntaxException e) {
            return "/";
        }
    }

    /**
     * The session token the cookie carries; none when the request carries the session cookie twice. Which of two counts
     * would depend on who reads them (the first was taken), and a site of the same domain may set a second one, with
     * its own path, to have the browser work in the planter's session (the attacker's review of session 23).
     */
    static Optional<String> token(Context ctx) {
        return sessionCookieRepeated(ctx) ? Optional.empty() : Optional.ofNullable(ctx.cookie(SESSION_COOKIE)).filter(t -> !t.isBlank());
    }

    /** {@return whether the request carries the session cookie more than once} */
    static boolean sessionCookieRepeated(Context ctx) {
        jakarta.servlet.http.Cookie[] cookies = ctx.req().getCookies();
        return cookies != null && java.util.Arrays.stream(cookies).filter(c -> SESSION_COOKIE.equals(c.getName())).count() > 1;
    }

    /** The form token of the session the cookie carries: derived from the secret token, so only its holder knows it. */
    static String csrf(String sessionToken) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(("cadre-form:" + sessionToken).getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The query parameter that signs a notice's parameters for one session ({@link #withNotice}). */
    private static final String NOTICE_SIGNATURE = "ok";

    /**
     * The address a page comes back to after a change ({@code path?done=imported&n=5#fragment}), its path and query
     * signed for the session that made the change: the page shows the notice those parameters name ({@link #noticeParam})
     * only to that session, so a link made elsewhere ({@code ?saved=99}) shows no "99 saved" to whoever follows it.
     *
     * @param address a path with a query, and perhaps a fragment
     */
    static String withNotice(Context ctx, String address) {
        int hash = address.indexOf('#');
        String fragment = hash < 0 ? "" : address.substring(hash);
        String before = hash < 0 ? address : address.substring(0, hash);
        int question = before.indexOf('?');
        if (question < 0) {
            return address;
        }
        return token(ctx).map(t -> before + "&" + NOTICE_SIGNATURE + "=" + noticeSignature(t, before) + fragment).orElse(address);
    }

    /**
     * A parameter of the notice in this request's address, when the address was signed for this session by
     * {@link #withNotice} (its query unchanged, the signature last); null otherwise, as when it is absent.
     */
    static String noticeParam(Context ctx, String name) {
        String query = ctx.queryString();
        String marker = "&" + NOTICE_SIGNATURE + "=";
        int at = query == null ? -1 : query.lastIndexOf(marker);
        Optional<String> session = token(ctx);
        if (at < 0 || session.isEmpty()) {
            return null;
        }
        // The page's address is signed with the query: a notice moved to another page or event shows nothing.
        byte[] expected = noticeSignature(session.get(), ctx.path() + "?" + query.substring(0, at)).getBytes(StandardCharsets.UTF_8);
        byte[] sent = query.substring(at + marker.length()).getBytes(StandardCharsets.UTF_8);
        return MessageDigest.isEqual(expected, sent) ? ctx.queryParam(name) : null;
    }

    /** The signature of a notice's address (path and query) for a session: HMAC-SHA-256 keyed by the session's form token. */
    private static String noticeSignature(String sessionToken, String address) {
        try {
            javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
            mac.init(new javax.crypto.spec.SecretKeySpec(("cadre-notice:" + csrf(sessionToken)).getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] digest = mac.doFinal(address.getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(java.util.Arrays.copyOf(digest, 16));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Whether a form sent with this request carries the right token (compared in constant time), and no other:
     * every token sent, in the header htmx sends and in the form's fields, must be the right one.
     */
    static boolean formTokenMatches(Context ctx) {
        // Where a browser says the form came from (Fetch Metadata), only this site's own pages count: a form from a
        // sibling subdomain ("same-site"), which could also have planted the sign-in cookie that the sign-in form's
        // token is checked against, is refused whatever its token (the attacker's review: a sign-in with a cookie
        // and token of the attacker's choosing). Without the header (an older browser, a script) the token decides.
        // Sent twice (no browser does), every value must say so.
        if (!java.util.Collections.list(ctx.req().getHeaders("Sec-Fetch-Site")).stream().allMatch(site -> site.equals("same-origin"))) {
            return false;
        }
        java.util.List<String> fields = ctx.formParams(CSRF_FIELD);
        java.util.List<String> headers = java.util.Collections.list(ctx.req().getHeaders(CSRF_HEADER));
        if (fields.size() > 1 || headers.size() > 1 || fields.isEmpty() && headers.isEmpty()) {
            return false; // once in the form, once in the header, or both; never twice in either
        }
        java.util.List<String> tokens = new java.util.ArrayList<>(fields);
        tokens.addAll(headers);
        return tokens.stream().allMatch(sent -> formTokenMatches(ctx, sent));
    }

    private static boolean formTokenMatches(Context ctx, String sent) {
        // The sign-in form carries the token its page set; the language switch carries that one on the sign-in page
        // (even where an expired session's cookie is still there) and the session's everywhere else.
        java.util.List<Optional<String>> expected = switch (ctx.path()) {
            case "/login" -> java.util.List.of(Optional.ofNullable(ctx.cookie(LOGIN_COOKIE)));
            case "/language" -> java.util.List.of(token(ctx).map(PageKit::csrf), Optional.ofNullable(ctx.cookie(LOGIN_COOKIE)));
            default -> java.util.List.of(token(ctx).map(PageKit::csrf));
        };
        return sent != null && expected.stream().flatMap(Optional::stream).anyMatch(e -> !e.isEmpty()
                && MessageDigest.isEqual(sent.getBytes(StandardCharsets.UTF_8), e.getBytes(StandardCharsets.UTF_8)));
    }

    static String random() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Sets a cookie only this site's pages send back (HttpOnly, SameSite=Lax, Secure behind TLS). */
    void cookie(Context ctx, String name, String value, long maxAgeSeconds) {
        ctx.res().addHeader("Set-Cookie", name + "=" + value + "; Path=/; HttpOnly; SameSite=Lax"
                + (maxAgeSeconds >= 0 ? "; Max-Age=" + maxAgeSeconds : "") + (secureCookies ? "; Secure" : ""));
    }

    /** The reader's language: chosen on a page, else the browser's first of ours, else English. */
    static Messages messages(Context ctx) {
        String chosen = ctx.cookie(LANG_COOKIE);
        if (Messages.speaks(chosen)) {
            return Messages.of(chosen);
        }
        String accept = Optional.ofNullable(ctx.header("Accept-Language")).orElse("");
        for (String part : accept.split(",")) {
            // Empty parts kept: an item that is ";" alone has an empty tag, not none (a 500 on every page for anyone).
            String tag = part.split(";", -1)[0].strip().toLowerCase(Locale.ROOT);
            String lang = tag.length() >= 2 ? tag.substring(0, 2) : tag;
            if (Messages.speaks(lang)) {
                return Messages.of(lang);
            }
        }
        return Messages.of("en");
    }

    /** The frame of a page for the signed-in user. */
    View view(Context ctx, UserAccount user, String titleKey, Object... args) {
        Messages t = messages(ctx);
        return new View(t, Optional.of(user), token(ctx).map(PageKit::csrf).orElse(""), here(ctx), t.get(titleKey, args));
    }

    /** The page's own address (path and query), for links that come back to it. */
    static String here(Context ctx) {
        return ctx.path() + (ctx.queryString() == null ? "" : "?" + ctx.queryString());
    }

    /** Renders a template with the frame and its model ({@code name, value} pairs) as the answer. */
    void render(Context ctx, String template, View view, Object... model) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("v", view);
        for (int i = 0; i < model.length; i += 2) {
            params.put((String) model[i], model[i + 1]);
        }
        StringOutput out = new StringOutput();
        engine.render(template, params, out);
        ctx.header("Cache-Control", "no-store");
        ctx.contentType("text/html; charset=utf-8").result(out.toString());
    }

    /**
     * The value of a use case's outcome for a page, or its refusal thrown as a {@link PageProblem} (shown as an
     * error page with its status); a forbidden one is logged as a denial.
     */
    static <T> T value(Outcome<T> outcome, Context ctx) {
        if (outcome.isDone()) {
            return outcome.get();
        }
        Outcome.Refusal why = outcome.refusal().orElseThrow();
        if (why == Outcome.Refusal.FORBIDDEN) {
            LOG.warn("denied {} {} user={} role={}", ctx.method(), ctx.endpoints().matchedHttpEndpoint() == null ? "(no route)"
                    : ctx.endpoints().matchedHttpEndpoint().path, ctx.<String>attribute("user"), ctx.<String>attribute("role"));
        }
        throw new PageProblem(outcome);
    }

    /**
     * For a refused form: a record missing, outside the user's scope or forbidden is the error page (thrown, as
     * {@link #value} throws it); any other refusal returns, for the page to show beside the form.
     */
    static void unlessShownOnTheForm(Outcome<?> outcome, Context ctx) {
        Outcome.Refusal why = outcome.refusal().orElseThrow();
        if (why == Outcome.Refusal.NOT_FOUND || why == Outcome.Refusal.FORBIDDEN) {
            value(outcome, ctx);
        }
    }

    /**
     * What a refusal says, for the list of errors above a page: its detail, then each field's error, or else each
     * finding, the first 100 and a line counting the rest (as the API's problem documents). Findings given beside
     * errors are the same refusals for a program to read by their codes, and are not said twice.
     */
    static java.util.List<String> problems(Outcome<?> outcome) {
        java.util.List<String> all = new java.util.ArrayList<>();
        all.add(outcome.detail());
        all.addAll(org.cadre.server.web.Problem.listed(outcome.errors()));
        if (outcome.errors().isEmpty()) {
            all.addAll(org.cadre.server.web.Problem.listed(outcome.findings().all().stream().map(f -> f.message()).toList()));
        }
        return all;
    }

    /** A site-relative address to go back to, or {@code /}: never another site. */
    static String safeBack(String back) {
        String path = back == null ? "" : back.split("[?#]", 2)[0];
        if (back == null || !back.startsWith("/") || path.contains("//") || back.contains("\\") || back.length() > 2000
                || path.contains("/./") || path.contains("/../") || path.endsWith("/.") || path.endsWith("/..")
                || back.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            return "/";
        }
        return back;
    }
}
