package org.licentia.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntFunction;

/**
 * Runs N virtual clients, each on its own platform thread, for a fixed time or until the work runs
 * out, and merges what they measured. All clients are started before the clock starts, so thread
 * creation is not measured; the elapsed time ends when the last client has finished its last
 * request, so requests still in flight at the deadline are counted and timed in full.
 */
final class LoadRun {

    /** One virtual client's loop body. */
    @FunctionalInterface
    interface Worker {
        /** Does one iteration (one or more timed requests); false when there is no more work. */
        boolean step(Recorder recorder) throws InterruptedException;
    }

    /** What a run measured; rates count successful (2xx) requests only. */
    record Result(int clients, double seconds, Map<Operation, Latencies> latencies, Map<Operation, Long> errors) {

        Latencies latencies(Operation op) {
            return latencies.getOrDefault(op, Latencies.NONE);
        }

        double rate(Operation op) {
            return latencies(op).count() / seconds;
        }

        long errors(Operation op) {
            return errors.getOrDefault(op, 0L);
        }

        /** Successful requests of all the given operations, per second. */
        double rate(Operation... ops) {
            double sum = 0;
            for (Operation op : ops) {
                sum += rate(op);
            }
            return sum;
        }

        long errors(Operation... ops) {
            long sum = 0;
            for (Operation op : ops) {
                sum += errors(op);
            }
            return sum;
        }
    }

    private LoadRun() {
    }

    static Result forDuration(int clients, Duration duration, IntFunction<Worker> workers) throws InterruptedException {
        return run(clients, duration.toNanos(), workers);
    }

    /** Runs until every client's worker has said there is no more work. */
    static Result untilDone(int clients, IntFunction<Worker> workers) throws InterruptedException {
        return run(clients, Long.MAX_VALUE, workers);
    }

    private static Result run(int clients, long nanos, IntFunction<Worker> workers) throws InterruptedException {
        Recorder[] recorders = new Recorder[clients];
        List<Thread> threads = new ArrayList<>(clients);
        CountDownLatch ready = new CountDownLatch(clients);
        CountDownLatch go = new CountDownLatch(1);
        long[] deadline = new long[1];
        AtomicReference<RuntimeException> failure = new AtomicReference<>();
        for (int c = 0; c < clients; c++) {
            Worker worker = workers.apply(c);
            Recorder recorder = new Recorder();
            recorders[c] = recorder;
            Thread thread = new Thread(() -> {
                ready.countDown();
                try {
                    go.await();
                    long end = deadline[0];
                    while ((nanos == Long.MAX_VALUE || System.nanoTime() - end < 0) && worker.step(recorder)) {
                        // the worker records what it did
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } catch (RuntimeException e) {
                    failure.compareAndSet(null, e);
                }
            }, "bench-client-" + c);
            thread.setDaemon(true);
            threads.add(thread);
            thread.start();
        }
        ready.await();
        long start = System.nanoTime();
        deadline[0] = nanos == Long.MAX_VALUE ? Long.MAX_VALUE : start + nanos;
        go.countDown();
        for (Thread thread : threads) {
            thread.join();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        if (failure.get() != null) {
            throw new IllegalStateException("a benchmark client failed", failure.get());
        }
        Map<Operation, Latencies> latencies = new EnumMap<>(Operation.class);
        Map<Operation, Long> errors = new EnumMap<>(Operation.class);
        for (Operation op : Operation.values()) {
            long[][] parts = new long[clients][];
            int total = 0;
            long failed = 0;
            for (int c = 0; c < clients; c++) {
                parts[c] = recorders[c].latencies(op);
                total += parts[c].length;
                failed += recorders[c].errors(op);
            }
            if (total == 0 && failed == 0) {
                continue;
            }
            long[] all = new long[total];
            int at = 0;
            for (long[] part : parts) {
                System.arraycopy(part, 0, all, at, part.length);
                at += part.length;
            }
            latencies.put(op, Latencies.of(all));
            errors.put(op, failed);
        }
        return new Result(clients, seconds, latencies, errors);
    }
}
