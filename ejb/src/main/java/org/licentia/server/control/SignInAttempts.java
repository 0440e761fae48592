package org.licentia.server.control;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Slows down password guessing without locking anyone out. Failed sign-ins are counted per user
 * and client address: after {@code freeFailures} in a row, that user may try again from that
 * address only after a delay that doubles with each further failure, up to {@code maxDelay}. The
 * same user from another address is not slowed, so a guesser cannot lock the owner out (WildFly's
 * own protection, which this replaces, disabled the user for everyone for 15 minutes after ten
 * failures from anywhere). A success clears the count, and so do {@link #FORGET_AFTER} without a
 * failure. In memory, per server node; behind a reverse proxy, configure WildFly to take the client
 * address from the proxy's forwarding header, or every client shares the proxy's address.
 *
 * <p>One count for the whole application ({@link #shared()}): the API's Basic sign-in, SOAP's
 * UsernameToken and the console's sign-in form all guess the same passwords.
 */
public final class SignInAttempts {

    private static volatile SignInAttempts shared;

    /** The application's count, configured by {@code licentia.sign-in.free-failures} and {@code .max-delay}. */
    public static SignInAttempts shared() {
        SignInAttempts s = shared;
        if (s == null) {
            synchronized (SignInAttempts.class) {
                if (shared == null) {
                    Config config = ConfigProvider.getConfig(SignInAttempts.class.getClassLoader());
                    shared = new SignInAttempts(
                            config.getOptionalValue("licentia.sign-in.free-failures", Integer.class)
                                    .orElse(5),
                            config.getOptionalValue("licentia.sign-in.max-delay", String.class)
                                    .map(Duration::parse)
                                    .orElse(Duration.ofMinutes(1)));
                }
                s = shared;
            }
        }
        return s;
    }

    private static final int MAX_ENTRIES = 100_000;
    static final Duration FORGET_AFTER = Duration.ofMinutes(15);

    private record Failures(int count, Instant last) {}

    private final int freeFailures;
    private final Duration maxDelay;
    private final Map<String, Failures> failures = new ConcurrentHashMap<>();

    public SignInAttempts(int freeFailures, Duration maxDelay) {
        this.freeFailures = freeFailures;
        this.maxDelay = maxDelay;
    }

    /** Seconds this user must wait before trying again from this address; 0 when a try is allowed now. */
    public long waitSeconds(String user, String address, Instant now) {
        return wait(userKey(user, address), freeFailures, now);
    }

    public void failed(String user, String address, Instant now) {
        if (failures.size() > MAX_ENTRIES) {
            forgetOlderThan(now.minus(FORGET_AFTER));
        }
        failures.merge(
                userKey(user, address),
                new Failures(1, now),
                (a, b) -> a.last().isBefore(now.minus(FORGET_AFTER)) ? b : new Failures(a.count() + 1, now));
    }

    public void succeeded(String user, String address) {
        failures.remove(userKey(user, address));
    }

    private long wait(String key, int free, Instant now) {
        Failures f = failures.get(key);
        if (f == null || f.count() < free || f.last().isBefore(now.minus(FORGET_AFTER))) {
            return 0;
        }
        int doublings = Math.min(f.count() - free, 30);
        Duration delay = Duration.ofSeconds(1L << doublings);
        if (delay.compareTo(maxDelay) > 0) {
            delay = maxDelay;
        }
        long millis = Duration.between(now, f.last().plus(delay)).toMillis();
        return millis <= 0 ? 0 : (millis + 999) / 1000;
    }

    private void forgetOlderThan(Instant limit) {
        failures.values().removeIf(f -> f.last().isBefore(limit));
    }

    private static String userKey(String user, String address) {
        return user.strip().toLowerCase(Locale.ROOT) + "\n" + address;
    }
}
