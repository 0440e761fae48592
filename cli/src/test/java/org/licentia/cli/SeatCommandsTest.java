package org.licentia.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The seat and client-token commands against a stand-in instance, served by the JDK's HTTP server. */
class SeatCommandsTest {

    private static final String TOKEN = "lct_7Hq2.s3cr3t";
    private static final String EMAIL = "admin@example.com";
    private static final String PASSWORD = "s3cret";
    private static final String LEASE = "96023021.q0VwXk3";
    private static final String EXPIRES = "2026-11-22T14:10:00Z";

    record Answer(int status, String contentType, String body) {}

    record Request(String method, String uri, String authorization, String body) {}

    private final Map<String, Answer> answers = new ConcurrentHashMap<>();
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final SignedLicenseTest.Signer signer = new SignedLicenseTest.Signer();
    private HttpServer server;
    private String url;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::answer);
        server.start();
        url = "http://127.0.0.1:" + server.getAddress().getPort();
        answers.put(
                "GET /api/v1/seats/keys",
                new Answer(
                        200,
                        "application/json",
                        "{\"keys\":[{\"keyId\":\"2026-11\",\"algorithm\":\"Ed25519\",\"publicKey\":\""
                                + signer.publicKey + "\",\"createdAt\":\"2026-11-01T00:00:00Z\",\"active\":true}]}"));
        answers.put("POST /api/v1/seats", new Answer(201, "application/json", leaseAnswer(false, false)));
        answers.put(
                "POST /api/v1/seats/" + LEASE + "/heartbeat",
                new Answer(200, "application/json", leaseAnswer(false, false)));
        answers.put("DELETE /api/v1/seats/" + LEASE, new Answer(204, null, ""));
        answers.put("POST /api/v1/seats/borrow", new Answer(201, "application/json", leaseAnswer(true, false)));
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    /** A lease answer as docs/seats.md shows it, signed; {@code tampered} changes the document after signing. */
    private String leaseAnswer(boolean borrowed, boolean tampered) {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("type", "seat-lease");
        document.put("lease", LEASE);
        document.put("license", "96023021");
        document.put("product", "qt");
        document.put("features", List.of("designer"));
        document.put("client", "alice@ws-17/4711");
        document.put("host", "ws-17");
        document.put("user", "alice");
        document.put("tokenName", "cad-floor-2");
        document.put("reservedAt", "2026-11-22T14:00:00Z");
        document.put("instance", "6f1c2e0a-4b7d-4c1e-9a55-0d3b7e2f8c11");
        document.put("issuedAt", "2026-11-22T14:00:00Z");
        document.put("expiresAt", EXPIRES);
        document.put("borrowed", borrowed);
        String signature = signer.signAlone(document);
        if (tampered) {
            document.put("features", List.of("designer", "render"));
        }
        return jakarta.json.Json.createObjectBuilder()
                .add(
                        "lease",
                        jakarta.json.Json.createObjectBuilder()
                                .add("id", LEASE)
                                .add("license", "96023021")
                                .add("product", "qt")
                                .add("client", "alice@ws-17/4711")
                                .add("host", "ws-17")
                                .add("user", "alice")
                                .add("tokenName", "cad-floor-2")
                                .add("reservedAt", "2026-11-22T14:00:00Z")
                                .add("expiresAt", EXPIRES)
                                .add("heartbeatSeconds", borrowed ? 0 : 200)
                                .add("borrowed", borrowed))
                .add("document", jakarta.json.Json.createObjectBuilder(document))
                .add(
                        "signature",
                        jakarta.json.Json.createObjectBuilder()
                                .add("algorithm", "Ed25519")
                                .add("keyId", "2026-11")
                                .add("value", signature)
                                .add("batchPath", jakarta.json.Json.createArrayBuilder()))
                .build()
                .toString();
    }

    private void answer(HttpExchange exchange) throws IOException {
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        requests.add(new Request(
                exchange.getRequestMethod(),
                exchange.getRequestURI().toString(),
                authorization,
                new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
        String basic = "Basic "
                + Base64.getEncoder().encodeToString((EMAIL + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
        Answer answer = ("Bearer " + TOKEN).equals(authorization) || basic.equals(authorization)
                ? answers.getOrDefault(
                        exchange.getRequestMethod() + " "
                                + exchange.getRequestURI().getRawPath(),
                        new Answer(500, "text/html", "<h1>Oops</h1>"))
                : new Answer(
                        401,
                        "application/problem+json",
                        "{\"status\":401,\"code\":\"INVALID_CLIENT_TOKEN\",\"detail\":\"Unknown or revoked client token\"}");
        byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
        if (answer.contentType() != null) {
            exchange.getResponseHeaders().set("Content-Type", answer.contentType());
        }
        exchange.sendResponseHeaders(answer.status(), bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            exchange.getResponseBody().write(bytes);
        }
        exchange.close();
    }

    private CliRun seat(String... args) {
        String[] all = new String[args.length + 5];
        all[0] = "seat";
        System.arraycopy(args, 0, all, 1, args.length);
        System.arraycopy(new String[] {"--url", url, "--token", TOKEN}, 0, all, args.length + 1, 4);
        return CliRun.of(all);
    }

    private CliRun asAdmin(String... args) {
        String[] all = new String[args.length + 6];
        System.arraycopy(args, 0, all, 0, args.length);
        System.arraycopy(new String[] {"--url", url, "-e", EMAIL, "-p", PASSWORD}, 0, all, args.length, 6);
        return CliRun.of(all);
    }

    @Test
    void reservePrintsTheCheckedLeaseOnOneLine() {
        CliRun run = seat(
                "reserve",
                "--license",
                "96023021",
                "--client",
                "alice@ws-17/4711",
                "--host",
                "ws-17",
                "--user",
                "alice");
        assertEquals(0, run.exitCode(), run.err());
        assertEquals(
                "Lease " + LEASE + ": license 96023021, client alice@ws-17/4711, until " + EXPIRES
                        + " (heartbeat every 200 s)" + System.lineSeparator(),
                run.out());
        Request reserve = requests.stream()
                .filter(r -> r.method().equals("POST"))
                .findFirst()
                .orElseThrow();
        assertEquals("Bearer " + TOKEN, reserve.authorization());
        assertEquals(
                Json.parse(
                        "{\"license\":\"96023021\",\"client\":\"alice@ws-17/4711\",\"host\":\"ws-17\",\"user\":\"alice\"}"),
                Json.parse(reserve.body()));
    }

    @Test
    void reserveByProductSendsProductAndFeature() {
        CliRun run = seat("reserve", "--product", "qt", "--feature", "designer", "--client", "alice@ws-17/4711");
        assertEquals(0, run.exitCode(), run.err());
        assertEquals(
                Json.parse("{\"product\":\"qt\",\"feature\":\"designer\",\"client\":\"alice@ws-17/4711\"}"),
                Json.parse(requests.stream()
                        .filter(r -> r.method().equals("POST"))
                        .findFirst()
                        .orElseThrow()
                        .body()));
    }

    @Test
    void jsonPrintsTheServersAnswer() {
        CliRun run = seat("heartbeat", "--lease", LEASE, "--json");
        assertEquals(0, run.exitCode(), run.err());
        assertEquals(Json.parse(leaseAnswer(false, false)), Json.parse(run.out()));
    }

    @Test
    void heartbeatReleaseAndBorrowPrintTheirLines() {
        CliRun heartbeat = seat("heartbeat", "--lease", LEASE);
        assertEquals(0, heartbeat.exitCode(), heartbeat.err());
        assertTrue(heartbeat.out().startsWith("Lease " + LEASE + ": license 96023021"), heartbeat.out());

        CliRun release = seat("release", "--lease", LEASE);
        assertEquals(0, release.exitCode(), release.err());
        assertEquals("Released lease " + LEASE, release.out().strip());

        CliRun borrow = seat("borrow", "--license", "96023021", "--client", "alice@ws-17/4711", "--days", "3");
        assertEquals(0, borrow.exitCode(), borrow.err());
        assertEquals(
                "Borrowed lease " + LEASE + ": license 96023021, client alice@ws-17/4711, until " + EXPIRES,
                borrow.out().strip());
        assertEquals(
                3,
                jakarta.json.Json.createReader(new java.io.StringReader(
                                requests.get(requests.size() - 1).body()))
                        .readObject()
                        .getInt("days"));
    }

    @Test
    void refusalsMapToTheExitCodes() {
        answers.put(
                "POST /api/v1/seats",
                new Answer(
                        409,
                        "application/problem+json",
                        "{\"status\":409,\"code\":\"NO_SEAT_AVAILABLE\","
                                + "\"detail\":\"All 3 seats of license 96023021 are leased\",\"details\":{\"seats\":3}}"));
        CliRun full = seat("reserve", "--license", "96023021", "--client", "bob");
        assertEquals(CliExit.CONFLICT, full.exitCode());
        assertEquals(
                "Error: All 3 seats of license 96023021 are leased [NO_SEAT_AVAILABLE]",
                full.err().strip());
        assertEquals("", full.out());

        answers.put(
                "POST /api/v1/seats/" + LEASE + "/heartbeat",
                new Answer(
                        410,
                        "application/problem+json",
                        "{\"status\":410,\"code\":\"LEASE_ENDED\",\"detail\":\"Lease " + LEASE + " was revoked\"}"));
        CliRun ended = seat("heartbeat", "--lease", LEASE);
        assertEquals(CliExit.CONFLICT, ended.exitCode());
        assertEquals(
                "Error: Lease " + LEASE + " was revoked [LEASE_ENDED]",
                ended.err().strip());

        CliRun badToken = CliRun.of("seat", "release", "--lease", LEASE, "--url", url, "--token", "lct_wrong.x");
        assertEquals(CliExit.NOT_AUTHORIZED, badToken.exitCode());
        assertEquals(
                "Error: Unknown or revoked client token [INVALID_CLIENT_TOKEN]",
                badToken.err().strip());
    }

    @Test
    void aLeaseThatFailsItsSignatureCheckExitsWithSeven() {
        answers.put("POST /api/v1/seats", new Answer(201, "application/json", leaseAnswer(false, true)));
        CliRun run = seat("reserve", "--license", "96023021", "--client", "alice@ws-17/4711");
        assertEquals(CliExit.SIGNATURE_INVALID, run.exitCode());
        assertTrue(
                run.err().startsWith("Error: lease refused: the signature of lease " + LEASE + " does not verify"),
                run.err());
        assertEquals("", run.out());
    }

    @Test
    void anUnreachableInstanceExitsWithSix() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        CliRun run =
                CliRun.of("seat", "heartbeat", "--lease", LEASE, "--url", "http://127.0.0.1:" + port, "--token", TOKEN);
        assertEquals(CliExit.UNREACHABLE, run.exitCode());
        assertTrue(
                run.err().startsWith("Error: cannot reach the Licentia server at http://127.0.0.1:" + port + ": "),
                run.err());
    }

    @Test
    void listAndRevokeSignInAsTheAdministrator() {
        answers.put(
                "GET /api/v1/reservations",
                new Answer(
                        200,
                        "application/json",
                        "{\"leases\":["
                                + "{\"id\":\"" + LEASE
                                + "\",\"license\":\"96023021\",\"client\":\"alice@ws-17/4711\",\"host\":\"ws-17\",\"user\":\"alice\","
                                + "\"expiresAt\":\"" + EXPIRES + "\",\"heartbeatSeconds\":200,\"borrowed\":false},"
                                + "{\"id\":\"96023021.b\",\"license\":\"96023021\",\"client\":\"laptop\",\"host\":\"laptop\","
                                + "\"expiresAt\":\"2026-11-25T14:00:00Z\",\"borrowed\":true}]}"));
        answers.put("DELETE /api/v1/reservations/" + LEASE, new Answer(204, null, ""));

        CliRun list = asAdmin("seat", "list", "--license", "96023021");
        assertEquals(0, list.exitCode(), list.err());
        assertEquals("/api/v1/reservations?license=96023021", requests.get(0).uri());
        String n = System.lineSeparator();
        assertEquals(
                "LEASE             LICENSE   CLIENT            HOST    USER   EXPIRES               BORROWED" + n
                        + LEASE + "  96023021  alice@ws-17/4711  ws-17   alice  " + EXPIRES + "  no" + n
                        + "96023021.b        96023021  laptop            laptop         2026-11-25T14:00:00Z  yes" + n,
                list.out());

        CliRun revoke = asAdmin("seat", "revoke", "--lease", LEASE);
        assertEquals(0, revoke.exitCode(), revoke.err());
        assertEquals("Revoked lease " + LEASE, revoke.out().strip());
    }

    @Test
    void tokenCreatePrintsOnlyTheTokenOnStdout() {
        answers.put(
                "POST /api/v1/client-tokens",
                new Answer(
                        201,
                        "application/json",
                        "{\"name\":\"cad-floor-2\",\"token\":\"" + TOKEN
                                + "\",\"createdAt\":\"2026-11-22T14:00:00Z\",\"createdBy\":\"" + EMAIL + "\"}"));
        CliRun run = asAdmin("client-token", "create", "--name", "cad-floor-2");
        assertEquals(0, run.exitCode(), run.err());
        assertEquals(TOKEN + System.lineSeparator(), run.out());
        assertEquals("Store this token now: it is not shown again.", run.err().strip());
        assertEquals(
                Json.parse("{\"name\":\"cad-floor-2\"}"),
                Json.parse(requests.get(0).body()));
    }

    @Test
    void tokenListAndRevoke() {
        answers.put(
                "GET /api/v1/client-tokens",
                new Answer(
                        200,
                        "application/json",
                        "{\"tokens\":["
                                + "{\"name\":\"cad-floor-2\",\"createdAt\":\"2026-11-22T14:00:00Z\",\"createdBy\":\""
                                + EMAIL + "\",\"revokedAt\":null},"
                                + "{\"name\":\"old site\",\"createdAt\":\"2026-01-02T09:00:00Z\",\"createdBy\":\""
                                + EMAIL
                                + "\",\"revokedAt\":\"2026-06-01T10:00:00Z\"}]}"));
        answers.put("DELETE /api/v1/client-tokens/old%20site", new Answer(204, null, ""));

        CliRun list = asAdmin("client-token", "list");
        assertEquals(0, list.exitCode(), list.err());
        String n = System.lineSeparator();
        assertEquals(
                "NAME         CREATED               CREATED BY         REVOKED" + n
                        + "cad-floor-2  2026-11-22T14:00:00Z  admin@example.com  -" + n
                        + "old site     2026-01-02T09:00:00Z  admin@example.com  2026-06-01T10:00:00Z" + n,
                list.out());

        CliRun revoke = asAdmin("client-token", "revoke", "--name", "old site");
        assertEquals(0, revoke.exitCode(), revoke.err());
        assertEquals("Client token old site revoked.", revoke.out().strip());
    }

    @Test
    void aMissingTokenIsAUsageError() {
        assumeTrue(System.getenv("LICENTIA_TOKEN") == null, "the token comes from the environment of this build");
        CliRun run = CliRun.of("seat", "reserve", "--license", "96023021", "--client", "alice", "--url", url);
        assertEquals(CliExit.USAGE, run.exitCode());
        assertTrue(run.err().startsWith("Error: client token required: give --token or set LICENTIA_TOKEN"), run.err());
        assertTrue(requests.isEmpty(), "nothing was sent");
    }
}
