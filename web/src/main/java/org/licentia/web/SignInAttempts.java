package org.licentia.web;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows down password guessing without locking anyone out. Failed sign-ins are counted per user
 * and client address: after {@code freeFailures} in a row, that user may try again from that
 * address only after a delay that doubles with each further failure, up to {@code maxDelay}. The
 * same user from another address is not slowed, so a guesser cannot lock the owner out (WildFly's
 * own protection, which this replaces, disabled the user for everyone for 15 minutes after ten
 * failures from anywhere). A success clears the count. An address failing for many users is slowed
 * the same way, with four times the free failures. In memory, per server node.
 */
public final class SignInAttempts {

    private static final int MAX_ENTRIES = 100_000;

    private record Failures(int count, Instant last) {
    }

    private final int freeFailures;
    private final Duration maxDelay;
    private final Map<String, Failures> failures = new ConcurrentHashMap<>();

    public SignInAttempts(int freeFailures, Duration maxDelay) {
        this.freeFailures = freeFailures;
        this.maxDelay = maxDelay;
    }

    /** Seconds this user must wait before trying again from this address; 0 when a try is allowed now. */
    public long waitSeconds(String user, String address, Instant now) {
        return Math.max(wait(userKey(user, address), freeFailures, now), wait(addressKey(address), 4 * freeFailures, now));
    }

    public void failed(String user, String address, Instant now) {
        if (failures.size() > MAX_ENTRIES) {
            forgetOlderThan(now.minus(maxDelay.multipliedBy(2)));
        }
        failures.merge(userKey(user, address), new Failures(1, now), (a, b) -> new Failures(a.count() + 1, now));
        failures.merge(addressKey(address), new Failures(1, now), (a, b) -> new Failures(a.count() + 1, now));
    }

    public void succeeded(String user, String address) {
        failures.remove(userKey(user, address));
    }

    private long wait(String key, int free, Instant now) {
        Failures f = failures.get(key);
        if (f == null || f.count() < free) {
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

    private static String addressKey(String address) {
        return "\n" + address;
    }
}
