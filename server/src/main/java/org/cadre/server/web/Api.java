package org.cadre.server.web;

import org.cadre.server.app.Settings;
import io.javalin.http.Context;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.cadre.curriculum.Curriculum;
import org.cadre.roster.Event;
import org.cadre.roster.EventId;
import org.cadre.roster.Organisation;
import org.cadre.roster.Person;
import org.cadre.server.app.UseCases;
import org.cadre.server.security.UserAccount;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What every handler shares: who the user is (the bearer token), a use case's outcome as the answer, ETags,
 * If-Match, pages.
 * Refusals are thrown as {@link ApiProblem} and answered by the application.
 */
final class Api {

    private static final Logger LOG = LoggerFactory.getLogger("cadre.http");

    /** Page size of every list. */
    static final int PAGE = 50;

    final Settings settings;

    /** Every use case: what the handlers call. */
    final UseCases app;

    Api(UseCases app) {
        this.app = app;
        this.settings = app.settings();
    }

    /**
     * If-Match as RFC 9110 writes it: {@code *}, or entity tags in quotes, weak ({@code W/"3"}) or strong, separated
     * by commas. Which of them name a version of ours is for {@link #ifMatch} and {@link #versions} to judge.
     */
    static final java.util.regex.Pattern ENTITY_TAGS = java.util.regex.Pattern.compile(
            "[ \\t]*(?:\\*|(?:W/)?\"[\\x21\\x23-\\x7E\\x80-\\xFF]*\"(?:[ \\t]*,[ \\t]*(?:W/)?\"[\\x21\\x23-\\x7E\\x80-\\xFF]*\")*)[ \\t]*");
    /** Whether an If-Match written as {@link #ENTITY_TAGS} names weak tags only ({@code W/"3"}), which match no change. */
    static boolean onlyWeakTags(String ifMatch) {
        String header = ifMatch.strip();
        if (header.equals("*")) {
            return false;
        }
        java.util.regex.Matcher tag = java.util.regex.Pattern.compile("(W/)?\"[^\"]*\"").matcher(header);
        while (tag.find()) {
            if (tag.group(1) == null) {
                return false;
            }
        }
        return true;
    }

    /** The headers the API reads once, refused when a request sends one of them twice. */
    static final List<String> SINGLE_HEADERS = List.of("Authorization", "Content-Type", "Idempotency-Key", "If-Match", "If-None-Match");

    /**
     * The query parameters each operation reads (keyed {@code "GET /api/v1/events/{id}/report"}, its route's template), each
     * once: one sent twice is refused, as a header is (which of the two counted would depend on who reads it). A
     * parameter the operation does not read is refused too, even when another operation reads it: a misspelt
     * {@code audiance=donor} must not give the internal report, nor {@code ?phase=post} on a report look as if it chose
     * something. An operation not listed reads none. {@code ContractShapeTest} holds this to docs/openapi.yaml.
     */
    static final Map<String, List<String>> QUERY_PARAMETERS = Map.ofEntries(
            Map.entry("GET /api/v1/curricula", List.of("cursor")),
            Map.entry("POST /api/v1/curricula", List.of("days", "hoursPerDay")),
            Map.entry("GET /api/v1/curricula/{id}/versions/{version}/check", List.of("days", "hoursPerDay")),
            Map.entry("GET /api/v1/curricula/{id}/diff", List.of("from", "to")),
            Map.entry("GET /api/v1/events", List.of("cursor")),
            Map.entry("GET /api/v1/events/{id}/enrolments", List.of("cursor")),
            Map.entry("POST /api/v1/events/{id}/roster", List.of("on")),
            Map.entry("GET /api/v1/events/{id}/tests", List.of("phase")),
            Map.entry("GET /api/v1/events/{id}/report", List.of("audience", "format", "lang")),
            Map.entry("GET /api/v1/organisations", List.of("cursor")),
            Map.entry("GET /api/v1/people", List.of("cursor", "q")),
            Map.entry("GET /api/v1/people/duplicates", List.of("cursor")),
            Map.entry("GET /api/v1/programmes", List.of("cursor")),
            Map.entry("GET /api/v1/programmes/{id}/report", List.of("audience", "format", "from", "lang", "to")),
            Map.entry("GET /api/v1/trainers", List.of("cursor", "curriculum", "on")),
            Map.entry("GET /api/v1/users", List.of("cursor")),
            Map.entry("GET /api/v1/users/{username}/sessions", List.of("cursor")));

    /**
     * The operations anyone may call without a token (keyed as {@link #QUERY_PARAMETERS}); every other operation answers 401
     * to a request without a live token before it looks at the request's query. {@code ContractShapeTest} holds this to the
     * operations docs/openapi.yaml gives no {@code security}.
     */
    static final java.util.Set<String> PUBLIC_OPERATIONS = java.util.Set.of("GET /api/v1/health", "POST /api/v1/session");

    /** The query parameters the operation of {@code method} and route template reads; none when it is not listed. */
    static List<String> queryParameters(String method, String route) {
        return QUERY_PARAMETERS.getOrDefault(method + " " + route, List.of());
    }

    /** The token of {@code Authorization: Bearer <token>} (the scheme's letters in any case, RFC 9110), if sent. */
    static Optional<String> bearer(Context ctx) {
        return bearer(ctx.header("Authorization"));
    }

    /** The token of an {@code Authorization} header's value (null: none sent), if it is {@code Bearer <token>}. */
    static Optional<String> bearer(String header) {
        String scheme = "Bearer ";
        return header != null && header.regionMatches(true, 0, scheme, 0, scheme.length())
                ? Optional.of(header.substring(scheme.length()).strip()) : Optional.empty();
    }

    /**
     * Whether the body's Content-Type is exactly {@code type} (the media type before its parameters, in any case),
     * with no charset or UTF-8's: the API reads bodies as UTF-8 only.
     */
    static boolean bodyIs(Context ctx, String type) {
        // Split keeping empty parts: "a;" and ";" alone give a first part to read (";" alone gave none, a 500 for anyone).
        String[] parts = Optional.ofNullable(ctx.contentType()).orElse("").split(";", -1);
        if (!parts[0].strip().equalsIgnoreCase(type)) {
            return false;
        }
        for (int i = 1; i < parts.length; i++) {
            String[] parameter = parts[i].split("=", 2);
            if (parameter[0].strip().equalsIgnoreCase("charset") && (parameter.length < 2
                    || !parameter[1].strip().replace("\"", "").equalsIgnoreCase("utf-8"))) {
                return false;
            }
        }
        return true;
    }

    /** The request attribute under which the session found for this request, by its bearer token, is kept. */
    static final String SIGNED_IN = "cadre.signed-in";

    /** A session found for a request: its token and its user, as looked up when the request came in. */
    record SignedIn(String token, UserAccount user) {}

    /** The logged-in user; 401 without a live token. */
    UserAccount user(Context ctx) {
        // Looked up once a request: when the body's admission (BodyBudget) found the session by this same token, its user.
        Optional<String> bearer = bearer(ctx);
        Optional<UserAccount> user = ctx.attribute(SIGNED_IN) instanceof SignedIn found && bearer.filter(found.token()::equals).isPresent()
                ? Optional.of(found.user()) : bearer.flatMap(token -> app.signIn().user(token));
        if (user.isEmpty()) {
            // Names the header and what is wrong with it, as a 400 names its field (the newcomer's review of session 22: every
            // 401 read alike, with no errors). A token not live is not told apart further: signed out, expired, disabled or
            // never issued, the answer is the same.
            String why = ctx.header("Authorization") == null ? "Authorization: is not sent; send 'Bearer <token>'"
                    : bearer.isEmpty() ? "Authorization: is not 'Bearer <token>'"
                    : "Authorization: the token is not a live session (signed out, expired or never issued); log in again";
            throw new ApiProblem(new Problem("https://cadre.example/problems/unauthorized", "Login required", 401,
                    "Log in at POST /api/v1/session and send the token as 'Authorization: Bearer <token>'.", List.of(why)));
        }
        ctx.attribute("user", user.get().username());
        ctx.attribute("role", user.get().role().label());
        return user.get();
    }

    /** Parses an id from a path; an id that cannot exist finds nothing. */
    static <T> Optional<T> id(String text, Function<String, T> parse) {
        try {
            return Optional.of(parse.apply(text));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /**
     * The value of a use case's outcome, or its refusal thrown as the problem that answers it; a
     * forbidden one is logged as a denial.
     */
    static <T> T value(org.cadre.server.app.Outcome<T> outcome, Context ctx) {
        if (outcome.isDone()) {
            return outcome.get();
        }
        var why = outcome.refusal().orElseThrow();
        throw switch (why) {
            case INVALID -> ApiProblem.invalid(outcome.detail(), outcome.errors(), outcome.findings());
            case FORBIDDEN -> {
                LOG.warn("denied {} {} user={} role={}", ctx.method(), CadreApp.route(ctx), ctx.<String>attribute("user"),
                        ctx.<String>attribute("role"));
                yield ApiProblem.forbidden(outcome.detail(), outcome.errors());
            }
            case NOT_FOUND -> new ApiProblem(Problem.of("not-found", "Not found", 404, outcome.detail()));
            case CONFLICT -> ApiProblem.conflict(outcome.detail(), outcome.errors());
            // A stale version in HTTP's words; any other failed precondition in the use case's.
            case STALE -> outcome.detail().equals(org.cadre.server.app.Expected.CHANGED) ? ApiProblem.stale()
                    : new ApiProblem(Problem.of("precondition-failed", "Precondition failed", 412, outcome.detail()));
            case VERSION_REQUIRED -> ApiProblem.versionRequired();
            case UNPROCESSABLE -> ApiProblem.unprocessable(outcome.detail(), outcome.errors(), outcome.findings());
            case RULES -> ApiProblem.refused(outcome.detail(), outcome.errors(), outcome.findings());
            case MISSING_PREREQUISITE -> ApiProblem.conflict(outcome.detail());
            case TOO_LARGE -> new ApiProblem(Problem.of("too-large", "Request too large", 413, outcome.detail()));
            case BUSY -> {
                ctx.header("Retry-After", String.valueOf(org.cadre.server.app.ReportGate.RETRY_AFTER_SECONDS));
                yield new ApiProblem(Problem.of("busy", "Busy", 503, outcome.detail()));
            }
            case UNAUTHENTICATED -> new ApiProblem(Problem.of("unauthorized", "Login failed", 401, outcome.detail()));
            case THROTTLED -> {
                ctx.header("Retry-After", String.valueOf(org.cadre.server.app.SignIn.LOCKOUT.toSeconds()));
                yield new ApiProblem(Problem.of("throttled", "Too many failed logins", 429, outcome.detail()));
            }
        };
    }

    /**
     * The version named in If-Match ({@code "3"}), empty when the header is absent; a header that names
     * no version of ours ({@code "abc"}, a weak tag) is a 412 (it cannot match). One not written as entity tags
     * at all ({@code 3}) never gets here: it is a 400 before any route.
     */
    static Optional<Integer> ifMatch(Context ctx) {
        String header = ctx.header("If-Match");
        if (header == null) {
            return Optional.empty();
        }
        if (header.strip().equals("*")) {
            return Optional.of(org.cadre.server.app.UserAdministration.ANY_VERSION);
        }
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\s*\"(\\d{1,9})\"\\s*").matcher(header);
        if (!m.matches()) {
            throw ApiProblem.stale();
        }
        return Optional.of(Integer.parseInt(m.group(1)));
    }

    /**
     * The versions If-Match names, for a use case to judge: none, any ({@code *}), or the strong tags
     * listed (RFC 9110: a weak tag such as {@code W/"3"} matches nothing, nor does a tag that is no version).
     */
    static org.cadre.server.app.Expected versions(Context ctx) {
        String ifMatch = ctx.header("If-Match");
        if (ifMatch == null) {
            return org.cadre.server.app.Expected.none();
        }
        if (ifMatch.strip().equals("*")) {
            return org.cadre.server.app.Expected.any();
        }
        java.util.Set<Integer> versions = new java.util.HashSet<>();
        java.util.regex.Pattern tag = java.util.regex.Pattern.compile("\"(\\d{1,9})\"");
        for (String t : ifMatch.split(",")) {
            java.util.regex.Matcher m = tag.matcher(t.strip());
            if (m.matches()) {
                versions.add(Integer.parseInt(m.group(1)));
            }
        }
        return org.cadre.server.app.Expected.oneOf(versions);
    }

    /** Answers 201 with the new record's ETag and address. */
    static void answerCreated(Context ctx, String location, int version, Object body) {
        etag(ctx, version);
        ctx.header("Location", location);
        ctx.status(201).json(body);
    }

    /** Sets the ETag of a resource at the given stored version. */
    static void etag(Context ctx, int version) {
        ctx.header("ETag", "\"" + version + "\"");
    }


    /** One page of a list sorted by {@code key}: the items after the {@code cursor} parameter, and the next cursor. */
    static <T> Map<String, Object> page(Context ctx, List<T> sorted, Function<T, String> key) {
        String after = ctx.queryParam("cursor");
        List<T> rest = after == null ? sorted : sorted.stream().filter(t -> key.apply(t).compareTo(after) > 0).toList();
        List<T> page = rest.subList(0, Math.min(PAGE, rest.size()));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("items", page);
        body.put("next", rest.size() > PAGE ? key.apply(page.get(page.size() - 1)) : null);
        return body;
    }

    /** A date parameter or field, or a 400 naming it. */
    static LocalDate date(String field, String text) {
        return org.cadre.documents.Dates.tryParse(text).orElseThrow(() -> ApiProblem.invalid("A date is not valid.",
                List.of(field + ": " + org.cadre.documents.Dates.problem(text).orElseThrow())));
    }

}
