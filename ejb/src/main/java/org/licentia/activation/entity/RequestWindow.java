package org.licentia.activation.entity;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A sliding window of requests per client address: at most {@code limit} in any {@code window}
 * (not per calendar minute, which let twice the limit through across a minute's boundary). Each
 * address keeps the times of its last admitted requests, at most {@code limit} of them; addresses
 * quiet for a whole window are forgotten.
 */
public final class RequestWindow {

    private final Duration window;
    private final Map<String, Deque<Instant>> admitted = new ConcurrentHashMap<>();
    private volatile Instant lastCleanup = Instant.EPOCH;

    public RequestWindow(Duration window) {
        this.window = window;
    }

    /** Seconds until the address may send again, or 0 when this request is admitted (and counted). */
    public long admit(String address, int limit, Instant now) {
        forgetQuietAddresses(now);
        Deque<Instant> times = admitted.computeIfAbsent(address, a -> new ArrayDeque<>());
        synchronized (times) {
            Instant start = now.minus(window);
            while (!times.isEmpty() && !times.peekFirst().isAfter(start)) {
                times.pollFirst();
            }
            if (times.size() >= limit) {
                Instant freeAt = times.peekFirst().plus(window);
                return Math.max(1, (Duration.between(now, freeAt).toMillis() + 999) / 1000);
            }
            times.addLast(now);
            return 0;
        }
    }

    private void forgetQuietAddresses(Instant now) {
        if (Duration.between(lastCleanup, now).compareTo(window) < 0) {
            return;
        }
        lastCleanup = now;
        Instant start = now.minus(window);
        for (Iterator<Deque<Instant>> it = admitted.values().iterator(); it.hasNext(); ) {
            Deque<Instant> times = it.next();
            synchronized (times) {
                if (times.isEmpty() || !times.peekLast().isAfter(start)) {
                    it.remove();
                }
            }
        }
    }

    int addresses() {
        return admitted.size();
    }
}
