package org.licentia.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
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
import org.licentia.client.activation.ComputerKey;
import org.licentia.client.activation.DeactivationCode;
import org.licentia.client.activation.Installation;

/** The staff's activation commands against a stand-in server. */
class ActivationCommandsTest {

    @TempDir
    Path customer;

    private final ActivationKey key = ActivationKey.generate();
    private PublisherStandIn server;
    private Installation installation;
    private ComputerId computerId;

    @BeforeEach
    void start() throws IOException {
        server = new PublisherStandIn();
        installation = Installation.open(customer);
        computerId = ComputerId.ofThisMachine(installation);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private CliRun asStaff(String... args) {
        String[] all = new String[args.length + 7];
        all[0] = "activation";
        System.arraycopy(args, 0, all, 1, args.length);
        System.arraycopy(
                new String[] {"--url", server.url, "-e", PublisherStandIn.EMAIL, "-p", PublisherStandIn.PASSWORD},
                0,
                all,
                args.length + 1,
                6);
        return CliRun.of(all);
    }

    @Test
    void createPrintsTheComputerKeyTheCustomerActivatesWith() {
        CliRun run = asStaff(
                "create",
                "--activation-key",
                key.toString().toLowerCase(),
                "--computer-id",
                computerId.toString().replace("-", ""),
                "--computer-name",
                "build-7",
                "--field",
                "site=Berlin");
        assertEquals(0, run.exitCode(), run.err());
        PublisherStandIn.Request create =
                server.requests("POST", "/api/v1/activations").get(0);
        assertEquals(PublisherStandIn.staff(), create.authorization());
        assertEquals(
                Json.parse("{\"activationKey\":\"" + key + "\",\"computerId\":\"" + computerId
                        + "\",\"computerName\":\"build-7\"," + "\"fields\":{\"site\":\"Berlin\"}}"),
                create.json());
        assertEquals(
                "Created activation 17 of license 11554731 for computer 0YCQH-F2B6H-MY9MG-2VMDA-X4MZH-1KDRJ: ACTIVE.",
                run.err().strip());

        String computerKey = run.out().strip();
        ComputerKey.parse(computerKey)
                .verify(key, computerId, List.of(java.util.Base64.getDecoder().decode(server.signer.publicKey)));
        CliRun activate = CliRun.of(
                "activate",
                "--activation-key",
                key.toString(),
                "--computer-key",
                computerKey,
                "--public-key",
                server.signer.publicKey,
                "--installation",
                customer.toString());
        assertEquals(0, activate.exitCode(), activate.err());
    }

    @Test
    void createShowsTheKeyAsAQrCodeOnRequest() {
        CliRun run =
                asStaff("create", "--activation-key", key.toString(), "--computer-id", computerId.toString(), "--qr");
        assertEquals(0, run.exitCode(), run.err());
        List<String> lines = run.out().lines().toList();
        ComputerKey.parse(lines.get(0));
        assertTrue(lines.get(1).matches("\u2588{20,}"), lines.get(1));
        assertTrue(lines.size() > 20, run.out());
    }

    @Test
    void mistypedCodesAreCaughtBeforeAnyCall() {
        String id = computerId.toString();
        String typo = id.substring(0, 2) + (id.charAt(2) == 'A' ? 'B' : 'A') + id.substring(3);
        CliRun run = asStaff("create", "--activation-key", key.toString(), "--computer-id", typo);
        assertEquals(CliExit.USAGE, run.exitCode());
        assertTrue(
                run.err().startsWith("Error: --computer-id: not a computer ID: the check symbol does not match"),
                run.err());

        CliRun dvc = asStaff("confirm-deactivation", "--dvc", "0406K-Y374Z");
        assertEquals(CliExit.USAGE, dvc.exitCode());
        assertTrue(
                dvc.err().startsWith("Error: --dvc: not a deactivation code: expected 165 symbols but found 10"),
                dvc.err());
        assertTrue(server.requests.isEmpty(), "nothing was sent");
    }

    @Test
    void listShowsEveryActivationOfTheLicense() {
        server.answers.put(
                "GET /api/v1/activations",
                request -> Answer.json(
                        200,
                        "{\"activations\":["
                                + "{\"activationId\":\"17\",\"license\":\"11554731\",\"computerId\":\"0YCQH-F2B6H-MY9MG-2VMDA-X4MZH-1KDRJ\","
                                + "\"computerName\":\"build-7\",\"status\":\"ACTIVE\",\"activatedAt\":\"2026-11-22T17:00:00Z\",\"deactivatedAt\":null},"
                                + "{\"activationId\":\"9\",\"license\":\"11554731\",\"computerId\":\"000G4-0R40M-30E20-9185G-R38E1-W8120\","
                                + "\"status\":\"REVOKED\",\"activatedAt\":\"2026-10-01T09:00:00Z\",\"deactivatedAt\":\"2026-11-01T10:00:00Z\"}]}"));
        CliRun run = asStaff("list", "--license", "11554731");
        assertEquals(0, run.exitCode(), run.err());
        assertEquals(
                "/api/v1/activations?license=11554731", server.requests.get(0).uri());
        String n = System.lineSeparator();
        assertEquals(
                "ID  COMPUTER ID                          NAME     STATUS   ACTIVATED             DEACTIVATED" + n
                        + "17  0YCQH-F2B6H-MY9MG-2VMDA-X4MZH-1KDRJ  build-7  ACTIVE   2026-11-22T17:00:00Z  -" + n
                        + "9   000G4-0R40M-30E20-9185G-R38E1-W8120  -        REVOKED  2026-10-01T09:00:00Z  2026-11-01T10:00:00Z"
                        + n,
                run.out());

        server.answers.put("GET /api/v1/activations", request -> Answer.json(200, "{\"activations\":[]}"));
        assertEquals(
                "No activations.",
                asStaff("list", "--license", "11554731").out().strip());
        assertEquals(CliExit.USAGE, asStaff("list", "--license", "L42").exitCode());
    }

    @Test
    void releaseRevokesAnActivation() {
        server.answers.put(
                "DELETE /api/v1/activations/17",
                request -> Answer.json(200, PublisherStandIn.activation("REVOKED", "2026-11-23T08:00:00Z", null)));
        CliRun run = asStaff("release", "17");
        assertEquals(0, run.exitCode(), run.err());
        assertEquals(
                "Released activation 17 of license 11554731 for computer 0YCQH-F2B6H-MY9MG-2VMDA-X4MZH-1KDRJ: REVOKED.",
                run.out().strip());

        server.answers.put(
                "DELETE /api/v1/activations/18",
                request -> Answer.problem(404, "ACTIVATION_NOT_FOUND", "No activation 18"));
        CliRun missing = asStaff("release", "18");
        assertEquals(CliExit.NOT_FOUND, missing.exitCode());
        assertEquals(
                "Error: No activation 18 [ACTIVATION_NOT_FOUND]", missing.err().strip());
    }

    @Test
    void confirmDeactivationNeedsNoSignInAndSendsTheCanonicalCode() {
        DeactivationCode code =
                DeactivationCode.create(installation, "17", computerId, Instant.parse("2026-11-23T08:00:00Z"));
        String typed = code.toString().toLowerCase().replace("-", " ");
        CliRun run = CliRun.of("activation", "confirm-deactivation", "--dvc", typed, "--url", server.url);
        assertEquals(0, run.exitCode(), run.err());
        assertEquals(
                "Deactivated activation 17 of license 11554731 for computer 0YCQH-F2B6H-MY9MG-2VMDA-X4MZH-1KDRJ: DEACTIVATED.",
                run.out().strip());
        PublisherStandIn.Request sent = server.requests.get(0);
        assertEquals(code.toString(), sent.json().getString("dvc"));
        assertNull(sent.authorization());

        server.answers.put(
                "POST /api/v1/activations/deactivations",
                request ->
                        Answer.problem(409, "ACTIVATION_ALREADY_DEACTIVATED", "Activation 17 is already deactivated"));
        CliRun again = asStaff("confirm-deactivation", "--dvc", code.toString());
        assertEquals(CliExit.CONFLICT, again.exitCode());
        assertEquals(
                "Error: Activation 17 is already deactivated [ACTIVATION_ALREADY_DEACTIVATED]",
                again.err().strip());
    }
}
