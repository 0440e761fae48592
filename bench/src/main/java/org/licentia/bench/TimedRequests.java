package org.licentia.bench;

import java.io.IOException;
import java.net.URI;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.IntPredicate;

/**
 * Timed requests on keep-alive connections, one per load thread (as a client application keeps
 * one), each recorded as a success or an error of its {@link Operation}. An answer the caller did
 * not expect, or an I/O failure, is an error; the first few are printed so that a failing run says
 * why, and all are tallied by status and problem code.
 */
final class TimedRequests {

    private static final int ERRORS_SHOWN = 10;

    /** A timed answer; status 0 and no body after an I/O failure. */
    record Reply(int status, String body, long nanos, boolean ok) {}

    private final ThreadLocal<HttpConnection> connections;
    private final AtomicInteger errorsSeen = new AtomicInteger();
    private final Map<String, LongAdder> errorKinds = new ConcurrentHashMap<>();

    TimedRequests(URI server) {
        this.connections = ThreadLocal.withInitial(() -> new HttpConnection(server));
    }

    /** The baseline: a request that goes through the same server stack but does no licensing work (no sign-in). */
    Reply ping(Recorder recorder) {
        return exchange(recorder, Operation.PING, TimedRequests::isSuccess, "GET", "/api/v1/ping", null, null);
    }

    /** One request; it counts as a success when {@code expected} accepts its status. */
    Reply exchange(
            Recorder recorder,
            Operation op,
            IntPredicate expected,
            String method,
            String path,
            String authorization,
            String body) {
        long start = System.nanoTime();
        try {
            HttpConnection.Answer answer = connections.get().exchange(method, path, authorization, body);
            long nanos = System.nanoTime() - start;
            boolean ok = expected.test(answer.status());
            if (ok) {
                recorder.success(op, nanos);
            } else {
                recorder.error(op);
                tally(op, "HTTP " + answer.status() + problemCode(answer.body()));
                show(op, method, path, "HTTP " + answer.status() + " " + answer.body());
            }
            return new Reply(answer.status(), answer.body(), nanos, ok);
        } catch (IOException e) {
            recorder.error(op);
            tally(op, e.getClass().getSimpleName());
            show(op, method, path, e.toString());
            return new Reply(0, null, System.nanoTime() - start, false);
        }
    }

    static boolean isSuccess(int status) {
        return status >= 200 && status < 300;
    }

    /** How many errors were seen in all runs so far. */
    int errorsSeen() {
        return errorsSeen.get();
    }

    /** The errors of all runs so far by operation and kind ({@code "activate HTTP 409 ACTIVATION_LIMIT_REACHED"}), with their counts. */
    Map<String, Long> errorKinds() {
        Map<String, Long> kinds = new TreeMap<>();
        errorKinds.forEach((kind, n) -> kinds.put(kind, n.sum()));
        return kinds;
    }

    private void tally(Operation op, String kind) {
        errorKinds
                .computeIfAbsent(op.label() + " " + kind, k -> new LongAdder())
                .increment();
    }

    /** The {@code code} member of a problem+json answer, found without parsing (errors only), or nothing. */
    private static String problemCode(String body) {
        int at = body == null ? -1 : body.indexOf("\"code\":\"");
        if (at < 0) {
            return "";
        }
        int end = body.indexOf('"', at + 8);
        return end < 0 ? "" : " " + body.substring(at + 8, end);
    }

    private void show(Operation op, String method, String path, String what) {
        int n = errorsSeen.incrementAndGet();
        if (n <= ERRORS_SHOWN) {
            String text = what.length() > 400 ? what.substring(0, 400) + "..." : what;
            System.out.printf("  ! %s error (%s %s): %s%n", op.label(), method, path, text);
            if (n == ERRORS_SHOWN) {
                System.out.println("  ! (further errors are counted, not shown)");
            }
        }
    }
}
