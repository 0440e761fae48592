package org.licentia.bench;

import java.util.Arrays;
import java.util.Locale;

/**
 * A latency distribution reduced to the figures the benchmark reports. Percentiles are exact
 * (nearest rank over the sorted samples), not estimated from buckets: a run holds at most a few
 * million samples, which sort in well under a second.
 */
record Latencies(int count, long p50Nanos, long p99Nanos, long maxNanos) {

    static final Latencies NONE = new Latencies(0, 0, 0, 0);

    static Latencies of(long[] nanos) {
        if (nanos.length == 0) {
            return NONE;
        }
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return new Latencies(
                sorted.length, percentile(sorted, 0.50), percentile(sorted, 0.99), sorted[sorted.length - 1]);
    }

    /** The samples of {@code nanos[from, to)} that are not negative (negative marks a failed request). */
    static Latencies ofRange(long[] nanos, int from, int to) {
        return of(Arrays.stream(nanos, from, to).filter(n -> n >= 0).toArray());
    }

    private static long percentile(long[] sorted, double p) {
        int rank = (int) Math.ceil(p * sorted.length);
        return sorted[Math.max(0, rank - 1)];
    }

    double p50Millis() {
        return p50Nanos / 1e6;
    }

    double p99Millis() {
        return p99Nanos / 1e6;
    }

    static String millis(long nanos) {
        return String.format(Locale.ROOT, "%.2f", nanos / 1e6);
    }
}
