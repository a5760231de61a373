package org.cadre.bench;

import com.google.common.collect.ImmutableSortedSet;
import io.javalin.Javalin;
import java.time.Clock;
import org.cadre.roster.Country;
import org.cadre.server.security.Passwords;
import org.cadre.server.security.UserAccount;
import org.cadre.server.store.AuditLog;
import org.cadre.server.store.Database;
import org.cadre.server.store.DemoData;
import org.cadre.server.store.Users;
import org.cadre.server.web.CadreApp;

/** The application as the load benchmarks start it: the demo in {@code db}, a Kazakh coordinator, listening on a free port. */
final class DemoServer {

    private DemoServer() {}

    /** Loads the demo and the coordinator {@code username} into {@code db} and starts the application on 127.0.0.1. */
    static Javalin start(Database db, String username, String password) {
        AuditLog audit = new AuditLog(Clock.systemUTC());
        DemoData.load(db, audit);
        new Users(db, audit).add(new UserAccount(username, Passwords.hash(password.toCharArray()), UserAccount.Role.COORDINATOR,
                ImmutableSortedSet.of(Country.KAZAKHSTAN), ImmutableSortedSet.of(), false), "bench");
        return CadreApp.create(db).start("127.0.0.1", 0);
    }
}
