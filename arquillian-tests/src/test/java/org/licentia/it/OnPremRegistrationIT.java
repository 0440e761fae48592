package org.licentia.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.xml.ws.BindingProvider;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.licentia.ws.licensing.v1.ApplyRegistration;
import org.licentia.ws.licensing.v1.DeregisterAll;
import org.licentia.ws.licensing.v1.HostedLicense;
import org.licentia.ws.licensing.v1.ListHostedLicenses;
import org.licentia.ws.licensing.v1.PlanRegistration;
import org.licentia.ws.licensing.v1.PlanRegistrationResponse;
import org.licentia.ws.licensing.v1.PublisherCredentials;
import org.licentia.ws.licensing.v1.RegistrationPort;
import org.licentia.ws.licensing.v1.RegistrationService;

/**
 * The on-prem registration seed between two real servers: the publisher under test (8280) and an
 * on-prem instance (8480) whose upstream is the publisher, reached through {@link PublisherProxy}.
 * The seed's scenarios run through the CLI as a separate process; REST, concurrency, every failure
 * the seed's "the current state is always preserved" covers, sync, and restarts are checked too.
 */
class OnPremRegistrationIT extends WithOnPremInstance {

    private static PublisherProxy proxy;

    @BeforeAll
    static void openProxy() {
        proxy = PublisherProxy.to(Api.BASE);
    }

    /** Arquillian stops the on-prem container, like every container it started, when the suite ends. */
    @AfterAll
    static void closeProxy() {
        proxy.close();
    }

    @BeforeEach
    void onPremRunning() {
        proxy.heal();
        OnPrem.fault(null);
    }

    @AfterEach
    void healEverything() {
        proxy.heal();
        OnPrem.fault(null);
    }

    private static CliIT.Run cli(String... args) throws Exception {
        return CliIT.licentia(args);
    }

    private static String[] as(String email, String password, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("-e", email, "-p", password, "--url", OnPrem.BASE));
        return all.toArray(String[]::new);
    }

    @Test
    void singleUserScenario() throws Exception {
        Customer c = Customer.create("Single User");
        String manager = c.user("manager", "license-manager");
        String p = c.password(manager);
        OnPrem.clear();
        String first = c.license(20);

        // 1. Initial registration, implicit.
        CliIT.Run step1 = cli(as(manager, p, "register"));
        assertEquals(0, step1.exit(), step1.err());
        assertEquals(
                "Licenses registered successfully.\nLicense: " + first + " | Owner: " + c.account
                        + " | Seat amount: 20\n",
                step1.out());

        // 2. A new license bought; implicit again is refused once the instance hosts licenses.
        String second = c.license(3);
        CliIT.Run step2 = cli(as(manager, p, "register"));
        assertEquals(5, step2.exit());
        assertEquals(
                "Error: Server is already hosting registered licenses: [" + first + "]\n\n"
                        + "To update registration, you must explicitly specify licenses using -l/--licenses.\n"
                        + "This safety check prevents accidental changes to your license registration.\n\n"
                        + "*** Note: You might be removing licenses, which this account, " + manager
                        + ", does not have rights to! ***\n",
                step2.err());
        assertEquals(List.of(first), OnPrem.hostedNumbers());

        // 3. Explicit list: summary, confirmation, result.
        List<String> both = sorted(first, second);
        CliIT.Run step3 = cli(as(manager, p, "register", "-l", first, second, "--yes"));
        assertEquals(0, step3.exit(), step3.err());
        assertEquals(
                "Registration Change Summary:\n"
                        + "Currently registered licenses: [" + first + "]\n"
                        + "Requested licenses:            [" + String.join(", ", both) + "]\n\n"
                        + "Licenses to be added:   " + second + "\n\n"
                        + "? Are you sure you want to proceed with these changes?\n"
                        + "Licenses registered successfully.\n"
                        + licenseLines(c, Map.of(first, 20, second, 3)),
                step3.out());
        assertEquals(both, OnPrem.hostedNumbers());
        assertNotNull(Customer.registeredInstance(second));
    }

    @Test
    void sharedScenario() throws Exception {
        Customer c = Customer.create("Shared");
        String user1 = c.user("user1", "license-manager");
        String user2 = c.user("user2", "viewer");
        String user3 = c.user("user3", "viewer");
        OnPrem.clear();
        String x = c.license(20);

        CliIT.Run step1 = cli(as(user1, c.password(user1), "register"));
        assertEquals(0, step1.exit(), step1.err());
        assertEquals(
                "Licenses registered successfully.\nLicense: " + x + " | Owner: " + c.account + " | Seat amount: 20\n",
                step1.out());

        // 2. User 1 grants the deputy license manager role to users 2 and 3, at the publisher.
        for (String deputy : List.of(user2, user3)) {
            CliIT.Run granted = cli(
                    "user",
                    "roles",
                    "--email",
                    deputy,
                    "--account",
                    c.account,
                    "--role",
                    "deputy-license-manager",
                    "--url",
                    Api.BASE,
                    "--admin-email",
                    user1,
                    "--admin-password",
                    c.password(user1));
            assertEquals(0, granted.exit(), granted.err());
        }
        String y = c.license(3);
        String z = c.license(20);

        // 3. User 2 adds a license.
        CliIT.Run step3 = cli(as(user2, c.password(user2), "register", "-l", x, y, "--yes"));
        assertEquals(0, step3.exit(), step3.err());
        assertTrue(
                step3.out()
                        .startsWith("Registration Change Summary:\nCurrently registered licenses: [" + x + "]\n"
                                + "Requested licenses:            [" + String.join(", ", sorted(x, y))
                                + "]\n\nLicenses to be added:   " + y + "\n"),
                step3.out());
        assertTrue(
                step3.out().endsWith("Licenses registered successfully.\n" + licenseLines(c, Map.of(x, 20, y, 3))),
                step3.out());

        // 4. User 3 removes one and adds another: the summary carries the rights warning.
        CliIT.Run step4 = cli(as(user3, c.password(user3), "register", "-l", y, z, "--yes"));
        assertEquals(0, step4.exit(), step4.err());
        assertTrue(
                step4.out()
                        .contains("Currently registered licenses: [" + String.join(", ", sorted(x, y)) + "]\n"
                                + "Requested licenses:            [" + String.join(", ", sorted(y, z)) + "]\n"),
                step4.out());
        assertTrue(
                step4.out()
                        .contains("Licenses to be removed: " + x + "\n"
                                + "*** Note: You might be removing licenses, which this account, " + user3
                                + ", does not have rights to! ***\n"
                                + "If so, those licenses can't be re-registered back anymore using this account.\n\n"
                                + "? Are you sure you want to proceed with these changes?\n"),
                step4.out());
        assertTrue(
                step4.out().endsWith("Licenses registered successfully.\n" + licenseLines(c, Map.of(y, 3, z, 20))),
                step4.out());
        assertNull(Customer.registeredInstance(x), "the removed license is free at the publisher");

        // 5. User 1 deregisters everything.
        CliIT.Run step5 = cli(as(user1, c.password(user1), "deregister", "--yes"));
        assertEquals(0, step5.exit(), step5.err());
        assertEquals(
                "Warning: You are about to deregister all licenses:\n"
                        + "Currently registered licenses: [" + String.join(", ", sorted(y, z)) + "]\n"
                        + "All licenses will be removed from this on-premises instance.\n\n"
                        + "*** Note: You might be removing licenses, which this account, " + user1
                        + ", does not have rights to! ***\n"
                        + "If so, those licenses can't be re-registered back anymore using this account.\n\n"
                        + "? Are you sure you want to deregister all licenses?\n"
                        + "Licenses deregistered successfully.\n"
                        + "Logout for user " + user1 + "\n"
                        + "All licenses deregistered. This instance does not host any licenses.\n",
                step5.out());
        assertEquals(List.of(), OnPrem.hostedNumbers());
        assertNull(Customer.registeredInstance(y));
        assertNull(Customer.registeredInstance(z));

        var records = OnPrem.ADMIN
                .get("/api/v1/audit?itemType=hosted-license&itemId=" + z)
                .json()
                .getJsonArray("items");
        assertEquals("registration.remove", records.getJsonObject(0).getString("action"));
        assertEquals(user1, records.getJsonObject(0).getString("actor"));
        assertEquals("registration.add", records.getJsonObject(1).getString("action"));
        assertEquals(user3, records.getJsonObject(1).getString("actor"));
    }

    /** A person at a terminal (a pseudo-terminal made by util-linux's script) answers the seed's question. */
    @Test
    void aPersonAtATerminalConfirmsOrDeclines() throws Exception {
        Customer c = Customer.create("Terminal");
        String manager = c.user("manager", "license-manager");
        String p = c.password(manager);
        OnPrem.clear();
        String a = c.license(5);
        String command = String.join(
                " ",
                java.nio.file.Path.of(System.getProperty("java.home"), "bin", "java")
                        .toString(),
                "-jar",
                System.getProperty("licentia.it.cli"),
                "register",
                "-l",
                a,
                "-e",
                manager,
                "-p",
                p,
                "--url",
                OnPrem.BASE);

        String declined = inTerminal(command, "no\n");
        assertTrue(declined.contains("? Are you sure you want to proceed with these changes?"), declined);
        assertTrue(declined.contains("Cancelled. Nothing was changed."), declined);
        assertEquals(List.of(), OnPrem.hostedNumbers());

        String confirmed = inTerminal(command, "yes\n");
        assertTrue(confirmed.contains("Licenses registered successfully."), confirmed);
        assertEquals(List.of(a), OnPrem.hostedNumbers());
    }

    private static String inTerminal(String command, String typed) throws Exception {
        Process process = new ProcessBuilder("script", "-qec", command, "/dev/null")
                .redirectErrorStream(true)
                .start();
        Thread.sleep(1500);
        process.getOutputStream().write(typed.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        process.getOutputStream().flush();
        String out = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS));
        return out.replace("\r", "");
    }

    @Test
    void withoutATerminalOnlyYesConfirmsAndNothingChanges() throws Exception {
        Customer c = Customer.create("No Terminal");
        String manager = c.user("manager", "license-manager");
        OnPrem.clear();
        String a = c.license(5);
        CliIT.Run refused = cli(as(manager, c.password(manager), "register", "-l", a));
        assertEquals(2, refused.exit());
        assertTrue(refused.err().contains("run again with -y/--yes to confirm. Nothing was changed."), refused.err());
        assertEquals(List.of(), OnPrem.hostedNumbers());
        assertNull(Customer.registeredInstance(a));
    }

    @Test
    void sameFlowsOverRest() {
        Customer c = Customer.create("Rest");
        String manager = c.user("manager", "license-manager");
        String p = c.password(manager);
        OnPrem.clear();
        String a = c.license(4);
        String b = c.license(6);

        JsonObject implicitPlan = OnPrem.plan(manager, p, null).json();
        assertEquals(sorted(a, b), strings(implicitPlan, "toAdd"));
        assertEquals(200, OnPrem.apply(manager, p, null, null).status());
        LicenseRestIT.expect(409, "IMPLICIT_REGISTRATION_REFUSED", OnPrem.apply(manager, p, null, null));

        JsonObject summary = OnPrem.plan(manager, p, List.of(b)).json();
        assertEquals(List.of(a), strings(summary, "toRemove"));
        assertTrue(summary.getBoolean("rightsWarning"));
        LicenseRestIT.expect(409, "REGISTRATION_STATE_CHANGED", OnPrem.apply(manager, p, List.of(b), List.of(a)));
        assertEquals(sorted(a, b), OnPrem.hostedNumbers(), "a stale confirmation changes nothing");
        assertEquals(
                200,
                OnPrem.apply(manager, p, List.of(b), strings(summary, "current"))
                        .status());
        assertEquals(List.of(b), OnPrem.hostedNumbers());
        assertEquals(6, OnPrem.hosted().get(b).getInt("seats"));

        LicenseRestIT.expect(401, "UNAUTHENTICATED", OnPrem.plan(manager, "wrong-password", List.of(a)));
        LicenseRestIT.expect(400, "INVALID_LICENSE_NUMBER", OnPrem.plan(manager, p, List.of("12ab")));
        Customer other = Customer.create("Other");
        String theirs = other.license(2);
        // another account's license is to this manager what a license that does not exist is
        LicenseRestIT.expect(404, "LICENSE_NOT_FOUND", OnPrem.apply(manager, p, List.of(b, theirs), List.of(b)));
        assertEquals(200, OnPrem.deregister(manager, p, List.of(b)).status());
        assertEquals(List.of(), OnPrem.hostedNumbers());
    }

    @Test
    void sameFlowsOverSoap() throws Exception {
        Customer c = Customer.create("Soap");
        String manager = c.user("manager", "license-manager");
        String p = c.password(manager);
        OnPrem.clear();
        String a = c.license(4);
        String b = c.license(6);
        RegistrationPort erp = new RegistrationService().getRegistrationPort();
        ((BindingProvider) erp)
                .getRequestContext()
                .put(BindingProvider.ENDPOINT_ADDRESS_PROPERTY, OnPrem.BASE + "/soap/RegistrationService");
        PublisherCredentials credentials = new PublisherCredentials();
        credentials.setEmail(manager);
        credentials.setPassword(p);

        ApplyRegistration implicit = new ApplyRegistration();
        implicit.setCredentials(credentials);
        implicit.setImplicit(true);
        assertEquals(
                sorted(a, b),
                erp.applyRegistration(implicit).getHosted().stream()
                        .map(HostedLicense::getNumber)
                        .toList());
        LicensingSoapIT.assertFault("IMPLICIT_REGISTRATION_REFUSED", () -> erp.applyRegistration(implicit));

        PlanRegistration plan = new PlanRegistration();
        plan.setCredentials(credentials);
        plan.getLicense().add(a);
        PlanRegistrationResponse summary = erp.planRegistration(plan);
        assertEquals(List.of(b), summary.getToRemove());
        assertTrue(summary.isRightsWarning());

        ApplyRegistration stale = new ApplyRegistration();
        stale.setCredentials(credentials);
        stale.getLicense().add(a);
        stale.getExpectedCurrent().add(a);
        LicensingSoapIT.assertFault("REGISTRATION_STATE_CHANGED", () -> erp.applyRegistration(stale));
        assertEquals(sorted(a, b), OnPrem.hostedNumbers());

        DeregisterAll deregister = new DeregisterAll();
        deregister.setCredentials(credentials);
        deregister.getExpectedCurrent().addAll(summary.getCurrent());
        erp.deregisterAll(deregister);
        assertEquals(List.of(), OnPrem.hostedNumbers());
        assertNull(Customer.registeredInstance(a));

        ((BindingProvider) erp).getRequestContext().put(BindingProvider.USERNAME_PROPERTY, Api.ADMIN);
        ((BindingProvider) erp).getRequestContext().put(BindingProvider.PASSWORD_PROPERTY, Api.ADMIN_PASSWORD);
        assertEquals(List.of(), erp.listHostedLicenses(new ListHostedLicenses()).getHosted());
        assertEquals(
                "SOAP",
                OnPrem.ADMIN
                        .get("/api/v1/audit?itemType=hosted-license&itemId=" + a)
                        .json()
                        .getJsonArray("items")
                        .getJsonObject(0)
                        .getString("channel"));
    }

    @Test
    void twoDeputiesApplyingAtOnceExactlyOneWins() throws Exception {
        Customer c = Customer.create("Race");
        String d1 = c.user("deputy1", "deputy-license-manager");
        String d2 = c.user("deputy2", "deputy-license-manager");
        OnPrem.clear();
        String a = c.license(1);
        String b = c.license(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 3; round++) {
                List<String> current = OnPrem.hostedNumbers();
                Callable<Api.Reply> first = () -> OnPrem.apply(d1, c.password(d1), List.of(a), current);
                Callable<Api.Reply> second = () -> OnPrem.apply(d2, c.password(d2), List.of(b), current);
                List<Api.Reply> replies = Together.run(pool, List.of(first, second));
                long won = replies.stream().filter(r -> r.status() == 200).count();
                assertEquals(1, won, replies.toString());
                Api.Reply lost = replies.stream()
                        .filter(r -> r.status() != 200)
                        .findFirst()
                        .orElseThrow();
                assertEquals(409, lost.status(), lost.body());
                assertEquals("REGISTRATION_STATE_CHANGED", lost.code(), lost.body());
                List<String> hosted = OnPrem.hostedNumbers();
                assertTrue(hosted.equals(List.of(a)) || hosted.equals(List.of(b)), hosted.toString());
                OnPrem.deregisterAll(d1, c.password(d1));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** Everything that can fail between the instance and the publisher leaves both sides exactly as they were. */
    @Test
    void everyFailureLeavesBothSidesAsTheyWere() {
        Customer c = Customer.create("Faults");
        String manager = c.user("manager", "license-manager");
        String p = c.password(manager);
        OnPrem.clear();
        String kept = c.license(10);
        String added = c.license(2);
        assertEquals(200, OnPrem.apply(manager, p, List.of(kept), List.of()).status());
        String instance = Customer.registeredInstance(kept);
        assertNotNull(instance);

        record Failure(PublisherProxy.Mode mode, String path, String fault, int status, String code) {}
        List<Failure> failures = List.of(
                new Failure(PublisherProxy.Mode.DROP, "", null, 502, "UPSTREAM_UNAVAILABLE"),
                new Failure(PublisherProxy.Mode.ERROR_500, "/registrations", null, 502, "UPSTREAM_UNAVAILABLE"),
                new Failure(
                        PublisherProxy.Mode.HANG_AFTER_FORWARD, "/registrations", null, 502, "UPSTREAM_UNAVAILABLE"),
                new Failure(
                        PublisherProxy.Mode.GARBAGE_AFTER_FORWARD,
                        "/registrations",
                        null,
                        502,
                        "UPSTREAM_INVALID_ANSWER"),
                new Failure(PublisherProxy.Mode.BAD_SIGNATURE, "/registrations", null, 502, "UPSTREAM_INVALID_ANSWER"),
                new Failure(PublisherProxy.Mode.FORWARD, "", "registration.commit", 500, "INTERNAL_ERROR"));
        for (Failure f : failures) {
            Map<String, JsonObject> before = OnPrem.hosted();
            proxy.breakWith(f.mode(), f.path());
            OnPrem.fault(f.fault());
            Api.Reply reply = OnPrem.apply(manager, p, List.of(kept, added), List.of(kept));
            proxy.heal();
            OnPrem.fault(null);
            LicenseRestIT.expect(f.status(), f.code(), reply);
            assertEquals(before.keySet(), OnPrem.hosted().keySet(), f + ": the instance is unchanged");
            assertEquals(
                    before.get(kept).getString("registeredAt"),
                    OnPrem.hosted().get(kept).getString("registeredAt"));
            assertEquals(
                    instance, Customer.registeredInstance(kept), f + ": the publisher still has it on the instance");
            assertNull(Customer.registeredInstance(added), f + ": the publisher did not keep the half-made change");
        }
        // Refused by the publisher: a license that does not exist.
        LicenseRestIT.expect(
                404, "LICENSE_NOT_FOUND", OnPrem.apply(manager, p, List.of(kept, "00000009"), List.of(kept)));
        assertEquals(List.of(kept), OnPrem.hostedNumbers());

        // After all that, the same change goes through.
        assertEquals(
                200,
                OnPrem.apply(manager, p, List.of(kept, added), List.of(kept)).status());
        assertEquals(sorted(kept, added), OnPrem.hostedNumbers());
        assertEquals(instance, Customer.registeredInstance(added));
    }

    @Test
    void syncRemovesWhatThePublisherNoLongerBacksUpdatesTheRestAndAddsNothing() throws Exception {
        Customer c = Customer.create("Sync");
        String manager = c.user("manager", "license-manager");
        String p = c.password(manager);
        OnPrem.clear();
        String revoked = c.license(1);
        String expired = c.license(1, "2025-01-01", "2027-01-31");
        String deleted = c.license(1);
        String changed = c.license(5);
        String unchanged = c.license(7);
        List<String> all = sorted(revoked, expired, deleted, changed, unchanged);
        assertEquals(200, OnPrem.apply(manager, p, all, List.of()).status());

        Api admin = Api.admin();
        assertEquals(
                200, admin.post("/api/v1/licenses/" + revoked + "/revoke", "{}").status());
        assertEquals(
                200,
                admin.patch("/api/v1/licenses/" + expired, "{\"expires\":\"2025-06-30\"}")
                        .status());
        assertEquals(204, admin.delete("/api/v1/licenses/" + deleted).status());
        assertEquals(
                200, admin.patch("/api/v1/licenses/" + changed, "{\"seats\":9}").status());
        String bought = c.license(3);

        CliIT.Run sync = cli("sync", "--url", OnPrem.BASE, "-e", Api.ADMIN, "-p", Api.ADMIN_PASSWORD);
        assertEquals(0, sync.exit(), sync.err());
        assertTrue(sync.out().startsWith("Sync COMPLETED in "), sync.out());
        Map<String, String> results = new TreeMap<>();
        for (JsonObject e :
                OnPrem.ADMIN.get("/api/v1/sync").json().getJsonArray("licenses").getValuesAs(JsonObject.class)) {
            results.put(e.getString("number"), e.getString("result") + " " + e.getString("reason"));
        }
        assertEquals("REMOVED REVOKED", results.get(revoked));
        assertEquals("REMOVED EXPIRED", results.get(expired));
        assertEquals("REMOVED NOT_FOUND", results.get(deleted));
        assertEquals("UPDATED VALID", results.get(changed));
        assertEquals("UNCHANGED VALID", results.get(unchanged));
        assertEquals(sorted(changed, unchanged), OnPrem.hostedNumbers(), "sync never adds " + bought);
        assertEquals(9, OnPrem.hosted().get(changed).getInt("seats"));
        assertEquals(
                "sync.remove",
                OnPrem.ADMIN
                        .get("/api/v1/audit?itemType=hosted-license&itemId=" + revoked)
                        .json()
                        .getJsonArray("items")
                        .getJsonObject(0)
                        .getString("action"));

        // Publisher down or failing: everything is kept, marked uncertain.
        for (PublisherProxy.Mode down : List.of(PublisherProxy.Mode.DROP, PublisherProxy.Mode.ERROR_500)) {
            proxy.breakWith(down, "");
            JsonObject report = OnPrem.ADMIN.post("/api/v1/sync", "{}").json();
            proxy.heal();
            assertEquals("PUBLISHER_UNAVAILABLE", report.getString("outcome"), down.toString());
            assertEquals(sorted(changed, unchanged), OnPrem.hostedNumbers());
            assertEquals("uncertain", OnPrem.hosted().get(changed).getString("status"));
            assertEquals(9, OnPrem.hosted().get(changed).getInt("seats"), "kept with its last known terms");
        }
        // A publisher that answers, but refuses or answers nonsense, is reported as that, not as unavailable;
        // nothing was confirmed, so the licenses are kept and stay uncertain.
        for (var failing : Map.of(
                        PublisherProxy.Mode.REFUSE_403,
                        "PUBLISHER_REFUSED INSTANCE_KEY_MISMATCH",
                        PublisherProxy.Mode.GARBAGE_AFTER_FORWARD,
                        "PUBLISHER_ANSWER_INVALID UPSTREAM_INVALID_ANSWER")
                .entrySet()) {
            proxy.breakWith(failing.getKey(), "/instance-api/validation");
            JsonObject report = OnPrem.ADMIN.post("/api/v1/sync", "{}").json();
            proxy.heal();
            String[] expected = failing.getValue().split(" ");
            assertEquals(
                    expected[0], report.getString("outcome"), failing.getKey().toString());
            assertEquals(
                    "UNCERTAIN " + expected[0] + ": " + expected[1],
                    report.getJsonArray("licenses").getValuesAs(JsonObject.class).stream()
                            .filter(e -> e.getString("number").equals(changed))
                            .map(e -> e.getString("result") + " " + e.getString("reason"))
                            .findFirst()
                            .orElseThrow());
            assertEquals(sorted(changed, unchanged), OnPrem.hostedNumbers());
        }
        JsonObject healed = OnPrem.ADMIN.post("/api/v1/sync", "{}").json();
        assertEquals("COMPLETED", healed.getString("outcome"));
        assertEquals("valid", OnPrem.hosted().get(changed).getString("status"));
    }

    @Test
    void hostedLicensesSurviveARestartAndAreRevalidatedAtStartup() throws Exception {
        Customer c = Customer.create("Restart");
        String manager = c.user("manager", "license-manager");
        OnPrem.clear();
        String a = c.license(8);
        assertEquals(
                200,
                OnPrem.apply(manager, c.password(manager), List.of(a), List.of())
                        .status());
        assertEquals(
                200,
                Api.admin().patch("/api/v1/licenses/" + a, "{\"seats\":11}").status());

        String restartedAt = java.time.Instant.now().toString();
        controller.stop(OnPrem.CONTAINER);
        controller.start(OnPrem.CONTAINER);

        assertEquals(List.of(a), OnPrem.hostedNumbers());
        JsonObject report = null;
        for (int i = 0; i < 60; i++) {
            Api.Reply last = OnPrem.ADMIN.get("/api/v1/sync");
            if (last.status() == 200
                    && "startup".equals(last.json().getString("trigger"))
                    && java.time.Instant.parse(last.json().getString("startedAt"))
                            .isAfter(java.time.Instant.parse(restartedAt))) {
                report = last.json();
                break;
            }
            Thread.sleep(1000);
        }
        assertNotNull(report, "a sync runs at start-up");
        assertEquals(11, OnPrem.hosted().get(a).getInt("seats"), "re-validated at start-up");
    }

    private static List<String> sorted(String... numbers) {
        List<String> list = new ArrayList<>(List.of(numbers));
        list.sort(null);
        return list;
    }

    private static List<String> strings(JsonObject o, String name) {
        return o.getJsonArray(name).getValuesAs(jakarta.json.JsonString.class).stream()
                .map(jakarta.json.JsonString::getString)
                .toList();
    }

    private static String licenseLines(Customer c, Map<String, Integer> seats) {
        StringBuilder lines = new StringBuilder();
        new TreeMap<>(seats)
                .forEach((n, s) -> lines.append("License: ")
                        .append(n)
                        .append(" | Owner: ")
                        .append(c.account)
                        .append(" | Seat amount: ")
                        .append(s)
                        .append('\n'));
        return lines.toString();
    }
}
