package org.cadre.server.app;

import java.time.Clock;
import java.time.Duration;
import org.cadre.reporting.disclosure.Audience;
import org.cadre.reporting.disclosure.Disclosure;
import org.cadre.reporting.render.IatiRenderer.Publisher;

/**
 * What an operator may set for the web API: the clock, how long a login lasts, the smallest count
 * published to donors and to the public (k), and the organisation named as IATI publisher.
 *
 * @param sessionIdle a token dies after this long unused
 * @param sessionMax a token dies this long after login, used or not
 * @param donorK counts below this are withheld from donor reports (2 to 1000)
 * @param publicK counts below this are withheld from public reports (at least {@code donorK})
 * @param publisher the reporting organisation of IATI files
 * @param trustedProxies the addresses of reverse proxies whose {@code X-Forwarded-For} names the client
 * @param secureCookies whether the pages' cookies are marked Secure (the server is reached over TLS, behind a proxy)
 * @param reportGate how many programme reports are computed at once, one per user (shared by every application
 *     given these settings)
 */
public record Settings(Clock clock, Duration sessionIdle, Duration sessionMax, int donorK, int publicK, Publisher publisher,
        java.util.Set<String> trustedProxies, boolean secureCookies, ReportGate reportGate) {

    /** The IATI reporting organisation when none is configured: plainly a placeholder, never a real publisher's identifier. */
    public static final Publisher UNCONFIGURED_PUBLISHER =
            new Publisher("XI-CADRE-UNCONFIGURED", "Cadre (publisher not configured)", "40");

    public Settings {
        java.util.Objects.requireNonNull(clock, "clock");
        java.util.Objects.requireNonNull(publisher, "publisher");
        java.util.Objects.requireNonNull(reportGate, "reportGate");
        trustedProxies = java.util.Set.copyOf(java.util.Objects.requireNonNull(trustedProxies, "trustedProxies"));
        if (sessionIdle == null || sessionIdle.compareTo(Duration.ofMinutes(1)) < 0) {
            throw new IllegalArgumentException("the idle session lifetime must be at least a minute");
        }
        if (sessionMax == null || sessionMax.compareTo(sessionIdle) < 0 || sessionMax.compareTo(Duration.ofDays(30)) > 0) {
            throw new IllegalArgumentException("the absolute session lifetime must be at least the idle one and at most 30 days");
        }
        if (donorK < 2 || donorK > 1000) {
            throw new IllegalArgumentException("the donor k must be between 2 and 1000");
        }
        if (publicK < donorK || publicK > 1000) {
            throw new IllegalArgumentException("the public k must be at least the donor k and at most 1000");
        }
    }

    /**
     * The system clock, sessions idle 30 min / absolute 12 h, donor k 5, public k 10, no IATI publisher, and programme
     * reports computed at most half the processors at once ({@link ReportGate#forThisMachine()}).
     */
    public static Settings defaults() {
        return new Settings(Clock.systemUTC(), Duration.ofMinutes(30), Duration.ofHours(12),
                Audience.DONOR.defaultK(), Audience.PUBLIC.defaultK(), UNCONFIGURED_PUBLISHER, java.util.Set.of(), false,
                ReportGate.forThisMachine());
    }

    public Settings withClock(Clock clock) {
        return new Settings(clock, sessionIdle, sessionMax, donorK, publicK, publisher, trustedProxies, secureCookies, reportGate);
    }

    public Settings withSessions(Duration idle, Duration max) {
        return new Settings(clock, idle, max, donorK, publicK, publisher, trustedProxies, secureCookies, reportGate);
    }

    public Settings withK(int donor, int everyone) {
        return new Settings(clock, sessionIdle, sessionMax, donor, everyone, publisher, trustedProxies, secureCookies, reportGate);
    }

    public Settings withPublisher(Publisher publisher) {
        return new Settings(clock, sessionIdle, sessionMax, donorK, publicK, publisher, trustedProxies, secureCookies, reportGate);
    }

    /** With these reverse proxies trusted to name the client in {@code X-Forwarded-For} (IP addresses). */
    public Settings withTrustedProxies(java.util.Set<String> proxies) {
        return new Settings(clock, sessionIdle, sessionMax, donorK, publicK, publisher, proxies, secureCookies, reportGate);
    }

    /** With the pages' cookies marked Secure (or not): for a server reached over TLS. */
    public Settings withSecureCookies(boolean secure) {
        return new Settings(clock, sessionIdle, sessionMax, donorK, publicK, publisher, trustedProxies, secure, reportGate);
    }

    /** With programme reports computed through this gate (its bound and wait). */
    public Settings withReportGate(ReportGate gate) {
        return new Settings(clock, sessionIdle, sessionMax, donorK, publicK, publisher, trustedProxies, secureCookies, gate);
    }

    /** Disclosure control for a report read by {@code audience}, with the k configured for it. */
    public Disclosure disclosure(Audience audience) {
        return switch (audience) {
            case INTERNAL -> Disclosure.forAudience(Audience.INTERNAL);
            case DONOR -> Disclosure.forAudience(Audience.DONOR, donorK);
            case PUBLIC -> publicK > donorK ? Disclosure.forAudience(Audience.PUBLIC, publicK).over(Disclosure.forAudience(Audience.DONOR, donorK))
                    : Disclosure.forAudience(Audience.PUBLIC, publicK).withoutLower();
        };
    }
}
