package org.licentia.bench;

import jakarta.json.Json;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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
            return Json.createReader(new StringReader(body)).readObject().getJsonObject("lease").getString("id");
        }
    }

    SeatClient(HttpClient http, String base, String token) {
        this.http = http;
        this.base = base;
        this.bearer = "Bearer " + token;
    }

    /** The baseline: a request that goes through the same server stack but does no seat work (no sign-in). */
    Reply ping(Recorder recorder) throws InterruptedException {
        return exchange(recorder, Operation.PING, request("/api/v1/ping").GET().build());
    }

    Reply reserve(Recorder recorder, String license, String client) throws InterruptedException {
        String body = Json.createObjectBuilder().add("license", license).add("client", client).build().toString();
        return exchange(recorder, Operation.RESERVE, authorized("/api/v1/seats").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    /** The contract gives the heartbeat no body; an empty JSON object is sent so that any {@code @Consumes} matches. */
    Reply heartbeat(Recorder recorder, String leaseId) throws InterruptedException {
        return exchange(recorder, Operation.HEARTBEAT, authorized("/api/v1/seats/" + segment(leaseId) + "/heartbeat")
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}")).build());
    }

    Reply release(Recorder recorder, String leaseId) throws InterruptedException {
        return exchange(recorder, Operation.RELEASE, authorized("/api/v1/seats/" + segment(leaseId)).DELETE().build());
    }

    /** How many errors were seen in all runs so far. */
    int errorsSeen() {
        return errorsSeen.get();
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(base + path)).timeout(TIMEOUT).header("Accept", "application/json");
    }

    private HttpRequest.Builder authorized(String path) {
        return request(path).header("Authorization", bearer);
    }

    private Reply exchange(Recorder recorder, Operation op, HttpRequest request) throws InterruptedException {
        long start = System.nanoTime();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            Reply reply = new Reply(response.statusCode(), response.body(), System.nanoTime() - start);
            if (reply.ok()) {
                recorder.success(op, reply.nanos());
            } else {
                recorder.error(op);
                show(op, request, "HTTP " + reply.status() + " " + reply.body());
            }
            return reply;
        } catch (IOException e) {
            recorder.error(op);
            show(op, request, e.toString());
            return new Reply(0, null, System.nanoTime() - start);
        }
    }

    private void show(Operation op, HttpRequest request, String what) {
        int n = errorsSeen.incrementAndGet();
        if (n <= ERRORS_SHOWN) {
            String text = what.length() > 400 ? what.substring(0, 400) + "..." : what;
            System.out.printf("  ! %s error (%s %s): %s%n", op.label(), request.method(), request.uri().getPath(), text);
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
