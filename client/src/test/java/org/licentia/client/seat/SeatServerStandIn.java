package org.licentia.client.seat;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Function;
import java.util.function.Supplier;
import org.licentia.client.http.ServerStandIn;

/**
 * The seat API of docs/seats.md played by the JDK's HTTP server: signed leases that last {@link #ttl},
 * with each operation's answer replaceable by a test.
 */
final class SeatServerStandIn extends ServerStandIn {

    static final String TOKEN = "lct_7Hq2.s3cr3t";

    volatile LeaseSigner signer = new LeaseSigner("2026-11");
    volatile Supplier<String> keys = () -> signer.keysJson();
    volatile Duration ttl = Duration.ofSeconds(3);
    volatile int heartbeatSeconds = 1;
    volatile Function<Request, Answer> heartbeat = this::renewed;
    volatile Function<Request, Answer> release = request -> new Answer(204, null, "");

    SeatServerStandIn() throws IOException {}

    /** Lease ids are the license number and the client, so that reserving again gives the same lease (tests use plain client names). */
    static String leaseId(String license, String client) {
        return license + "." + client;
    }

    Answer lease(String leaseId, String client, boolean borrowed, int status) {
        return new Answer(
                status,
                "application/json",
                signer.answer(leaseId, client, Instant.now().plus(ttl), borrowed ? 0 : heartbeatSeconds, borrowed));
    }

    private Answer renewed(Request request) {
        String leaseId = request.path().split("/")[4];
        return lease(leaseId, leaseId.substring(leaseId.indexOf('.') + 1), false, 200);
    }

    @Override
    protected Answer route(Request request) {
        if (!("Bearer " + TOKEN).equals(request.authorization())) {
            return Answer.problem(
                    401, "INVALID_CLIENT_TOKEN", "Missing, malformed, unknown or revoked client token", null);
        }
        String path = request.path();
        return switch (request.method() + " " + path) {
            case "GET /api/v1/seats/keys" -> new Answer(200, "application/json", keys.get());
            case "POST /api/v1/seats", "POST /api/v1/seats/borrow" -> {
                JsonObject body = request.json();
                String license = body.getString("license", "96023021");
                String client = body.getString("client");
                yield lease(leaseId(license, client), client, path.endsWith("borrow"), 201);
            }
            default -> {
                if (request.method().equals("POST")
                        && path.startsWith("/api/v1/seats/")
                        && path.endsWith("/heartbeat")) {
                    yield heartbeat.apply(request);
                }
                if (request.method().equals("DELETE") && path.startsWith("/api/v1/seats/")) {
                    yield release.apply(request);
                }
                yield Answer.problem(404, "RESOURCE_NOT_FOUND", "No such resource", null);
            }
        };
    }
}
