package org.licentia.seats.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.licentia.seats.entity.SeatUsage;

/**
 * Counts seat events in memory; {@link UsageFlush} writes them to {@link SeatUsage} rows once a
 * minute (and when the server stops): a database write per reservation would cap the seat rate at
 * the database's update rate on one hot row. A crash loses at most the last minute's counts, never
 * a lease.
 */
@ApplicationScoped
public class UsageCounters {

    private static final Logger LOG = Logger.getLogger(UsageCounters.class.getName());

    public record Key(String license, Instant hour) {}

    private final Map<Key, AtomicLongArray> counts = new ConcurrentHashMap<>();

    @Inject
    UsageRecords records;

    @Inject
    SeatMetrics metrics;

    public void count(String license, SeatUsage.Event event) {
        count(license, event, 1);
    }

    public void count(String license, SeatUsage.Event event, int n) {
        if (n > 0) {
            Key key = new Key(license, Instant.now().truncatedTo(ChronoUnit.HOURS));
            counts.computeIfAbsent(key, k -> new AtomicLongArray(SeatUsage.Event.values().length))
                    .addAndGet(event.ordinal(), n);
            metrics.counted(license, event, n);
        }
    }

    /** Writes the counts so far; on failure they are kept for the next attempt. */
    public void flush() {
        Instant thisHour = Instant.now().truncatedTo(ChronoUnit.HOURS);
        Map<Key, long[]> deltas = new HashMap<>();
        counts.forEach((key, array) -> {
            long[] delta = new long[array.length()];
            boolean any = false;
            for (int i = 0; i < delta.length; i++) {
                delta[i] = array.getAndSet(i, 0);
                any |= delta[i] != 0;
            }
            if (any) {
                deltas.put(key, delta);
            }
            if (key.hour().isBefore(thisHour)) {
                counts.remove(key, array);
            }
        });
        if (deltas.isEmpty()) {
            return;
        }
        try {
            records.add(deltas);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not write seat usage records; kept for the next attempt: {0}", e.toString());
            deltas.forEach((key, delta) -> {
                AtomicLongArray array = counts.computeIfAbsent(key, k -> new AtomicLongArray(delta.length));
                for (int i = 0; i < delta.length; i++) {
                    array.addAndGet(i, delta[i]);
                }
            });
        }
    }
}
