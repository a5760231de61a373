package org.cadre.server.security;

import com.google.common.cache.Cache;
import com.google.common.cache.CacheBuilder;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;

/**
 * Slows down password guessing, per username and per client address, within a sliding window:
 * <ul>
 *   <li>a username takes {@code perUser} failed logins; then every attempt for it is refused until the
 *       oldest failure leaves the window;
 *   <li>an address takes failures for {@code perAddress} different usernames (password spraying); one
 *       person's own mistakes, however many, count once there, so they never lock out an office that
 *       shares an address.
 * </ul>
 * An attempt is reserved before the password is checked ({@link #begin}) and counts as a failure while
 * it is under way, so a burst of parallel guesses cannot all slip through before the first is counted.
 * State is bounded: at most {@value #MAX_KEYS} usernames and addresses are tracked, each forgotten once
 * its window has passed unused.
 */
public final class LoginThrottle {

    /** The most usernames (and, separately, addresses) whose failures are kept. */
    public static final int MAX_KEYS = 100_000;

    private final Clock clock;
    private final int perUser;
    private final int perAddress;
    private final Duration window;
    private final Cache<String, UserWindow> users;
    private final Cache<String, AddressWindow> addresses;

    public LoginThrottle(Clock clock, int perUser, int perAddress, Duration window) {
        this.clock = clock;
        this.perUser = perUser;
        this.perAddress = perAddress;
        this.window = window;
        this.users = CacheBuilder.newBuilder().maximumSize(MAX_KEYS).expireAfterAccess(window).build();
        this.addresses = CacheBuilder.newBuilder().maximumSize(MAX_KEYS).expireAfterAccess(window).build();
    }

    /** An attempt under way: end it with {@link #failed()} or {@link #succeeded()}. */
    public final class Attempt {
        private final UserWindow user;
        private final AddressWindow address;
        private final String username;
        private boolean ended;

        private Attempt(UserWindow user, AddressWindow address, String username) {
            this.user = user;
            this.address = address;
            this.username = username;
        }

        /** The password was wrong (or the user unknown): the attempt stays counted. */
        public void failed() {
            long now = clock.millis();
            synchronized (user) {
                if (ended) {
                    return;
                }
                ended = true;
                user.pending--;
                user.failures.addLast(now);
            }
            synchronized (address) {
                address.usernames.put(username, now);
            }
        }

        /** The login succeeded: the username's failures are forgotten. */
        public void succeeded() {
            synchronized (user) {
                if (ended) {
                    return;
                }
                ended = true;
                user.pending--;
                user.failures.clear();
            }
        }
    }

    /**
     * Reserves an attempt for the username from the address, or empty when either is locked. The username
     * is compared without regard to case (as logins are).
     */
    public Optional<Attempt> begin(String username, String address) {
        String key = username.toLowerCase(Locale.ROOT);
        UserWindow user = get(users, key, UserWindow::new);
        AddressWindow from = get(addresses, address, AddressWindow::new);
        long cutoff = clock.millis() - window.toMillis();
        synchronized (from) {
            from.prune(cutoff);
            if (from.usernames.size() >= perAddress && !from.usernames.containsKey(key)) {
                return Optional.empty();
            }
        }
        synchronized (user) {
            user.prune(cutoff);
            if (user.failures.size() + user.pending >= perUser) {
                return Optional.empty();
            }
            user.pending++;
        }
        return Optional.of(new Attempt(user, from, key));
    }

    private static <V> V get(Cache<String, V> cache, String key, java.util.function.Supplier<V> create) {
        try {
            return cache.get(key, create::get);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e);
        }
    }

    private static final class UserWindow {
        final Deque<Long> failures = new ArrayDeque<>();
        int pending;

        void prune(long cutoff) {
            while (!failures.isEmpty() && failures.peekFirst() < cutoff) {
                failures.removeFirst();
            }
        }
    }

    private static final class AddressWindow {
        final Map<String, Long> usernames = new HashMap<>();

        void prune(long cutoff) {
            for (Iterator<Long> at = usernames.values().iterator(); at.hasNext(); ) {
                if (at.next() < cutoff) {
                    at.remove();
                }
            }
        }
    }
}
