package org.cadre.server.security;

import org.cadre.reporting.disclosure.Audience;
import org.cadre.roster.Event;
import org.cadre.server.store.UserAccount;

/** Who may see what: the scope and audience rules every handler asks, kept in one place. */
public final class Access {

    private Access() {}

    /** Whether the user's scope covers the event: administrators everything, others by country or programme. */
    public static boolean covers(UserAccount user, Event event) {
        return user.role() == UserAccount.Role.ADMIN || user.countries().contains(event.country())
                || user.programmes().contains(event.programme());
    }

    /** The audience a report is produced for when the request names none. */
    public static Audience defaultAudience(UserAccount user) {
        return user.role() == UserAccount.Role.DONOR_VIEWER ? Audience.DONOR : Audience.INTERNAL;
    }

    /** Whether the user may read reports for that audience: donor viewers never see internal ones. */
    public static boolean mayRead(UserAccount user, Audience audience) {
        return !(user.role() == UserAccount.Role.DONOR_VIEWER && audience == Audience.INTERNAL);
    }

    /** Whether the user manages users and roles. */
    public static boolean managesUsers(UserAccount user) {
        return user.role() == UserAccount.Role.ADMIN;
    }
}
