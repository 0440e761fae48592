package org.licentia.client.seat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The seat API of docs/seats.md played by the JDK's HTTP server: signed leases that last {@link #ttl},
 * with each operation's answer replaceable by a test.
 */
final class SeatServerStandIn implements AutoCloseable {

    static final String TOKEN = "lct_7Hq2.s3cr3t";

    record Request(String method, String path, String authorization, String body) {
        JsonObject json() {
            return Json.createReader(new StringReader(body)).readObject();
        }
    }

    record Answer(int status, String contentType, String body) {
        static Answer problem(int status, String code, String detail, String details) {
            return new Answer(status, "application/problem+json", "{\"status\":" + status + ",\"code\":\"" + code + "\",\"detail\":\""
                    + detail + "\"" + (details == null ? "" : ",\"details\":" + details) + "}");
        }
    }

    volatile LeaseSigner signer = new LeaseSigner("2026-11");
    volatile Supplier<String> keys = () -> signer.keysJson();
    volatile Duration ttl = Duration.ofSeconds(3);
    volatile int heartbeatSeconds = 1;
    volatile Function<Request, Answer> heartbeat = this::renewed;
    volatile Function<Request, Answer> release = request -> new Answer(204, null, "");
    final List<Request> requests = new CopyOnWriteArrayList<>();
    final String url;
    private final HttpServer server;

    SeatServerStandIn() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::answer);
        server.start();
        url = "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Lease ids are the license number and the client, so that reserving again gives the same lease (tests use plain client names). */
    static String leaseId(String license, String client) {
        return license + "." + client;
    }

    Answer lease(String leaseId, String client, boolean borrowed, int status) {
        return new Answer(status, "application/json",
                signer.answer(leaseId, client, Instant.now().plus(ttl), borrowed ? 0 : heartbeatSeconds, borrowed));
    }

    private Answer renewed(Request request) {
        String leaseId = request.path().split("/")[4];
        return lease(leaseId, leaseId.substring(leaseId.indexOf('.') + 1), false, 200);
    }

    List<Request> requests(String method, String pathEnd) {
        return requests.stream().filter(r -> r.method().equals(method) && r.path().endsWith(pathEnd)).toList();
    }

    private Answer route(Request request) {
        if (!("Bearer " + TOKEN).equals(request.authorization())) {
            return Answer.problem(401, "INVALID_CLIENT_TOKEN", "Missing, malformed, unknown or revoked client token", null);
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
                if (request.method().equals("POST") && path.startsWith("/api/v1/seats/") && path.endsWith("/heartbeat")) {
                    yield heartbeat.apply(request);
                }
                if (request.method().equals("DELETE") && path.startsWith("/api/v1/seats/")) {
                    yield release.apply(request);
                }
                yield Answer.problem(404, "RESOURCE_NOT_FOUND", "No such resource", null);
            }
        };
    }

    private void answer(HttpExchange exchange) throws IOException {
        Request request = new Request(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(),
                exchange.getRequestHeaders().getFirst("Authorization"),
                new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        requests.add(request);
        Answer answer = route(request);
        if (answer.contentType() != null) {
            exchange.getResponseHeaders().set("Content-Type", answer.contentType());
        }
        byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(answer.status(), bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            exchange.getResponseBody().write(bytes);
        }
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
