package org.licentia.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The commands against a stand-in for the REST API, served by the JDK's HTTP server. */
class CommandsOverHttpTest {

    private static final String EMAIL = "manager@example.com";
    private static final String PASSWORD = "s3cret";
    private static final String NOT_FOUND = """
            {"type":"about:blank","title":"Not Found","status":404,"code":"LICENSE_NOT_FOUND","detail":"License 12345678 does not exist"}""";

    record Answer(int status, String contentType, String body) {}

    record Request(String method, String uri, Headers headers, String body) {}

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

        String signedLicense =
                "{\"license\":" + LicenseViewTest.LICENSE + ",\"document\":" + SignedLicenseTest.DOCUMENT_JSON
                        + ",\"signature\":{\"algorithm\":\"Ed25519\",\"keyId\":\"2026-01\",\"value\":\""
                        + signer.sign(SignedLicenseTest.document()) + "\"}}";
        answers.put("GET /api/v1/licenses/11554731", new Answer(200, "application/json", signedLicense));
        answers.put("GET /api/v1/licenses/12345678", new Answer(404, "application/problem+json", NOT_FOUND));
        answers.put(
                "GET /api/v1/keys",
                new Answer(
                        200,
                        "application/json",
                        "{\"keys\":[{\"keyId\":\"2026-01\",\"algorithm\":\"Ed25519\",\"publicKey\":\""
                                + signer.publicKey + "\",\"createdAt\":\"2026-01-01T00:00:00Z\",\"active\":true}]}"));
        answers.put("POST /api/v1/licenses", new Answer(201, "application/json", LicenseViewTest.LICENSE));
        answers.put(
                "GET /api/v1/licenses",
                new Answer(
                        200,
                        "application/json",
                        "{\"items\":[" + LicenseViewTest.LICENSE + "],\"page\":0,\"size\":50,\"total\":1}"));
        answers.put("PUT /api/v1/users/new%2Buser%40example.com/roles", new Answer(200, "application/json", "{}"));
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private void answer(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String uri = exchange.getRequestURI().getRawPath();
        requests.add(new Request(
                exchange.getRequestMethod(), exchange.getRequestURI().toString(), exchange.getRequestHeaders(), body));
        String expected = "Basic "
                + Base64.getEncoder().encodeToString((EMAIL + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
        Answer answer =
                expected.equals(exchange.getRequestHeaders().getFirst("Authorization")) || uri.equals("/api/v1/keys")
                        ? answers.getOrDefault(
                                exchange.getRequestMethod() + " " + uri, new Answer(500, "text/html", "<h1>Oops</h1>"))
                        : new Answer(
                                401,
                                "application/problem+json",
                                "{\"status\":401,\"code\":\"NOT_AUTHENTICATED\",\"detail\":\"Wrong e-mail address or password\"}");
        byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", answer.contentType());
        exchange.sendResponseHeaders(answer.status(), bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    private CliRun licentia(String... args) {
        String[] all = new String[args.length + 6];
        System.arraycopy(args, 0, all, 0, args.length);
        System.arraycopy(new String[] {"--url", url, "-e", EMAIL, "-p", PASSWORD}, 0, all, args.length, 6);
        return CliRun.of(all);
    }

    @Test
    void showPrintsTheLicenseAndIdentifiesTheChannel() {
        CliRun run = licentia("license", "show", "11554731");
        assertEquals(0, run.exitCode(), run.err());
        assertEquals(LicenseView.format((JsonObject) Json.parse(LicenseViewTest.LICENSE)), run.out());
        Request request = requests.get(0);
        assertTrue(
                request.headers().getFirst("User-Agent").startsWith("licentia-cli/"),
                request.headers().getFirst("User-Agent"));
        assertEquals(null, request.headers().getFirst("X-Licentia-Channel"));
        assertEquals("application/json", request.headers().getFirst("Accept"));
    }

    @Test
    void notFoundPrintsTheProblemAndExitsWithFour() {
        CliRun run = licentia("license", "show", "12345678");
        assertEquals(CliExit.NOT_FOUND, run.exitCode());
        assertEquals(
                "Error: License 12345678 does not exist [LICENSE_NOT_FOUND]",
                run.err().strip());
        assertEquals("", run.out());
    }

    @Test
    void wrongPasswordExitsWithThree() {
        CliRun run = CliRun.of("license", "show", "11554731", "--url", url, "-e", EMAIL, "-p", "wrong");
        assertEquals(CliExit.NOT_AUTHORIZED, run.exitCode());
        assertEquals(
                "Error: Wrong e-mail address or password [NOT_AUTHENTICATED]",
                run.err().strip());
    }

    @Test
    void missingCredentialsAreAUsageErrorOnceTheServerAsksForThem() {
        assumeTrue(
                System.getenv("LICENTIA_EMAIL") == null && System.getenv("LICENTIA_PASSWORD") == null,
                "credentials come from the environment of this build");
        CliRun run = CliRun.of("license", "show", "11554731", "--url", url);
        assertEquals(CliExit.USAGE, run.exitCode());
        assertEquals(
                "Error: credentials required: give -e/--email and -p/--password or set LICENTIA_EMAIL and LICENTIA_PASSWORD",
                run.err().strip());
        assertNull(requests.get(0).headers().getFirst("Authorization"));

        CliRun admin = CliRun.of("user", "roles", "--email", "new+user@example.com", "--url", url);
        assertEquals(CliExit.USAGE, admin.exitCode());
        assertTrue(admin.err().contains("give --admin-email and --admin-password"), admin.err());
    }

    @Test
    void aRedirectIsNeverReportedAsDone() {
        answers.put("DELETE /api/v1/licenses/11554731", new Answer(302, "text/html", ""));
        CliRun run = licentia("license", "delete", "11554731");
        assertEquals(CliExit.CLIENT_ERROR, run.exitCode(), run.out());
        assertTrue(run.err().contains("redirected DELETE /api/v1/licenses/11554731 (HTTP 302)"), run.err());
        assertEquals("", run.out());
    }

    @Test
    void serverErrorWithoutProblemNamesStatusAndUrl() {
        CliRun run = licentia("account", "list");
        assertEquals(CliExit.SERVER_ERROR, run.exitCode());
        assertEquals(
                "Error: HTTP 500 from " + url + "/api/v1/accounts", run.err().strip());
    }

    @Test
    void refusedConnectionExitsWithSix() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        CliRun run = CliRun.of(
                "license", "show", "11554731", "--url", "http://127.0.0.1:" + port, "-e", EMAIL, "-p", PASSWORD);
        assertEquals(CliExit.UNREACHABLE, run.exitCode());
        assertTrue(
                run.err().startsWith("Error: cannot reach the Licentia server at http://127.0.0.1:" + port + ": "),
                run.err());
    }

    @Test
    void createSendsOnlyTheGivenTerms() {
        CliRun run = licentia(
                "license", "create", "--account", "Example User 1", "--seats", "20", "--expires", "2027-12-31");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().startsWith("License 11554731 created."), run.out());
        Request request = requests.get(0);
        assertEquals("POST", request.method());
        assertEquals("application/json", request.headers().getFirst("Content-Type"));
        assertEquals(
                Json.parse("{\"account\":\"Example User 1\",\"seats\":20,\"expires\":\"2027-12-31\"}"),
                Json.parse(request.body()));
    }

    @Test
    void listPassesFiltersAndCountsThePage() {
        CliRun run = licentia("license", "list", "--account", "Example User 1", "--state", "active");
        assertEquals(0, run.exitCode(), run.err());
        assertEquals(
                "/api/v1/licenses?account=Example+User+1&state=active",
                requests.get(0).uri());
        assertTrue(run.out().contains("11554731  Example User 1"), run.out());
        assertTrue(run.out().endsWith("Page 0, 1 of 1 licenses" + System.lineSeparator()), run.out());
    }

    @Test
    void rolesOfAnEmailGoToOnePathSegment() {
        CliRun run = CliRun.of(
                "user",
                "roles",
                "--email",
                "new+user@example.com",
                "--account",
                "Example User 1",
                "--role",
                "viewer",
                "--role",
                "deputy-license-manager",
                "--url",
                url,
                "--admin-email",
                EMAIL,
                "--admin-password",
                PASSWORD);
        assertEquals(0, run.exitCode(), run.err());
        assertEquals(
                Json.parse("{\"account\":\"Example User 1\",\"roles\":[\"viewer\",\"deputy-license-manager\"]}"),
                Json.parse(requests.get(0).body()));
    }

    @Test
    void verifyChecksTheSignatureWithThePublishedKey() {
        CliRun run = licentia("license", "verify", "11554731");
        assertEquals(0, run.exitCode(), run.err());
        assertEquals(
                "Signature valid: license 11554731, signed by key 2026-01 (Ed25519).",
                run.out().strip());
    }

    @Test
    void verifyReadsASavedLicenseAndCatchesTampering(@TempDir Path dir) throws IOException {
        CliRun show = licentia("license", "show", "11554731", "--json");
        assertEquals(0, show.exitCode(), show.err());
        Path saved = Files.writeString(dir.resolve("11554731.json"), show.out());

        // Only the public keys are fetched for a file, so no credentials are needed.
        CliRun run = CliRun.of("license", "verify", "11554731", "--file", saved.toString(), "--url", url);
        assertEquals(0, run.exitCode(), run.err());

        Path tampered =
                Files.writeString(dir.resolve("tampered.json"), show.out().replace("\"seats\": 20", "\"seats\": 2000"));
        CliRun invalid = CliRun.of("license", "verify", "11554731", "--file", tampered.toString(), "--url", url);
        assertEquals(CliExit.SIGNATURE_INVALID, invalid.exitCode());
        assertEquals("Signature INVALID for license 11554731.", invalid.out().strip());
    }

    @Test
    void verifyRefusesAnUnknownKey() {
        answers.put("GET /api/v1/keys", new Answer(200, "application/json", "{\"keys\":[]}"));
        CliRun run = licentia("license", "verify", "11554731");
        assertEquals(CliExit.SIGNATURE_INVALID, run.exitCode());
        assertTrue(run.err().contains("key 2026-01"), run.err());
    }
}
