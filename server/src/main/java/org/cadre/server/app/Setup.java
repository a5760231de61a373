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
