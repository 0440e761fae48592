package org.licentia.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Every case here fails before any request: the URL points nowhere that could answer. */
class LocalValidationTest {

    private static final String[] NOWHERE = {"--url", "http://127.0.0.1:1", "-e", "admin@example.com", "-p", "secret"};

    private static CliRun run(String... args) {
        String[] all = new String[args.length + NOWHERE.length];
        System.arraycopy(args, 0, all, 0, args.length);
        System.arraycopy(NOWHERE, 0, all, args.length, NOWHERE.length);
        return CliRun.of(all);
    }

    private static void assertUsageError(CliRun run, String message) {
        assertEquals(CliExit.USAGE, run.exitCode(), run.err());
        assertTrue(run.err().startsWith("Error: ") && run.err().contains(message), run.err());
        assertEquals("", run.out());
    }

    @Test
    void licenseNumberMustBeEightDigits() {
        assertUsageError(run("license", "show", "1234"), "License number must be 8 digits: 1234");
        assertUsageError(run("license", "revoke", "1155473x"), "License number must be 8 digits: 1155473x");
        assertUsageError(
                run("license", "create", "--number", "123456789", "--account", "A", "--seats", "1"),
                "--number: License number must be 8 digits: 123456789");
    }

    @Test
    void datesMustBeRealDaysInIsoForm() {
        assertUsageError(
                run("license", "update", "11554731", "--expires", "2027-13-01"),
                "--expires: Date must be YYYY-MM-DD: 2027-13-01");
        assertUsageError(
                run("license", "update", "11554731", "--support-expires", "31.12.2027"),
                "Date must be YYYY-MM-DD: 31.12.2027");
        assertUsageError(
                run("license", "create", "--account", "A", "--seats", "1", "--starts", "2026-02-30"), "2026-02-30");
    }

    @Test
    void seatsAreAWholeNumberNotBelowZero() {
        assertUsageError(
                run("license", "create", "--account", "A", "--seats", "-1"),
                "--seats: Must be a whole number, 0 or more: -1");
        assertUsageError(run("license", "update", "11554731", "--seats", "many"), "many");
    }

    @Test
    void rolesAndQuotaMetricsComeFromTheirLists() {
        assertUsageError(
                CliRun.of(
                        "user",
                        "add",
                        "--email",
                        "u@example.com",
                        "--password",
                        "pw",
                        "--account",
                        "A",
                        "--role",
                        "owner",
                        "--url",
                        "http://127.0.0.1:1"),
                "--role: Role must be one of license-manager,");
        assertUsageError(
                run("license", "update", "11554731", "--quota-metric", "users"),
                "Quota metric must be one of seats, hosts, cpu-sockets: users");
    }

    @Test
    void accountRolesNeedAnAccount() {
        assertUsageError(
                CliRun.of(
                        "user",
                        "roles",
                        "--email",
                        "u@example.com",
                        "--role",
                        "viewer",
                        "--admin-email",
                        "a@example.com",
                        "--admin-password",
                        "pw",
                        "--url",
                        "http://127.0.0.1:1"),
                "Role viewer needs --account");
    }

    @Test
    void updateWithoutChangesIsRefused() {
        assertUsageError(run("license", "update", "11554731"), "Nothing to update");
    }

    @Test
    void aSeatIsTakenOfALicenseOrOfAProduct() {
        String[] token = {"--url", "http://127.0.0.1:1", "--token", "lct_a.b"};
        assertUsageError(
                CliRun.of(concat(new String[] {"seat", "reserve", "--client", "c"}, token)),
                "Give --license NUMBER or --product P");
        assertUsageError(
                CliRun.of(concat(
                        new String[] {"seat", "reserve", "--client", "c", "--license", "96023021", "--product", "qt"},
                        token)),
                "Give either --license or --product, not both");
        assertUsageError(
                CliRun.of(concat(
                        new String[] {
                            "seat", "borrow", "--client", "c", "--license", "96023021", "--feature", "f", "--days", "2"
                        },
                        token)),
                "--feature needs --product");
        assertUsageError(
                CliRun.of(concat(new String[] {"seat", "reserve", "--license", "9602302"}, token)),
                "--license: License number must be 8 digits: 9602302");
        assertUsageError(
                CliRun.of(concat(new String[] {"seat", "reserve", "--license", "96023021"}, token)),
                "Missing required option: '--client=ID'");
        assertUsageError(
                CliRun.of(concat(
                        new String[] {"seat", "borrow", "--client", "c", "--license", "96023021", "--days", "0"},
                        token)),
                "--days: Days must be a whole number, 1 or more: 0");
        assertUsageError(
                CliRun.of(concat(new String[] {"seat", "heartbeat"}, token)), "Missing required option: '--lease=ID'");
        assertUsageError(
                CliRun.of("seat", "release", "--lease", "96023021.x", "--url", "localhost:8080", "--token", "t"),
                "Invalid --url localhost:8080");
        assertUsageError(run("client-token", "create"), "Missing required option: '--name=NAME'");
    }

    private static String[] concat(String[] a, String[] b) {
        String[] all = new String[a.length + b.length];
        System.arraycopy(a, 0, all, 0, a.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }

    @Test
    void unusableUrlIsAUsageError() {
        assertUsageError(
                CliRun.of("license", "show", "11554731", "--url", "localhost:8080", "-e", "a", "-p", "b"),
                "Invalid --url localhost:8080");
    }

    @Test
    void helpAndVersionSucceed() {
        CliRun help = CliRun.of("--help");
        assertEquals(0, help.exitCode());
        assertTrue(
                help.out().contains("Exit codes:") && help.out().contains("7  signature verification failed"),
                help.out());
        assertEquals(0, CliRun.of("license", "verify", "--help").exitCode());
        CliRun seat = CliRun.of("seat", "--help");
        assertEquals(0, seat.exitCode());
        assertTrue(seat.out().contains("reserve") && seat.out().contains("LICENTIA_TOKEN"), seat.out());
        assertTrue(help.out().contains("LICENTIA_TOKEN") && help.out().contains("client-token"), help.out());
        assertTrue(CliRun.of("--version").out().startsWith("licentia "));
    }
}
