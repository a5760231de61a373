package org.cadre.server;

import io.javalin.Javalin;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import com.google.common.collect.ImmutableSortedSet;
import org.cadre.server.security.Passwords;
import org.cadre.server.store.AuditLog;
import org.cadre.server.store.UserAccount;
import org.cadre.server.store.Users;
import org.cadre.server.store.Database;
import org.cadre.server.web.CadreApp;
import picocli.CommandLine.Command;
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

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        int listen = port != null ? port : Integer.parseInt(System.getenv().getOrDefault("CADRE_PORT", "7070"));
        Database db = store.open(System.getenv());
        AuditLog audit = new AuditLog(Clock.systemUTC());
        // The first administrator's slow password hash runs beside the demo load, not before it.
        CompletableFuture<Void> admin = CompletableFuture.runAsync(() -> firstAdministrator(db, audit, out));
        if (demo && DemoData.isEmpty(db, audit)) {
            DemoData.load(db, audit);
            out.println("Loaded the demo (Almaty ToT and Dushanbe cascade; every person fictional).");
        }
        admin.join();
        Javalin app = CadreApp.create(db).start("127.0.0.1", listen);
        out.printf("Cadre listens on http://127.0.0.1:%d (API /api/v1, docs /docs), database: %s, started in %d ms%n",
                app.port(), db.description(), sinceLaunch().toMillis());
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

    /**
     * With no user yet, creates the administrator from CADRE_ADMIN_USER / CADRE_ADMIN_PASSWORD, or with a
     * random password printed once.
     */
    private static void firstAdministrator(Database db, AuditLog audit, PrintWriter out) {
        Users users = new Users(db, audit);
        if (!users.all().isEmpty()) {
            return;
        }
        String name = System.getenv().getOrDefault("CADRE_ADMIN_USER", "admin");
        String given = System.getenv("CADRE_ADMIN_PASSWORD");
        String password = given != null && !given.isBlank() ? given : randomPassword();
        users.add(new UserAccount(name, Passwords.hash(password.toCharArray()), UserAccount.Role.ADMIN,
                ImmutableSortedSet.of(), ImmutableSortedSet.of(), false), "cadre serve");
        out.println(given != null && !given.isBlank()
                ? "Created the administrator '" + name + "' with the password from CADRE_ADMIN_PASSWORD."
                : "Created the administrator '" + name + "'. Its password, shown this once: " + password);
    }

    private static String randomPassword() {
        byte[] raw = new byte[18];
        new java.security.SecureRandom().nextBytes(raw);
        return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
    }
}
