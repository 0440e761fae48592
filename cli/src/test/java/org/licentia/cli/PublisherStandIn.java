package org.licentia.cli;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;
import org.licentia.client.activation.ActivationKey;
import org.licentia.client.activation.ComputerId;
import org.licentia.client.activation.ComputerKey;

/**
 * The activation API of docs/node-locked.md played by the JDK's HTTP server: activation 17 of license
 * 11554731, whose computer keys its publisher key signs for whatever activation key and computer ID
 * are sent. Answers are replaceable per "METHOD path".
 */
final class PublisherStandIn implements AutoCloseable {

    static final String EMAIL = "staff@example.com";
    static final String PASSWORD = "s3cret";
    static final LocalDate EXPIRES = LocalDate.now(ZoneOffset.UTC).plusYears(1);

    record Request(String method, String uri, String authorization, String body) {
        JsonObject json() {
            return (JsonObject) Json.parse(body);
        }
    }

    record Answer(int status, String contentType, String body) {
        static Answer json(int status, String body) {
            return new Answer(status, "application/json", body);
        }

        static Answer problem(int status, String code, String detail) {
            return new Answer(
                    status,
                    "application/problem+json",
                    "{\"status\":" + status + ",\"code\":\"" + code + "\",\"detail\":\"" + detail + "\"}");
        }
    }

    /** Stands in for the publisher's signing key. */
    static final class Signer {
        private final Ed25519PrivateKeyParameters key = new Ed25519PrivateKeyParameters(new SecureRandom());
        final String publicKey =
                Base64.getEncoder().encodeToString(key.generatePublicKey().getEncoded());

        String computerKey(ActivationKey activationKey, ComputerId computerId) {
            return computerKey(17, activationKey, computerId);
        }

        private byte[] sign(byte[] message) {
            Ed25519Signer signer = new Ed25519Signer();
            signer.init(true, key);
            signer.update(message, 0, message.length);
            return signer.generateSignature();
        }

        /** A compact key (version 2) granting {@code export} of the catalog {@code [import, export]}. */
        String compactComputerKey(ActivationKey activationKey, ComputerId computerId) {
            ComputerKey.Terms terms = new ComputerKey.Terms(
                    18, "11554731", Instant.now().minus(1, ChronoUnit.HOURS), EXPIRES, List.of("export"));
            return ComputerKey.issueCompact(
                            terms,
                            List.of("import", "export"),
                            activationKey,
                            computerId,
                            key.generatePublicKey().getEncoded(),
                            this::sign)
                    .toString();
        }

        String computerKey(long activationNumber, ActivationKey activationKey, ComputerId computerId) {
            ComputerKey.Terms terms = new ComputerKey.Terms(
                    activationNumber, "11554731", Instant.now().minus(1, ChronoUnit.HOURS), EXPIRES, List.of("export"));
            return ComputerKey.issue(
                            terms,
                            activationKey,
                            computerId,
                            key.generatePublicKey().getEncoded(),
                            this::sign)
                    .toString();
        }
    }

    final Signer signer = new Signer();
    /** The activation the activation calls return; a test sets the next one, as the server moves on after a deactivation. */
    final AtomicLong activationNumber = new AtomicLong(17);

    final Map<String, Function<Request, Answer>> answers = new ConcurrentHashMap<>();
    final List<Request> requests = new CopyOnWriteArrayList<>();
    final String url;
    private final HttpServer server;

    PublisherStandIn() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::answer);
        server.start();
        url = "http://127.0.0.1:" + server.getAddress().getPort();
        answers.put(
                "GET /api/v1/keys",
                request -> Answer.json(
                        200,
                        "{\"keys\":[{\"keyId\":\"2026-11\",\"algorithm\":\"Ed25519\"," + "\"publicKey\":\""
                                + signer.publicKey + "\",\"createdAt\":\"2026-11-01T00:00:00Z\",\"active\":true}]}"));
        answers.put(
                "POST /api/v1/activations/online",
                request -> Answer.json(201, activation("ACTIVE", null, computerKey(request))));
        answers.put(
                "POST /api/v1/activations",
                request -> Answer.json(201, activation("ACTIVE", null, computerKey(request))));
        answers.put(
                "POST /api/v1/activations/status",
                request -> Answer.json(
                        200,
                        "{\"status\":\"ACTIVE\",\"activationId\":\"17\",\"license\":\"11554731\",\"deactivatedAt\":null}"));
        answers.put(
                "POST /api/v1/activations/deactivations",
                request -> Answer.json(200, activation("DEACTIVATED", "2026-11-23T08:00:00Z", null)));
    }

    private String computerKey(Request request) {
        JsonObject body = request.json();
        return signer.computerKey(
                activationNumber.get(),
                ActivationKey.parse(body.getString("activationKey")),
                ComputerId.parse(body.getString("computerId")));
    }

    static String activation(String status, String deactivatedAt, String computerKey) {
        return "{\"activationId\":\"17\",\"license\":\"11554731\",\"product\":\"DEMO\",\"computerId\":\"0YCQH-F2B6H-MY9MG-2VMDA-X4MZH-1KDRJ\","
                + "\"computerName\":\"build-7\",\"fields\":{\"site\":\"Berlin\"},\"status\":\"" + status + "\","
                + "\"activatedAt\":\"2026-11-22T17:00:00Z\",\"deactivatedAt\":"
                + (deactivatedAt == null ? "null" : "\"" + deactivatedAt + "\"")
                + ",\"expires\":\"" + EXPIRES + "\",\"features\":[\"export\"],\"computerKey\":"
                + (computerKey == null ? "null" : "\"" + computerKey + "\"") + ",\"selfHelpUrl\":null}";
    }

    List<Request> requests(String method, String path) {
        return requests.stream()
                .filter(r ->
                        r.method().equals(method) && r.uri().split("\\?")[0].equals(path))
                .toList();
    }

    private void answer(HttpExchange exchange) throws IOException {
        Request request = new Request(
                exchange.getRequestMethod(),
                exchange.getRequestURI().toString(),
                exchange.getRequestHeaders().getFirst("Authorization"),
                new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        requests.add(request);
        String route = request.method() + " " + exchange.getRequestURI().getRawPath();
        Answer answer;
        try {
            answer = answers.getOrDefault(
                            route, r -> Answer.problem(404, "RESOURCE_NOT_FOUND", "No such resource: " + route))
                    .apply(request);
        } catch (RuntimeException bug) {
            answer = new Answer(500, "text/plain", String.valueOf(bug));
        }
        byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", answer.contentType());
        exchange.sendResponseHeaders(answer.status(), bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            exchange.getResponseBody().write(bytes);
        }
        exchange.close();
    }

    /** The Basic header of the staff account. */
    static String staff() {
        return "Basic " + Base64.getEncoder().encodeToString((EMAIL + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
