package org.licentia.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntFunction;

/**
 * Runs N virtual clients, each on its own platform thread, for a fixed time or until the work runs
 * out, and merges what they measured. All clients are started before the clock starts, so thread
 * creation is not measured; the elapsed time ends when the last client has finished its last
 * request, so requests still in flight at the deadline are counted and timed in full.
 *
 * <p>The threads are kept between runs (a cached pool), and with them each thread's keep-alive
 * connection ({@link TimedRequests}): a run after another one does not open its connections again,
 * and the server is not left with a connection per thread of every earlier run.
 */
final class LoadRun {

    private static final AtomicInteger THREADS = new AtomicInteger();
    private static final ExecutorService CLIENTS = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "bench-client-" + THREADS.getAndIncrement());
        thread.setDaemon(true);
        return thread;
    });

    /** One virtual client's loop body. */
    @FunctionalInterface
    interface Worker {
        /** Does one iteration (one or more timed requests); false when there is no more work. */
        boolean step(Recorder recorder) throws InterruptedException;
    }

    /**
     * What a run measured; rates count successful (2xx) requests only. {@code samples} are the
     * latencies of the successful requests, kept so that runs can be merged.
     */
    record Result(
            int clients,
            double seconds,
            Map<Operation, Latencies> latencies,
            Map<Operation, Long> errors,
            Map<Operation, long[]> samples) {

        /** The runs as one: their times, requests and errors added up. */
        static Result merge(List<Result> runs) {
            double seconds = 0;
            Map<Operation, List<long[]>> parts = new EnumMap<>(Operation.class);
            Map<Operation, Long> errors = new EnumMap<>(Operation.class);
            for (Result run : runs) {
                seconds += run.seconds();
                run.samples()
                        .forEach((op, nanos) -> parts.computeIfAbsent(op, o -> new ArrayList<>())
                                .add(nanos));
                run.errors().forEach((op, n) -> errors.merge(op, n, Long::sum));
            }
            return of(runs.isEmpty() ? 0 : runs.get(0).clients(), seconds, parts, errors);
        }

        private static Result of(
                int clients, double seconds, Map<Operation, List<long[]>> parts, Map<Operation, Long> errors) {
            Map<Operation, long[]> samples = new EnumMap<>(Operation.class);
            Map<Operation, Latencies> latencies = new EnumMap<>(Operation.class);
            parts.forEach((op, arrays) -> {
                long[] all = new long[arrays.stream().mapToInt(a -> a.length).sum()];
                int at = 0;
                for (long[] part : arrays) {
                    System.arraycopy(part, 0, all, at, part.length);
                    at += part.length;
                }
                samples.put(op, all);
                latencies.put(op, Latencies.of(all));
            });
            return new Result(clients, seconds, latencies, errors, samples);
        }

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

    private LoadRun() {}

    static Result forDuration(int clients, Duration duration, IntFunction<Worker> workers) throws InterruptedException {
        return run(clients, duration.toNanos(), workers);
    }

    /** Runs until every client's worker has said there is no more work. */
    static Result untilDone(int clients, IntFunction<Worker> workers) throws InterruptedException {
        return run(clients, Long.MAX_VALUE, workers);
    }

    private static Result run(int clients, long nanos, IntFunction<Worker> workers) throws InterruptedException {
        Recorder[] recorders = new Recorder[clients];
        CountDownLatch ready = new CountDownLatch(clients);
        CountDownLatch go = new CountDownLatch(1);
        CountDownLatch done = new CountDownLatch(clients);
        long[] deadline = new long[1];
        AtomicReference<RuntimeException> failure = new AtomicReference<>();
        for (int c = 0; c < clients; c++) {
            Worker worker = workers.apply(c);
            Recorder recorder = new Recorder();
            recorders[c] = recorder;
            CLIENTS.execute(() -> {
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
                } finally {
                    done.countDown();
                }
            });
        }
        ready.await();
        long start = System.nanoTime();
        deadline[0] = nanos == Long.MAX_VALUE ? Long.MAX_VALUE : start + nanos;
        go.countDown();
        done.await();
        double seconds = (System.nanoTime() - start) / 1e9;
        if (failure.get() != null) {
            throw new IllegalStateException("a benchmark client failed", failure.get());
        }
        Map<Operation, List<long[]>> parts = new EnumMap<>(Operation.class);
        Map<Operation, Long> errors = new EnumMap<>(Operation.class);
        for (Operation op : Operation.values()) {
            List<long[]> ofOp = new ArrayList<>(clients);
            long failed = 0;
            for (Recorder recorder : recorders) {
                ofOp.add(recorder.latencies(op));
                failed += recorder.errors(op);
            }
            if (failed > 0 || ofOp.stream().anyMatch(a -> a.length > 0)) {
                parts.put(op, ofOp);
                errors.put(op, failed);
            }
        }
        return Result.of(clients, seconds, parts, errors);
    }
}
