package org.licentia.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Floating seats through the licentia CLI, run as a separate process: an administrator makes a
 * client token, a script reserves, renews, borrows and releases seats with it, and the
 * administrator lists and revokes leases. The server under test hosts the licenses itself.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SeatCliIT {

    private static final Pattern LEASE_LINE = Pattern.compile(
            "Lease (\\S+): license (\\d{8}), client (\\S+), until (\\S+) \\(heartbeat every (\\d+) s\\)\n");

    private static Customer customer;
    private static String manager;

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.licentiaEar();
    }

    /** One account per class, made once the deployment is up; each test hosts licenses of its own. */
    @BeforeEach
    void customer() {
        if (customer == null) {
            customer = Customer.create("Seat CLI");
            manager = customer.user("manager", "license-manager");
        }
    }

    private static CliIT.Run cli(String... args) throws Exception {
        return CliIT.licentia(args);
    }

    /** A seat client's command line: the instance and the client token. */
    private static String[] client(String token, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--url", Api.BASE, "--token", token));
        return all.toArray(String[]::new);
    }

    private static String token() throws Exception {
        CliIT.Run created = cli(CliIT.admin("client-token", "create", "--name", "seat-cli-" + Api.uniqueNumber()));
        assertEquals(0, created.exit(), created.err());
        return created.out().strip();
    }

    private static Matcher leaseLine(CliIT.Run run) {
        Matcher line = LEASE_LINE.matcher(run.out());
        assertTrue(line.matches(), run.out());
        return line;
    }

    @Test
    void aTokenIsShownOnceListedAndRevoked() throws Exception {
        String name = "seat-cli-" + Api.uniqueNumber();
        CliIT.Run created = cli(CliIT.admin("client-token", "create", "--name", name));
        assertEquals(0, created.exit(), created.err());
        assertTrue(created.out().matches("lct_\\S+\n"), "the token alone: " + created.out());
        assertEquals("Store this token now: it is not shown again.\n", created.err());
        String token = created.out().strip();

        CliIT.Run listed = cli(CliIT.admin("client-token", "list"));
        assertEquals(0, listed.exit(), listed.err());
        assertTrue(listed.out().startsWith("NAME"), listed.out());
        assertTrue(listed.out().contains("\n" + name + " "), listed.out());
        assertTrue(tokenRow(listed, name).endsWith(" -"), "not revoked: " + listed.out());
        assertTrue(!listed.out().contains(token), "the secret is never listed");

        String license = OwnInstance.host(customer, manager, 2);
        CliIT.Run reserved = cli(client(token, "seat", "reserve", "--license", license, "--client", "cli-token-check"));
        assertEquals(0, reserved.exit(), reserved.err());

        CliIT.Run revoked = cli(CliIT.admin("client-token", "revoke", "--name", name));
        assertEquals(0, revoked.exit(), revoked.err());
        assertEquals("Client token " + name + " revoked.\n", revoked.out());
        CliIT.Run listedAgain = cli(CliIT.admin("client-token", "list"));
        assertTrue(!tokenRow(listedAgain, name).endsWith(" -"), "revoked: " + listedAgain.out());

        CliIT.Run refused =
                cli(client(token, "seat", "reserve", "--license", license, "--client", "cli-token-check-2"));
        assertEquals(3, refused.exit(), refused.err());
        assertTrue(
                refused.err().startsWith("Error: ") && refused.err().contains("[INVALID_CLIENT_TOKEN]"), refused.err());
    }

    private static String tokenRow(CliIT.Run list, String name) {
        return list.out()
                .lines()
                .filter(line -> line.startsWith(name + " "))
                .findFirst()
                .orElseThrow(() -> new AssertionError(list.out()));
    }

    @Test
    void reservesRenewsListsAndReleases() throws Exception {
        String token = token();
        String license = OwnInstance.host(customer, manager, 2);

        CliIT.Run reserved = cli(client(
                token,
                "seat",
                "reserve",
                "--license",
                license,
                "--client",
                "cli-alice@ws-1/4711",
                "--host",
                "ws-1",
                "--user",
                "alice"));
        assertEquals(0, reserved.exit(), reserved.err());
        Matcher lease = leaseLine(reserved);
        String id = lease.group(1);
        assertEquals(license, lease.group(2));
        assertEquals("cli-alice@ws-1/4711", lease.group(3));
        assertTrue(Instant.parse(lease.group(4)).isAfter(Instant.now()), lease.group(4));
        assertTrue(Integer.parseInt(lease.group(5)) > 0, reserved.out());

        CliIT.Run again =
                cli(client(token, "seat", "reserve", "--license", license, "--client", "cli-alice@ws-1/4711"));
        assertEquals(0, again.exit(), again.err());
        assertEquals(id, leaseLine(again).group(1), "reserving again gives the same lease");

        CliIT.Run renewed = cli(client(token, "seat", "heartbeat", "--lease", id));
        assertEquals(0, renewed.exit(), renewed.err());
        assertEquals(id, leaseLine(renewed).group(1));

        CliIT.Run json = cli(client(token, "seat", "heartbeat", "--lease", id, "--json"));
        assertEquals(0, json.exit(), json.err());
        JsonObject answer =
                jakarta.json.Json.createReader(new StringReader(json.out())).readObject();
        assertEquals(id, answer.getJsonObject("lease").getString("id"));
        assertEquals(id, answer.getJsonObject("document").getString("lease"));
        assertEquals("Ed25519", answer.getJsonObject("signature").getString("algorithm"));

        CliIT.Run listed = cli(CliIT.admin("seat", "list", "--license", license));
        assertEquals(0, listed.exit(), listed.err());
        assertTrue(listed.out().startsWith("LEASE"), listed.out());
        String row = listed.out()
                .lines()
                .filter(l -> l.startsWith(id + " "))
                .findFirst()
                .orElseThrow(() -> new AssertionError(listed.out()));
        assertTrue(
                row.matches(Pattern.quote(id) + " +" + license + " +cli-alice@ws-1/4711 +ws-1 +alice +\\S+ +no"), row);

        CliIT.Run released = cli(client(token, "seat", "release", "--lease", id));
        assertEquals(0, released.exit(), released.err());
        assertEquals("Released lease " + id + "\n", released.out());
        assertEquals(
                "No leases.\n",
                cli(CliIT.admin("seat", "list", "--license", license)).out());

        CliIT.Run ended = cli(client(token, "seat", "heartbeat", "--lease", id));
        assertEquals(5, ended.exit(), ended.err());
        assertTrue(ended.err().contains("[LEASE_ENDED]"), ended.err());
    }

    @Test
    void aFullLicenseRefusesUntilTheAdministratorRevokesALease() throws Exception {
        String token = token();
        String license = OwnInstance.host(customer, manager, 1);
        CliIT.Run first = cli(client(token, "seat", "reserve", "--license", license, "--client", "cli-first"));
        assertEquals(0, first.exit(), first.err());
        String id = leaseLine(first).group(1);

        CliIT.Run full = cli(client(token, "seat", "reserve", "--license", license, "--client", "cli-second"));
        assertEquals(5, full.exit(), full.err());
        assertTrue(full.err().startsWith("Error: ") && full.err().contains("[NO_SEAT_AVAILABLE]"), full.err());

        CliIT.Run revoked = cli(CliIT.admin("seat", "revoke", "--lease", id));
        assertEquals(0, revoked.exit(), revoked.err());
        assertEquals("Revoked lease " + id + "\n", revoked.out());

        CliIT.Run told = cli(client(token, "seat", "heartbeat", "--lease", id));
        assertEquals(5, told.exit(), told.err());
        assertTrue(told.err().contains("[LEASE_ENDED]"), told.err());

        CliIT.Run second = cli(client(token, "seat", "reserve", "--license", license, "--client", "cli-second"));
        assertEquals(0, second.exit(), second.err());
    }

    @Test
    void borrowsForDaysWithinTheMaximum() throws Exception {
        String token = token();
        String license = OwnInstance.host(customer, manager, 2);
        CliIT.Run borrowed =
                cli(client(token, "seat", "borrow", "--license", license, "--client", "cli-laptop", "--days", "3"));
        assertEquals(0, borrowed.exit(), borrowed.err());
        Matcher line = Pattern.compile(
                        "Borrowed lease (\\S+): license " + license + ", client cli-laptop, until (\\S+)\n")
                .matcher(borrowed.out());
        assertTrue(line.matches(), borrowed.out());
        Duration lent = Duration.between(Instant.now(), Instant.parse(line.group(2)));
        assertTrue(
                lent.compareTo(Duration.ofDays(3).minusHours(1)) > 0
                        && lent.compareTo(Duration.ofDays(3).plusHours(1)) < 0,
                lent.toString());
        assertTrue(
                cli(CliIT.admin("seat", "list", "--license", license)).out().contains(" yes\n"), "listed as borrowed");

        CliIT.Run tooLong =
                cli(client(token, "seat", "borrow", "--license", license, "--client", "cli-laptop-2", "--days", "365"));
        assertEquals(1, tooLong.exit(), tooLong.err());
        assertTrue(tooLong.err().contains("[BORROW_TOO_LONG]"), tooLong.err());

        CliIT.Run returned = cli(client(token, "seat", "release", "--lease", line.group(1)));
        assertEquals(0, returned.exit(), returned.err());
        assertEquals(List.of(), OwnInstance.leaseIds(license));
    }

    @Test
    void reservesByProductAndFeature() throws Exception {
        String token = token();
        String product = OwnInstance.product("designer");
        String license = OwnInstance.host(customer, manager, customer.license(product, 1));

        CliIT.Run reserved = cli(client(
                token, "seat", "reserve", "--product", product, "--feature", "designer", "--client", "cli-by-product"));
        assertEquals(0, reserved.exit(), reserved.err());
        assertEquals(license, leaseLine(reserved).group(2));

        CliIT.Run noFeature = cli(client(
                token, "seat", "reserve", "--product", product, "--feature", "render", "--client", "cli-by-feature"));
        assertEquals(4, noFeature.exit(), noFeature.err());
        assertTrue(noFeature.err().contains("[LICENSE_NOT_HOSTED]"), noFeature.err());
    }

    @Test
    void theTokenComesFromTheEnvironmentOrTheCommandRefuses() throws Exception {
        String token = token();
        String license = OwnInstance.host(customer, manager, 1);
        CliIT.Run fromEnvironment = CliIT.licentia(
                Map.of("LICENTIA_TOKEN", token),
                "seat",
                "reserve",
                "--url",
                Api.BASE,
                "--license",
                license,
                "--client",
                "cli-env");
        assertEquals(0, fromEnvironment.exit(), fromEnvironment.err());
        leaseLine(fromEnvironment);

        CliIT.Run without = cli("seat", "reserve", "--url", Api.BASE, "--license", license, "--client", "cli-env");
        assertEquals(2, without.exit(), without.err());
        assertTrue(
                without.err().startsWith("Error: client token required: give --token or set LICENTIA_TOKEN"),
                without.err());

        CliIT.Run notHosted = cli(client(token, "seat", "reserve", "--license", "00000007", "--client", "cli-env"));
        assertEquals(4, notHosted.exit(), notHosted.err());
        assertTrue(notHosted.err().contains("[LICENSE_NOT_HOSTED]"), notHosted.err());
    }
}
