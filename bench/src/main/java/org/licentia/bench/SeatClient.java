package org.licentia.bench;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The seat API as a client application calls it (docs/seats.md), with a client token, every call
 * timed and recorded. A 2xx answer is a success; anything else, and any I/O failure, is an error,
 * and the first few errors are printed so that a failing run says why.
 */
final class SeatClient {

    private static final int ERRORS_SHOWN = 10;
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final HttpClient http;
    private final String base;
    private final String bearer;
    private final AtomicInteger errorsSeen = new AtomicInteger();

    /** A timed answer; status 0 and no body after an I/O failure. */
    record Reply(int status, String body, long nanos) {

        boolean ok() {
            return status >= 200 && status < 300;
        }

        /** The lease's id from a reserve answer: {@code {"lease": {"id": ...}, ...}}. */
        String leaseId() {
            // {"document":{...},"lease":{...,"id":"..."}}: the document has no "id" member, so the first is the lease's
            int at = body.indexOf("\"id\":\"");
            return body.substring(at + 6, body.indexOf('"', at + 6));
        }
    }

    SeatClient(HttpClient http, String base, String token) {
        this.http = http;
        this.base = base;
        this.bearer = "Bearer " + token;
        URI server = URI.create(base);
        this.connections = ThreadLocal.withInitial(() -> new HttpConnection(server));
    }

    /** The baseline: a request that goes through the same server stack but does no seat work (no sign-in). */
    Reply ping(Recorder recorder) {
        return exchange(recorder, Operation.PING, "GET", "/api/v1/ping", null, null);
    }

    Reply reserve(Recorder recorder, String license, String client) {
        // license numbers and the benchmark's client ids need no JSON escaping
        return exchange(recorder, Operation.RESERVE, "POST", "/api/v1/seats", bearer,
                "{\"license\":\"" + license + "\",\"client\":\"" + client + "\"}");
    }

    /** The contract gives the heartbeat no body; an empty JSON object is sent so that any {@code @Consumes} matches. */
    Reply heartbeat(Recorder recorder, String leaseId) {
        return exchange(recorder, Operation.HEARTBEAT, "POST", "/api/v1/seats/" + segment(leaseId) + "/heartbeat", bearer, "{}");
    }

    Reply release(Recorder recorder, String leaseId) {
        return exchange(recorder, Operation.RELEASE, "DELETE", "/api/v1/seats/" + segment(leaseId), bearer, null);
    }

    /** How many errors were seen in all runs so far. */
    int errorsSeen() {
        return errorsSeen.get();
    }

    /** Each load thread keeps its own connection, as a client application would. */
    private final ThreadLocal<HttpConnection> connections;

    private Reply exchange(Recorder recorder, Operation op, String method, String path, String authorization, String body) {
        long start = System.nanoTime();
        try {
            HttpConnection.Answer answer = connections.get().exchange(method, path, authorization, body);
            Reply reply = new Reply(answer.status(), answer.body(), System.nanoTime() - start);
            if (reply.ok()) {
                recorder.success(op, reply.nanos());
            } else {
                recorder.error(op);
                show(op, method, path, "HTTP " + reply.status() + " " + reply.body());
            }
            return reply;
        } catch (IOException e) {
            recorder.error(op);
            show(op, method, path, e.toString());
            return new Reply(0, null, System.nanoTime() - start);
        }
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

    /** Lease ids are opaque to clients: encoded, so that any character the server uses survives the path. */
    private static String segment(String leaseId) {
        return URLEncoder.encode(leaseId, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
