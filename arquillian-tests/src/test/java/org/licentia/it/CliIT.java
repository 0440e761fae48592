package org.licentia.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The admin's view: the licentia CLI run as a separate process against the server. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class CliIT {

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.licentiaEar();
    }

    record Run(int exit, String out, String err) {}

    static Run licentia(String... args) throws IOException, InterruptedException {
        return licentia(Map.of(), args);
    }

    /** With {@code environment} only: credentials and tokens of the build's own environment never leak in. */
    static Run licentia(Map<String, String> environment, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar",
                System.getProperty("licentia.it.cli")));
        command.addAll(List.of(args));
        ProcessBuilder builder =
                new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        builder.environment().remove("LICENTIA_EMAIL");
        builder.environment().remove("LICENTIA_PASSWORD");
        builder.environment().remove("LICENTIA_TOKEN");
        builder.environment().putAll(environment);
        Process process = builder.start();
        byte[] out = process.getInputStream().readAllBytes();
        byte[] err = process.getErrorStream().readAllBytes();
        assertTrue(process.waitFor(60, TimeUnit.SECONDS));
        return new Run(
                process.exitValue(), new String(out, StandardCharsets.UTF_8), new String(err, StandardCharsets.UTF_8));
    }

    /** The command signed in as the admin of the on-prem instance under test. */
    static String[] onPremAdmin(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--url", OnPrem.BASE, "-e", Api.ADMIN, "-p", Api.ADMIN_PASSWORD));
        return all.toArray(String[]::new);
    }

    static String[] admin(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--url", Api.BASE, "-e", Api.ADMIN, "-p", Api.ADMIN_PASSWORD));
        return all.toArray(String[]::new);
    }

    @Test
    void showsTheDemoLicense() throws Exception {
        Run run = licentia(admin("license", "show", "11554731"));
        assertEquals(0, run.exit(), run.err());
        assertTrue(run.out().contains("License:          11554731"), run.out());
        assertTrue(run.out().contains("Account:          Example User 1"), run.out());
        assertTrue(run.out().contains("Seats:            20"), run.out());
    }

    @Test
    void createsUpdatesVerifiesAndRevokes() throws Exception {
        String number = Api.uniqueNumber();
        Run created = licentia(admin(
                "license",
                "create",
                "--number",
                number,
                "--account",
                "Example User",
                "--seats",
                "4",
                "--expires",
                "2027-12-31"));
        assertEquals(0, created.exit(), created.err());
        assertTrue(created.out().startsWith("License " + number + " created."), created.out());

        Run updated = licentia(admin("license", "update", number, "--seats", "6"));
        assertEquals(0, updated.exit(), updated.err());
        assertTrue(updated.out().contains("Seats:            6"), updated.out());

        Run verified = licentia(admin("license", "verify", number));
        assertEquals(0, verified.exit(), verified.err());
        assertTrue(verified.out().startsWith("Signature valid: license " + number), verified.out());

        Run listed = licentia(admin("license", "list", "--account", "Example User", "--size", "500"));
        assertEquals(0, listed.exit(), listed.err());
        assertTrue(listed.out().contains(number), listed.out());

        Run revoked = licentia(admin("license", "revoke", number, "--reason", "test"));
        assertEquals(0, revoked.exit(), revoked.err());
        assertEquals("License " + number + " revoked.", revoked.out().strip());

        var records = Api.admin()
                .get("/api/v1/audit?itemType=license&itemId=" + number)
                .json()
                .getJsonArray("items");
        // the channel is the endpoint the server knows; what the CLI says of itself is kept as its claim
        assertEquals("REST", records.getJsonObject(0).getString("channel"));
        assertTrue(
                records.getJsonObject(0).getString("client").startsWith("licentia-cli/"),
                records.getJsonObject(0).toString());
    }

    @Test
    void errorsGiveAMessageAndAnExitCode() throws Exception {
        Run duplicate = licentia(
                admin("license", "create", "--number", "11554731", "--account", "Example User", "--seats", "1"));
        assertEquals(5, duplicate.exit());
        assertTrue(duplicate.err().contains("[LICENSE_NUMBER_TAKEN]"), duplicate.err());

        Run missing = licentia(admin("license", "show", "00000003"));
        assertEquals(4, missing.exit());
        assertTrue(missing.err().contains("[LICENSE_NOT_FOUND]"), missing.err());

        Run badNumber = licentia(admin("license", "show", "12ab"));
        assertEquals(2, badNumber.exit());

        Run wrongPassword =
                licentia("license", "show", "11554731", "--url", Api.BASE, "-e", Api.ADMIN, "-p", "nope-nope");
        assertEquals(3, wrongPassword.exit(), wrongPassword.err());

        Run down = licentia("license", "show", "11554731", "--url", "http://127.0.0.1:1", "-e", Api.ADMIN, "-p", "x");
        assertEquals(6, down.exit());
        assertTrue(down.err().startsWith("Error: cannot reach the Licentia server"), down.err());
    }

    @Test
    void definesAndListsProducts() throws Exception {
        String code = "CLI-" + Api.uniqueNumber();
        java.nio.file.Path file = java.nio.file.Files.createTempFile("product", ".json");
        java.nio.file.Files.writeString(
                file,
                "{\"code\":\"" + code + "\",\"name\":\"CLI Product\",\"editions\":["
                        + "{\"code\":\"BASIC\",\"name\":\"Basic\",\"isDefault\":true,\"features\":[\"core\"]}]}");
        Run created = licentia(admin("product", "create", "--file", file.toString()));
        assertEquals(0, created.exit(), created.err());
        assertTrue(
                created.out()
                        .startsWith("Product " + code + " created.\nCLI Product (" + code
                                + ")\n  BASIC: Basic (default); features: core"),
                created.out());
        Run listed = licentia(admin("product", "list"));
        assertEquals(0, listed.exit(), listed.err());
        assertTrue(listed.out().contains("CLI Product (" + code + ")"), listed.out());
        Run again = licentia(admin("product", "create", "--file", file.toString()));
        assertEquals(5, again.exit());
        assertTrue(again.err().contains("[PRODUCT_CODE_TAKEN]"), again.err());
    }

    @Test
    void managesAccountsAndUsers() throws Exception {
        String name = "CLI Account " + Api.uniqueNumber();
        Run account = licentia(admin("account", "create", "--name", name));
        assertEquals(0, account.exit(), account.err());
        assertEquals("Account " + name + " created.", account.out().strip());

        String email = "cli." + Api.uniqueNumber() + "@example.com";
        List<String> add = new ArrayList<>(List.of(
                "user",
                "add",
                "--account",
                name,
                "--email",
                email,
                "--password",
                "cli-secret-1",
                "--role",
                "viewer",
                "--url",
                Api.BASE,
                "--admin-email",
                Api.ADMIN,
                "--admin-password",
                Api.ADMIN_PASSWORD));
        Run added = licentia(add.toArray(String[]::new));
        assertEquals(0, added.exit(), added.err());

        Run roles = licentia(
                "user",
                "roles",
                "--email",
                email,
                "--account",
                name,
                "--role",
                "deputy-license-manager",
                "--url",
                Api.BASE,
                "--admin-email",
                Api.ADMIN,
                "--admin-password",
                Api.ADMIN_PASSWORD);
        assertEquals(0, roles.exit(), roles.err());
        assertTrue(Api.admin().get("/api/v1/users/" + email).body().contains("deputy-license-manager"));
    }
}
