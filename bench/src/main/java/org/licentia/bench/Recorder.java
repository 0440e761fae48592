package org.licentia.bench;

import java.util.Arrays;

/**
 * What one virtual client measured: the latency of each successful request, per operation, and
 * the number of failed ones. Each client thread has its own, so recording needs no locking; the
 * run reads them only after the threads have ended.
 */
final class Recorder {

    private final long[][] latencies = new long[Operation.values().length][1024];
    private final int[] sizes = new int[Operation.values().length];
    private final long[] errors = new long[Operation.values().length];

    void success(Operation op, long nanos) {
        int i = op.ordinal();
        if (sizes[i] == latencies[i].length) {
            latencies[i] = Arrays.copyOf(latencies[i], latencies[i].length * 2);
        }
        latencies[i][sizes[i]++] = nanos;
    }

    void error(Operation op) {
        errors[op.ordinal()]++;
    }

    long[] latencies(Operation op) {
        return Arrays.copyOf(latencies[op.ordinal()], sizes[op.ordinal()]);
    }

    long errors(Operation op) {
        return errors[op.ordinal()];
    }
}
