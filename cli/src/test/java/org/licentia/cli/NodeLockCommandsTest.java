package org.licentia.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.licentia.cli.PublisherStandIn.Answer;
import org.licentia.client.activation.ActivationKey;
import org.licentia.client.activation.ComputerId;
import org.licentia.client.activation.DeactivationCode;
import org.licentia.client.activation.Installation;

/** activate, validate, deactivate and activation-request on this computer, against a stand-in server. */
class NodeLockCommandsTest {

    @TempDir
    Path installation;

    private final String key = ActivationKey.generate().toString();
    private PublisherStandIn server;

    @BeforeEach
    void start() throws IOException {
        server = new PublisherStandIn();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    /** The command with this test's installation; {@code --url} only where a test gives it. */
    private CliRun licentia(String... args) {
        String[] all = new String[args.length + 2];
        System.arraycopy(args, 0, all, 0, args.length);
        all[args.length] = "--installation";
        all[args.length + 1] = installation.toString();
        return CliRun.of(all);
    }

    private ComputerId computerId() {
        return ComputerId.ofThisMachine(Installation.open(installation));
    }

    private static String typo(String code, int at) {
        return code.substring(0, at) + (code.charAt(at) == '7' ? '8' : '7') + code.substring(at + 1);
    }

    private static String closedUrl() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return "http://127.0.0.1:" + socket.getLocalPort();
        }
    }

    private void activated() {
        CliRun run = licentia("activate", "--url", server.url, "--activation-key", key);
        assertEquals(0, run.exitCode(), run.err());
        server.requests.clear();
    }

    @Test
    void activatesOnlineWithThePublishedKeysAndValidatesOffline() {
        CliRun run = licentia(
                "activate",
                "--url",
                server.url,
                "--activation-key",
                key.toLowerCase(),
                "--computer-name",
                "build-7",
                "--field",
                "site=Berlin",
                "--field",
                "desk=4");
        assertEquals(0, run.exitCode(), run.err());
        String[] lines = run.out().split("\\R");
        assertEquals(
                "Activated activation 17 of license 11554731, features export, valid until " + PublisherStandIn.EXPIRES
                        + " on this computer (" + computerId() + ").",
                lines[0]);
        assertTrue(lines[1].matches("Computer key: [0-9A-HJKMNP-TV-Z]{5}(-[0-9A-HJKMNP-TV-Z]{1,5}){20,}"), lines[1]);
        assertEquals(1, server.requests("GET", "/api/v1/keys").size());
        assertEquals(
                Json.parse("{\"activationKey\":\"" + key + "\",\"computerId\":\"" + computerId()
                        + "\",\"computerName\":\"build-7\"," + "\"fields\":{\"site\":\"Berlin\",\"desk\":\"4\"}}"),
                server.requests("POST", "/api/v1/activations/online").get(0).json());

        server.requests.clear();
        CliRun offline = licentia("validate", "--activation-key", key, "--public-key", server.signer.publicKey);
        assertEquals(0, offline.exitCode(), offline.err());
        assertEquals(
                "Valid: activation 17 of license 11554731, features export, valid until " + PublisherStandIn.EXPIRES
                        + ".",
                offline.out().strip());
        assertTrue(server.requests.isEmpty(), "offline validation asks nobody");

        CliRun online = licentia("validate", "--activation-key", key, "--url", server.url);
        assertEquals(0, online.exitCode(), online.err());
        assertTrue(online.out().endsWith("Server: ACTIVE (activation 17)." + System.lineSeparator()), online.out());
    }

    @Test
    void mistypedCodesAreUsageErrorsBeforeAnyCall() {
        CliRun key = licentia("activate", "--url", server.url, "--activation-key", typo(this.key, 3));
        assertEquals(CliExit.USAGE, key.exitCode());
        assertEquals(
                "Error: --activation-key: not an activation key: the check symbol does not match the others: probably a typo",
                key.err().lines().findFirst().orElseThrow());

        String computerKey = server.signer.computerKey(ActivationKey.parse(this.key), computerId());
        CliRun computer = licentia(
                "activate", "--activation-key", this.key, "--computer-key", typo(computerKey, 20), "--url", server.url);
        assertEquals(CliExit.USAGE, computer.exitCode());
        assertTrue(
                computer.err().startsWith("Error: --computer-key: not a computer key: the check symbol does not match"),
                computer.err());

        CliRun symbol = licentia("validate", "--activation-key", this.key.replace('-', '!'), "--url", server.url);
        assertEquals(CliExit.USAGE, symbol.exitCode());
        assertTrue(
                symbol.err().startsWith("Error: --activation-key: not an activation key: '!' at position 6"),
                symbol.err());
        assertTrue(server.requests.isEmpty(), "nothing was sent");
    }

    @Test
    void aComputerKeyFromAnotherPublisherIsRefusedAndNotKept() {
        CliRun run = licentia(
                "activate",
                "--url",
                server.url,
                "--activation-key",
                key,
                "--public-key",
                new PublisherStandIn.Signer().publicKey);
        assertEquals(CliExit.SIGNATURE_INVALID, run.exitCode());
        assertTrue(
                run.err()
                        .startsWith(
                                "Error: computer key refused: the computer key is signed with a key this application does not know"),
                run.err());
        assertEquals("", run.out());
        assertEquals(
                CliExit.NOT_FOUND,
                licentia("validate", "--activation-key", key, "--public-key", server.signer.publicKey)
                        .exitCode());
    }

    @Test
    void activatesOfflineWithTheKeyTheStaffMadeForThisComputer() {
        String computerKey = server.signer.computerKey(ActivationKey.parse(key), computerId());
        CliRun run = activateOffline(computerKey.replace("-", " "));
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().startsWith("Activated activation 17 of license 11554731"), run.out());
        assertTrue(run.out().contains("Computer key: " + computerKey), run.out());
        assertTrue(server.requests.isEmpty(), "nothing was sent");

        CliRun withFetchedKeys =
                licentia("activate", "--activation-key", key, "--computer-key", computerKey, "--url", server.url);
        assertEquals(0, withFetchedKeys.exitCode(), withFetchedKeys.err());
        assertEquals(
                List.of("GET /api/v1/keys", "POST /api/v1/activations/feature-catalog"),
                server.requests.stream().map(r -> r.method() + " " + r.uri()).toList(),
                "with a server, the product's feature catalog is asked for as well");
    }

    @Test
    void aCompactComputerKeyIsReadWithTheProductsFeatureCatalogWhichTheInstallationRemembers() {
        String computerKey = server.signer.compactComputerKey(ActivationKey.parse(key), computerId());
        CliRun without = activateOffline(computerKey);
        assertEquals(7, without.exitCode(), without.out());
        assertTrue(without.err().contains("--feature-catalog"), "says what to give: " + without.err());

        CliRun with = activateOffline(computerKey, "--feature-catalog", "import,export");
        assertEquals(0, with.exitCode(), with.err());
        assertTrue(with.out().contains("features export,"), with.out());

        CliRun validated = licentia("validate", "--activation-key", key, "--public-key", server.signer.publicKey);
        assertEquals(0, validated.exitCode(), "the catalog is remembered: " + validated.err());
        assertTrue(server.requests.isEmpty(), "nothing was sent");

        CliRun otherCatalog = licentia(
                "validate",
                "--activation-key",
                key,
                "--public-key",
                server.signer.publicKey,
                "--feature-catalog",
                "export,import");
        assertEquals(7, otherCatalog.exitCode(), "a catalog in another order reads no features: " + otherCatalog.out());
    }

    @Test
    void anOfflineActivationNeedsThePublishersKeyFromSomewhere() throws IOException {
        assumeTrue(System.getenv("LICENTIA_URL") == null, "the URL comes from the environment of this build");
        String computerKey = server.signer.computerKey(ActivationKey.parse(key), computerId());
        CliRun run = licentia("activate", "--activation-key", key, "--computer-key", computerKey);
        assertEquals(CliExit.USAGE, run.exitCode());
        assertTrue(run.err().startsWith("Error: Give the publisher's --public-key, or --url"), run.err());

        CliRun unreachable =
                licentia("activate", "--activation-key", key, "--computer-key", computerKey, "--url", closedUrl());
        assertEquals(CliExit.UNREACHABLE, unreachable.exitCode());
        assertTrue(unreachable.err().contains("without a connection, give them with --public-key"), unreachable.err());

        CliRun online = licentia("activate", "--activation-key", key);
        assertEquals(CliExit.USAGE, online.exitCode());
        assertTrue(online.err().startsWith("Error: Give --url or set LICENTIA_URL"), online.err());

        CliRun both = licentia(
                "activate",
                "--activation-key",
                key,
                "--computer-key",
                computerKey,
                "--computer-name",
                "x",
                "--public-key",
                server.signer.publicKey);
        assertEquals(CliExit.USAGE, both.exitCode());
    }

    @Test
    void refusalsMapToTheExitCodes() {
        server.answers.put(
                "POST /api/v1/activations/online",
                request -> Answer.problem(
                        409, "ACTIVATION_LIMIT_REACHED", "All 3 activations of license 11554731 are in use"));
        CliRun full = licentia("activate", "--url", server.url, "--activation-key", key);
        assertEquals(CliExit.CONFLICT, full.exitCode());
        assertEquals(
                "Error: All 3 activations of license 11554731 are in use [ACTIVATION_LIMIT_REACHED]",
                full.err().strip());

        server.answers.put(
                "POST /api/v1/activations/online",
                request -> Answer.problem(404, "ACTIVATION_KEY_NOT_FOUND", "No license has this activation key"));
        assertEquals(
                CliExit.NOT_FOUND,
                licentia("activate", "--url", server.url, "--activation-key", key)
                        .exitCode());
    }

    @Test
    void validationSaysWhatIsWrong() {
        CliRun none = licentia("validate", "--activation-key", key, "--public-key", server.signer.publicKey);
        assertEquals(CliExit.NOT_FOUND, none.exitCode());
        assertEquals(
                "Error: this computer has no activation of key " + key,
                none.err().strip());

        activated();
        server.answers.put(
                "POST /api/v1/activations/status",
                request -> Answer.json(
                        200,
                        "{\"status\":\"REVOKED\",\"activationId\":\"17\",\"license\":\"11554731\",\"deactivatedAt\":\"2026-11-23T08:00:00Z\"}"));
        CliRun revoked = licentia("validate", "--activation-key", key, "--url", server.url);
        assertEquals(CliExit.CONFLICT, revoked.exitCode());
        assertTrue(
                revoked.out()
                        .contains(
                                "Server: REVOKED since 2026-11-23T08:00:00Z; the computer key was removed from this computer."),
                revoked.out());
        assertEquals(
                CliExit.NOT_FOUND,
                licentia("validate", "--activation-key", key, "--public-key", server.signer.publicKey)
                        .exitCode());
    }

    @Test
    void deactivatingOfflinePrintsTheCodeThatProvesIt() {
        activated();
        CliRun run = licentia("deactivate", "--activation-key", key, "--offline", "--url", server.url);
        assertEquals(0, run.exitCode(), run.err());
        Instant when = DeactivationCode.verify(run.out().strip(), "17", computerId());
        assertFalse(when.isAfter(Instant.now()));
        assertEquals(
                "The computer key was removed. Give this deactivation code to the publisher or enter it at "
                        + server.url + "/self-help/deactivation.",
                run.err().strip());
        assertTrue(server.requests.isEmpty(), "nothing was sent");
        assertEquals(
                CliExit.NOT_FOUND,
                licentia("validate", "--activation-key", key, "--public-key", server.signer.publicKey)
                        .exitCode());
        assertEquals(
                CliExit.NOT_FOUND,
                licentia("deactivate", "--activation-key", key, "--offline").exitCode());
    }

    @Test
    void aComputerKeyOnceGivenUpIsRefusedLikeAnEndedActivation() {
        String computerKey = server.signer.computerKey(ActivationKey.parse(key), computerId());
        CliRun first = activateOffline(computerKey);
        assertEquals(0, first.exitCode(), first.err());
        assertEquals(
                0, licentia("deactivate", "--activation-key", key, "--offline").exitCode());

        CliRun again = activateOffline(computerKey);
        assertEquals(CliExit.CONFLICT, again.exitCode());
        assertEquals(
                "Error: activation 17 of key " + key
                        + " was given up on this computer, so its computer key cannot be used again: "
                        + "activate again for a new one",
                again.err().strip());
        assertEquals(
                CliExit.NOT_FOUND,
                licentia("validate", "--activation-key", key, "--public-key", server.signer.publicKey)
                        .exitCode(),
                "nothing was kept");

        String newOne = server.signer.computerKey(18, ActivationKey.parse(key), computerId());
        CliRun renewed = activateOffline(newOne);
        assertEquals(0, renewed.exitCode(), renewed.err());
    }

    @Test
    void deactivatingOnlineSendsTheCode() {
        activated();
        CliRun run = licentia("deactivate", "--activation-key", key, "--url", server.url);
        assertEquals(0, run.exitCode(), run.err());
        assertEquals("Deactivated activation 17 of license 11554731.", run.out().strip());
        String dvc = server.requests("POST", "/api/v1/activations/deactivations")
                .get(0)
                .json()
                .getString("dvc");
        DeactivationCode.verify(dvc, "17", computerId());
    }

    @Test
    void aDeactivationTheServerDidNotConfirmPrintsTheCode() throws IOException {
        activated();
        server.answers.put(
                "POST /api/v1/activations/deactivations", request -> new Answer(503, "text/html", "<h1>Down</h1>"));
        CliRun refused = licentia("deactivate", "--activation-key", key, "--url", server.url);
        assertEquals(CliExit.SERVER_ERROR, refused.exitCode());
        DeactivationCode.verify(refused.out().strip(), "17", computerId());
        assertTrue(
                refused.err().startsWith("Error: HTTP 503 from " + server.url + "/api/v1/activations/deactivations"),
                refused.err());
        assertTrue(
                refused.err().contains("The computer key was removed, but the server did not confirm."), refused.err());

        CliRun again = licentia("activate", "--url", server.url, "--activation-key", key);
        assertEquals(CliExit.CONFLICT, again.exitCode(), "the server still has activation 17, which was given up here");
        assertTrue(
                again.err()
                        .startsWith("Error: the server returned activation 17 of key " + key
                                + ", which this computer gave up"),
                again.err());

        server.activationNumber.set(18); // the code was delivered after all: the next activation is a new one
        activated();
        String nowhere = closedUrl();
        CliRun unreachable = licentia("deactivate", "--activation-key", key, "--url", nowhere);
        assertEquals(CliExit.UNREACHABLE, unreachable.exitCode());
        DeactivationCode.verify(unreachable.out().strip(), "18", computerId());
        assertTrue(unreachable.err().contains(nowhere + "/self-help/deactivation"), unreachable.err());
    }

    @Test
    void anActivationRequestShowsTheSelfHelpAddressAsText() {
        CliRun run = licentia("activation-request", "--url", server.url + "/", "--activation-key", key);
        assertEquals(0, run.exitCode(), run.err());
        List<String> lines = run.out().lines().toList();
        assertEquals("Computer ID: " + computerId(), lines.get(0));
        assertEquals(
                "Get the computer key at: " + server.url + "/self-help/activation?activationKey=" + key + "&computerId="
                        + computerId(),
                lines.get(1));
        assertTrue(lines.get(2).matches("\u2588{20,}"), "a QR code with its light border: " + lines.get(2));
        assertTrue(lines.size() > 15, run.out());
        assertTrue(server.requests.isEmpty(), "nothing was sent");

        CliRun light = licentia("activation-request", "--url", server.url, "--activation-key", key, "--light-terminal");
        assertTrue(light.out().lines().skip(2).findFirst().orElseThrow().isBlank(), light.out());
    }

    /** {@code activate} offline with this computer key and the stand-in publisher's key, and {@code more}. */
    private CliRun activateOffline(String computerKey, String... more) {
        List<String> args = new java.util.ArrayList<>(List.of(
                "activate",
                "--activation-key",
                key,
                "--computer-key",
                computerKey,
                "--public-key",
                server.signer.publicKey));
        args.addAll(List.of(more));
        return licentia(args.toArray(String[]::new));
    }
}
