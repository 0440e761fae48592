package org.licentia.server.control;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.licentia.errors.ErrorCode;
import org.licentia.errors.LicensingException;

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
 *
 * <p>On-prem instances forward the e-mail and password that someone typed at them to register
 * licenses. A registered instance vouches, with its signature, for the address of whoever typed
 * them ({@link Source#vouchedBy}); those tries count against that address at that instance, so a
 * guesser behind an instance slows neither the owner behind the same instance nor the owner's own
 * sign-ins from the instance's host. So that an instance cannot make up addresses to guess freely,
 * all tries through one instance also share a count with {@link #PER_INSTANCE} times the free
 * failures.
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

    /** How many times the free failures all the addresses behind one instance share. */
    public static final int PER_INSTANCE = 10;

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

    /**
     * Where sign-in tries come from: a client's address, or the address of an on-prem instance's
     * user for which that instance vouched with its signature.
     */
    public record Source(String address, String instanceId) {

        public static Source address(String address) {
            return new Source(address, null);
        }

        public static Source vouchedBy(String instanceId, String clientAddress) {
            return new Source(clientAddress, instanceId);
        }

        private String key() {
            return instanceId == null ? address : "instance " + instanceId + " for " + address;
        }

        private String instanceKey() {
            return "instance " + instanceId;
        }
    }

    /** Seconds this user must wait before trying again from this address; 0 when a try is allowed now. */
    public long waitSeconds(String user, String address, Instant now) {
        return waitSeconds(user, Source.address(address), now);
    }

    public void failed(String user, String address, Instant now) {
        failed(user, Source.address(address), now);
    }

    public void succeeded(String user, String address) {
        succeeded(user, Source.address(address));
    }

    /** Seconds this user must wait before trying again from there; 0 when a try is allowed now. */
    public long waitSeconds(String user, Source from, Instant now) {
        long wait = wait(userKey(user, from.key()), freeFailures, now);
        if (from.instanceId() != null) {
            wait = Math.max(wait, wait(userKey(user, from.instanceKey()), freeFailures * PER_INSTANCE, now));
        }
        return wait;
    }

    public void failed(String user, Source from, Instant now) {
        if (failures.size() > MAX_ENTRIES) {
            forgetOlderThan(now.minus(FORGET_AFTER));
        }
        count(userKey(user, from.key()), now);
        if (from.instanceId() != null) {
            count(userKey(user, from.instanceKey()), now);
        }
    }

    public void succeeded(String user, Source from) {
        failures.remove(userKey(user, from.key()));
        if (from.instanceId() != null) {
            failures.remove(userKey(user, from.instanceKey()));
        }
    }

    /** Too many wrong passwords for this user from this address: a wait, not a lock. */
    public static LicensingException slowDown(long waitSeconds) {
        return new LicensingException(
                ErrorCode.RATE_LIMITED,
                "Too many failed sign-ins for this user from your address: try again in " + waitSeconds + " seconds",
                Map.of("retryAfterSeconds", Long.toString(waitSeconds)));
    }

    private void count(String key, Instant now) {
        failures.merge(
                key,
                new Failures(1, now),
                (a, b) -> a.last().isBefore(now.minus(FORGET_AFTER)) ? b : new Failures(a.count() + 1, now));
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
