package org.cadre.server.app;

import com.google.common.collect.ImmutableSortedSet;
import java.time.Clock;
import org.cadre.server.security.Passwords;
import org.cadre.server.security.UserAccount;
import org.cadre.server.store.AuditLog;
import org.cadre.server.store.Database;
import org.cadre.server.store.DemoData;
import org.cadre.server.store.Users;

/** What a server does with its store before it serves: the first administrator, and the demo on request. */
public final class Setup {

    private Setup() {}

    /** What a first start did: whether it created the administrator and loaded the demo. */
    public record Started(boolean administratorCreated, boolean demoLoaded) {}

    /**
     * What a server does with its store before it serves, alone on the database (instances started together on a
     * new one store these once, not twice): with no user yet, the administrator; with {@code demo} and an empty
     * store, the demo (the administrator's slow password hash runs beside the demo load, not before it).
     */
    public static Started firstStart(Database db, boolean demo, String username, String password) {
        boolean[] done = new boolean[2];
        db.settingUp(() -> {
            java.util.concurrent.CompletableFuture<Boolean> admin = java.util.concurrent.CompletableFuture.supplyAsync(
                    () -> firstAdministrator(db, username, password));
            done[1] = demo && loadDemoIfEmpty(db);
            done[0] = admin.join();
        });
        return new Started(done[0], done[1]);
    }

    /** Loads the demo into an empty store; whether it did (a store holding anything is left as it is). */
    public static boolean loadDemoIfEmpty(Database db) {
        AuditLog audit = new AuditLog(Clock.systemUTC());
        if (!DemoData.isEmpty(db, audit)) {
            return false;
        }
        DemoData.load(db, audit);
        return true;
    }

    /** With no user yet, records the administrator with this password; whether it did. */
    public static boolean firstAdministrator(Database db, String username, String password) {
        Users users = new Users(db, new AuditLog(Clock.systemUTC()));
        if (!users.all().isEmpty()) {
            return false;
        }
        users.add(new UserAccount(username, Passwords.hash(password.toCharArray()), UserAccount.Role.ADMIN,
                ImmutableSortedSet.of(), ImmutableSortedSet.of(), false), "cadre serve");
        return true;
    }
}
