package org.licentia.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.licentia.client.activation.ComputerId;

/**
 * Node-locked activation through the licentia CLI, run as a separate process: a computer activates
 * online, validates and deactivates; a computer without a connection sends its ID, the publisher's
 * staff make its computer key, the user enters it, and later hands back the deactivation code.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ActivationCliIT {

    private static final Pattern ACTIVATED = Pattern.compile(
            "Activated activation (\\d+) of license (\\d{8}).*\nComputer key: (\\S+)\n", Pattern.DOTALL);

    private static Customer customer;

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.licentiaEar();
    }

    @BeforeEach
    void customer() {
        if (customer == null) {
            customer = Customer.create("Activation CLI");
        }
    }

    private static CliIT.Run cli(String... args) throws Exception {
        return CliIT.licentia(args);
    }

    /** A computer's command line: its own installation directory. */
    private static String[] on(Path installation, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--installation", installation.toString()));
        return all.toArray(String[]::new);
    }

    @Test
    void activateOnlineValidateAndDeactivate() throws Exception {
        String license = customer.license(1);
        String key = Customer.activationKey(license);
        CliIT.Run shown = cli(CliIT.admin("license", "show", license));
        assertTrue(shown.out().contains("Activation key:   " + key), shown.out());
        Path computer = Files.createTempDirectory("licentia-cli-computer");

        CliIT.Run activated = cli(on(
                computer,
                "activate",
                "--url",
                Api.BASE,
                "--activation-key",
                key.toLowerCase(),
                "--computer-name",
                "build-7",
                "--field",
                "site=Berlin"));
        assertEquals(0, activated.exit(), activated.err());
        Matcher line = ACTIVATED.matcher(activated.out());
        assertTrue(line.matches(), activated.out());
        assertEquals(license, line.group(2));

        CliIT.Run valid = cli(on(computer, "validate", "--activation-key", key, "--url", Api.BASE));
        assertEquals(0, valid.exit(), valid.err());
        assertTrue(valid.out().startsWith("Valid: "), valid.out());
        assertTrue(valid.out().contains("Server: ACTIVE (activation " + line.group(1) + ")"), valid.out());

        CliIT.Run listed = cli(CliIT.admin("activation", "list", "--license", license));
        assertEquals(0, listed.exit(), listed.err());
        assertTrue(listed.out().contains("build-7"), listed.out());

        CliIT.Run deactivated = cli(on(computer, "deactivate", "--activation-key", key, "--url", Api.BASE));
        assertEquals(0, deactivated.exit(), deactivated.err());
        assertEquals("Deactivated activation " + line.group(1) + " of license " + license + ".\n", deactivated.out());
        CliIT.Run gone = cli(on(computer, "validate", "--activation-key", key, "--url", Api.BASE));
        assertEquals(4, gone.exit(), "not activated any more: " + gone.out() + gone.err());
    }

    @Test
    void offlineActivationByTheStaffAndOfflineDeactivationWithACode() throws Exception {
        String license = customer.license(1);
        String key = Customer.activationKey(license);
        Path computer = Files.createTempDirectory("licentia-cli-offline");

        CliIT.Run request = cli(on(computer, "activation-request", "--url", Api.BASE, "--activation-key", key));
        assertEquals(0, request.exit(), request.err());
        Matcher id = Pattern.compile("Computer ID: (\\S+)\n").matcher(request.out());
        assertTrue(id.find(), request.out());
        String computerId = ComputerId.parse(id.group(1)).toString();
        assertTrue(request.out().contains(Api.BASE + "/self-help/activation?activationKey="), request.out());

        CliIT.Run created = cli(CliIT.admin(
                "activation",
                "create",
                "--activation-key",
                key,
                "--computer-id",
                computerId,
                "--computer-name",
                "air-gapped-1"));
        assertEquals(0, created.exit(), created.err());
        String computerKey = created.out().strip();

        CliIT.Run mistyped = cli(on(
                computer,
                "activate",
                "--activation-key",
                key,
                "--computer-key",
                computerKey.substring(0, 7) + (computerKey.charAt(7) == 'A' ? 'B' : 'A') + computerKey.substring(8),
                "--url",
                Api.BASE));
        assertEquals(2, mistyped.exit(), "a typo is caught before anything is kept: " + mistyped.err());

        String publicKey = Computer.publisherKeys(Api.anonymous()).stream()
                .map(k -> java.util.Base64.getEncoder().encodeToString(k))
                .findFirst()
                .orElseThrow();
        CliIT.Run entered = cli(on(
                computer,
                "activate",
                "--activation-key",
                key,
                "--computer-key",
                computerKey,
                "--public-key",
                publicKey,
                // offline, as the application would have it built in
                "--feature-catalog",
                String.join(",", Computer.defaultFeatureCatalog())));
        assertEquals(0, entered.exit(), entered.err());
        CliIT.Run valid = cli(on(computer, "validate", "--activation-key", key, "--public-key", publicKey));
        assertEquals(0, valid.exit(), valid.err());

        CliIT.Run offline = cli(on(computer, "deactivate", "--activation-key", key, "--offline"));
        assertEquals(0, offline.exit(), offline.err());
        String dvc = offline.out().strip();
        assertEquals(33, dvc.split("-").length, "a DVC is 33 groups: " + dvc);

        CliIT.Run confirmed = cli("activation", "confirm-deactivation", "--url", Api.BASE, "--dvc", dvc);
        assertEquals(0, confirmed.exit(), confirmed.err());
        assertTrue(confirmed.out().startsWith("Deactivated activation "), confirmed.out());
        assertTrue(confirmed.out().contains(computerId), confirmed.out());
        CliIT.Run replayed = cli("activation", "confirm-deactivation", "--url", Api.BASE, "--dvc", dvc);
        assertEquals(5, replayed.exit(), replayed.err());
        assertTrue(replayed.err().contains("[ACTIVATION_ALREADY_DEACTIVATED]"), replayed.err());
    }

    @Test
    void aMistypedActivationKeyIsCaughtBeforeAnyCall() throws Exception {
        String license = customer.license(1);
        String key = Customer.activationKey(license);
        String typo = (key.charAt(0) == '7' ? '8' : '7') + key.substring(1);
        Path computer = Files.createTempDirectory("licentia-cli-typo");
        CliIT.Run refused = cli(on(computer, "activate", "--url", Api.BASE, "--activation-key", typo));
        assertEquals(2, refused.exit(), refused.err());
        assertTrue(refused.err().toLowerCase().contains("check symbol"), refused.err());
        assertEquals(
                "No activations.\n",
                cli(CliIT.admin("activation", "list", "--license", license)).out());
    }
}
