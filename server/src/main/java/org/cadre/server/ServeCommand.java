package org.cadre.server;

import org.cadre.server.app.Settings;
import io.javalin.Javalin;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.concurrent.CountDownLatch;
import com.google.common.collect.ImmutableSortedSet;
import org.cadre.server.security.Passwords;
import org.cadre.server.security.UserAccount;
import org.cadre.server.app.Setup;
import org.cadre.server.store.Database;
import org.cadre.reporting.render.IatiRenderer;
import org.cadre.server.web.CadreApp;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code cadre serve}: the web API over the configured store, until stopped. */
@Command(name = "serve", mixinStandardHelpOptions = true, description = "Run the web API.")
final class ServeCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private StoreOptions store = new StoreOptions();

    @Option(names = "--port", paramLabel = "N", description = "Port to listen on (default 7070, or CADRE_PORT; 0 picks a free one).")
    private Integer port;

    @Option(names = "--demo", description = "Load the demo programme, package and events if the database is empty.")
    private boolean demo;

    @Option(names = "--session-idle", paramLabel = "DURATION",
            description = "A login token dies after this long unused, e.g. 30m (default 30m, or CADRE_SESSION_IDLE).")
    private String sessionIdle;

    @Option(names = "--session-max", paramLabel = "DURATION",
            description = "A login token dies this long after login, e.g. 12h (default 12h, or CADRE_SESSION_MAX).")
    private String sessionMax;

    @Option(names = "--donor-k", paramLabel = "K",
            description = "Counts below K are withheld from donor reports (default 5, or CADRE_DONOR_K; 2 to 1000).")
    private Integer donorK;

    @Option(names = "--public-k", paramLabel = "K",
            description = "Counts below K are withheld from public reports (default 10, or CADRE_PUBLIC_K; at least the donor k).")
    private Integer publicK;

    @Option(names = "--iati-publisher-ref", paramLabel = "ID",
            description = "IATI organisation identifier of the publisher, e.g. XM-DAC-47066 (or CADRE_IATI_PUBLISHER_REF).")
    private String iatiRef;

    @Option(names = "--iati-publisher-name", paramLabel = "NAME",
            description = "The publisher's name in IATI files (or CADRE_IATI_PUBLISHER_NAME; required with the identifier).")
    private String iatiName;

    @Option(names = "--iati-publisher-type", paramLabel = "CODE",
            description = "IATI organisation type code of the publisher (default 40, multilateral; or CADRE_IATI_PUBLISHER_TYPE).")
    private String iatiType;

    @Option(names = "--trusted-proxy", paramLabel = "ADDRESS", split = ",",
            description = "IP address of a reverse proxy in front of Cadre, whose X-Forwarded-For header names the client "
                    + "(repeat or separate by commas; or CADRE_TRUSTED_PROXIES). Without one, the client is the connection's peer.")
    private List<String> trustedProxies;

    @Option(names = "--secure-cookies", description = "Mark the web pages' cookies Secure: set it when browsers reach Cadre over "
            + "HTTPS (a TLS proxy in front), so the session cookie is never sent in clear (or CADRE_SECURE_COOKIES=true).")
    private boolean secureCookies;

    /** The port and the API's settings from the flags, then the environment, then the defaults. */
    record Resolved(int port, Settings settings) {}

    Resolved resolve(Map<String, String> env) {
        CommandLine cli = spec.commandLine();
        int listen = setting(cli, port, "--port", env, "CADRE_PORT", Integer::valueOf, 7070, WHOLE);
        if (listen < 0 || listen > 65_535) {
            throw new ParameterException(cli, "--port / CADRE_PORT: must be between 0 and 65535");
        }
        Settings defaults = Settings.defaults();
        Duration idle = setting(cli, sessionIdle, "--session-idle", env, "CADRE_SESSION_IDLE", ServeCommand::duration, defaults.sessionIdle(), DURATION);
        Duration max = setting(cli, sessionMax, "--session-max", env, "CADRE_SESSION_MAX", ServeCommand::duration, defaults.sessionMax(), DURATION);
        int donor = setting(cli, donorK, "--donor-k", env, "CADRE_DONOR_K", Integer::valueOf, defaults.donorK(), WHOLE);
        int everyone = setting(cli, publicK, "--public-k", env, "CADRE_PUBLIC_K", Integer::valueOf, defaults.publicK(), WHOLE);
        String ref = setting(cli, iatiRef, "--iati-publisher-ref", env, "CADRE_IATI_PUBLISHER_REF", String::strip, null, "");
        String name = setting(cli, iatiName, "--iati-publisher-name", env, "CADRE_IATI_PUBLISHER_NAME", String::strip, null, "");
        String type = setting(cli, iatiType, "--iati-publisher-type", env, "CADRE_IATI_PUBLISHER_TYPE", String::strip, "40", "");
        Settings settings = defaults;
        try {
            settings = settings.withSessions(idle, max);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(cli, named(sessionIdle, "--session-idle", env, "CADRE_SESSION_IDLE") + " / "
                    + named(sessionMax, "--session-max", env, "CADRE_SESSION_MAX") + ": " + e.getMessage());
        }
        try {
            settings = settings.withK(donor, everyone);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(cli, named(donorK, "--donor-k", env, "CADRE_DONOR_K") + " / "
                    + named(publicK, "--public-k", env, "CADRE_PUBLIC_K") + ": " + e.getMessage());
        }
        if (!IATI_ORGANISATION_TYPES.contains(type)) { // checked whether or not a publisher is named (the re-check of session 16)
            throw new ParameterException(cli, named(iatiType, "--iati-publisher-type", env, "CADRE_IATI_PUBLISHER_TYPE")
                    + ": an IATI organisation type code, one of " + String.join(", ", IATI_ORGANISATION_TYPES) + " (40: multilateral)");
        }
        if (ref != null || name != null) {
            if (ref == null || name == null || ref.isEmpty() || name.isEmpty() || !ref.matches("[A-Za-z0-9][A-Za-z0-9-]{2,}")) {
                throw new ParameterException(cli, named(iatiRef, "--iati-publisher-ref", env, "CADRE_IATI_PUBLISHER_REF") + " / "
                        + named(iatiName, "--iati-publisher-name", env, "CADRE_IATI_PUBLISHER_NAME") + ": give both, the identifier "
                        + "as letters, digits and hyphens (e.g. XM-DAC-47066)");
            }
            settings = settings.withPublisher(new IatiRenderer.Publisher(ref, name, type));
        }
        List<String> proxies = trustedProxies != null ? trustedProxies
                : java.util.Arrays.stream(env.getOrDefault("CADRE_TRUSTED_PROXIES", "").split(",")).map(String::strip)
                        .filter(x -> !x.isEmpty()).toList();
        for (String proxy : proxies) {
            if (!proxy.matches("[0-9.]{7,15}|[0-9A-Fa-f:]{2,39}")) {
                throw new ParameterException(cli, (trustedProxies != null ? "--trusted-proxy" : "CADRE_TRUSTED_PROXIES")
                        + ": give IP addresses such as 10.0.0.5");
            }
        }
        settings = settings.withTrustedProxies(java.util.Set.copyOf(proxies));
        String secureEnv = env.getOrDefault("CADRE_SECURE_COOKIES", "").strip();
        if (!secureEnv.isEmpty() && !secureEnv.equals("true") && !secureEnv.equals("false")) {
            throw new ParameterException(cli, "CADRE_SECURE_COOKIES: must be true or false");
        }
        settings = settings.withSecureCookies(secureCookies || secureEnv.equals("true"));
        // The first administrator, when given: checked now, before anything is opened or created.
        String adminUser = env.getOrDefault("CADRE_ADMIN_USER", "admin");
        if (!adminUser.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,63}")) {
            throw new ParameterException(cli, "CADRE_ADMIN_USER: must be 1-64 letters, digits, dots, underscores or hyphens");
        }
        String adminPassword = env.get("CADRE_ADMIN_PASSWORD");
        if (adminPassword != null && !adminPassword.isEmpty()) {
            List<String> weak = org.cadre.server.security.PasswordPolicy.check("CADRE_ADMIN_PASSWORD", adminUser, adminPassword);
            if (!weak.isEmpty()) {
                throw new ParameterException(cli, String.join("; ", weak));
            }
        }
        return new Resolved(listen, settings);
    }

    /** The codes of IATI's OrganisationType codelist (version 2.03). */
    static final List<String> IATI_ORGANISATION_TYPES = List.of("10", "11", "15", "21", "22", "23", "24", "30", "40", "60", "70", "71",
            "72", "73", "80", "90");

    /** What a whole-number setting takes, for its error. */
    private static final String WHOLE = "a whole number";

    /** What a duration setting takes, for its error. */
    private static final String DURATION = "a duration such as 90s, 30m, 12h, 2d or PT30M";

    /** The name of the setting as given: the flag when it was, else the variable when set, else the flag. */
    private static String named(Object flag, String flagName, Map<String, String> env, String variable) {
        return flag == null && env.get(variable) != null && !env.get(variable).isBlank() ? variable : flagName;
    }

    /** The flag's value, else the environment variable's, else the default; a bad value names the one given and what it takes. */
    private static <T> T setting(CommandLine cli, Object flag, String flagName, Map<String, String> env, String variable,
            Function<String, T> parse, T fallback, String expected) {
        String text = flag != null ? flag.toString() : env.get(variable);
        if (text == null || text.isBlank()) {
            return fallback;
        }
        try {
            return parse.apply(text.strip());
        } catch (IllegalArgumentException | java.time.format.DateTimeParseException e) {
            String shown = text.strip().length() > 40 ? text.strip().substring(0, 40) + "..." : text.strip();
            throw new ParameterException(cli, (flag != null ? flagName : variable) + ": cannot read '" + shown + "'"
                    + (expected.isEmpty() ? "" : "; give " + expected));
        }
    }

    /** {@code 90s}, {@code 30m}, {@code 12h}, {@code 2d}, or ISO-8601 such as {@code PT30M}. */
    static Duration duration(String text) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d{1,6})([smhd])").matcher(text);
        if (m.matches()) {
            long n = Long.parseLong(m.group(1));
            return switch (m.group(2)) {
                case "s" -> Duration.ofSeconds(n);
                case "m" -> Duration.ofMinutes(n);
                case "h" -> Duration.ofHours(n);
                default -> Duration.ofDays(n);
            };
        }
        return Duration.parse(text);
    }

    /**
     * The least heap the server answers every request in that its body limits let through (measured: with 64 MB it
     * starts but a list of 200,000 empty items in a 1 MiB body runs it out of memory, with 96 MB too; below 56 MB
     * start-up fails with another library's misleading words).
     */
    static final long MIN_HEAP_MB = 128;

    /**
     * Why a heap of {@code maxBytes} (as the JVM reports it) is too small for the server, if it is. The JVM reports a
     * little less than {@code -Xmx} under some collectors (the serial one, chosen on one processor, leaves out a survivor
     * space: 123 MB of 128), so a tenth less is taken.
     */
    static java.util.Optional<String> heapTooSmall(long maxBytes) {
        long mb = maxBytes / (1024 * 1024);
        return mb >= MIN_HEAP_MB * 9 / 10 ? java.util.Optional.empty() : java.util.Optional.of("The server needs a heap of at least "
                + MIN_HEAP_MB + " MB and was given about " + mb + " MB: start it with more (java -Xmx" + MIN_HEAP_MB
                + "m -jar server/target/cadre.jar serve ..., or JAVA_TOOL_OPTIONS=-Xmx" + MIN_HEAP_MB + "m ./cadre serve ...).");
    }

    /** Whether the server could not start because its port is taken: a {@link java.net.BindException} behind the failure. */
    private static boolean portTaken(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof java.net.BindException) {
                return true;
            }
        }
        return false;
    }

    /** Whether a server could listen on the port of 127.0.0.1 now (it may be taken between this and the start). */
    private static boolean portFree(int port) {
        try (java.net.ServerSocket probe = new java.net.ServerSocket()) {
            probe.setReuseAddress(true);
            probe.bind(new java.net.InetSocketAddress("127.0.0.1", port));
            return true;
        } catch (java.io.IOException taken) {
            return false;
        }
    }

    /** Said as a bad setting is, naming the flag (the newcomer's review: a stack trace and exit code 1). */
    private static String portInUse(int port) {
        return "--port / CADRE_PORT: port " + port + " on 127.0.0.1 is in use (another server?); stop that one or choose another port.";
    }

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        java.util.Optional<String> small = heapTooSmall(Runtime.getRuntime().maxMemory());
        if (small.isPresent()) {
            spec.commandLine().getErr().println(small.get());
            return 2;
        }
        Resolved config = resolve(System.getenv());
        int listen = config.port();
        java.util.Optional<String> unwritable = store.unwritable(System.getenv());
        if (unwritable.isPresent()) {
            spec.commandLine().getErr().println(unwritable.get());
            return 2;
        }
        if (listen != 0 && !portFree(listen)) {
            // Before anything is set up: a first start would otherwise make the administrator, show its password and stop.
            spec.commandLine().getErr().println(portInUse(listen));
            return 2;
        }
        Database db = store.open(System.getenv());
        String name = System.getenv().getOrDefault("CADRE_ADMIN_USER", "admin");
        String given = System.getenv("CADRE_ADMIN_PASSWORD");
        String password = given != null && !given.isEmpty() ? given : randomPassword();
        Setup.Started started = Setup.firstStart(db, demo, name, password);
        if (started.administratorCreated()) {
            out.println(given != null && !given.isEmpty()
                    ? "Created the administrator '" + name + "' with the password from CADRE_ADMIN_PASSWORD."
                    : "Created the administrator '" + name + "'. Its password, shown this once: " + password);
        }
        if (started.demoLoaded()) {
            out.println("Loaded the demo (Almaty ToT and Dushanbe cascade; every person fictional).");
        }
        Javalin app;
        try {
            app = CadreApp.create(db, config.settings()).start("127.0.0.1", listen);
        } catch (RuntimeException failed) {
            if (!portTaken(failed)) {
                throw failed;
            }
            db.close();
            spec.commandLine().getErr().println(portInUse(listen));
            return 2;
        }
        out.printf("Cadre listens on http://127.0.0.1:%d (sign in there; API /api/v1, docs /docs), database: %s, started in %d ms%n",
                app.port(), db.description(), sinceLaunch().toMillis());
        if (config.settings().publisher().equals(Settings.UNCONFIGURED_PUBLISHER)) {
            out.println("IATI files name a placeholder publisher; set --iati-publisher-ref and --iati-publisher-name before publishing.");
        }
        out.flush();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            app.stop(); // finishes requests in flight
            db.close();
            stopped.countDown();
        }));
        stopped.await();
        return 0;
    }

    /** Time since the JVM was launched, so start-up counts class loading and JVM boot too. */
    private static Duration sinceLaunch() {
        return Duration.ofMillis(java.lang.management.ManagementFactory.getRuntimeMXBean().getUptime());
    }

    private static String randomPassword() {
        byte[] raw = new byte[18];
        new java.security.SecureRandom().nextBytes(raw);
        return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
    }
}
