package org.licentia.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.licentia.client.seat.HostReport;
import org.licentia.client.seat.HostReporting;
import org.licentia.client.seat.SeatClient;
import org.licentia.client.seat.SeatException;

/**
 * Quota by hosts and CPU sockets (seed 002) on the server under test as its own instance: the
 * product's hosts report themselves with a client token; a new host is admitted only within a
 * license's quota, exactly, even when many report at once (on H2 and on PostgreSQL); usage over
 * the quota restricts the license (no new hosts or seats) while what is held keeps working, and
 * the restriction lifts as soon as usage is back within it.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class HostQuotaIT {

    private static final int MANAGEMENT = 10190;

    private Customer customer;
    private String manager;
    private String product;
    private String tokenName;
    private String token;
    private Api hosts;

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.licentiaEar();
    }

    @BeforeEach
    void customerWithItsOwnProduct() {
        customer = Customer.create("Hosts");
        manager = customer.user("manager", "license-manager");
        product = OwnInstance.product("platform");
        tokenName = "hosts-" + Api.uniqueNumber();
        token = OwnInstance.clientToken(tokenName);
        hosts = Api.bearer(token);
    }

    @AfterEach
    void defaultReportTtl() {
        ServerSettings.set(MANAGEMENT, "licentia.hosts.report-ttl", null);
    }

    @Test
    void hostsWithinTheQuotaAreCountedAndTheNextOneIsRefused() {
        String license = hosted(product, 10, "hosts", 2);

        assertEquals(license, report("node-1", 2).json().getJsonObject("host").getString("license"));
        assertEquals(license, report("node-2", 2).json().getJsonObject("host").getString("license"));
        Api.Reply third = report("node-3", 1);
        assertEquals(409, third.status(), third.body());
        assertEquals("INSUFFICIENT_QUOTA", third.code());
        JsonObject details = third.json().getJsonObject("details");
        assertEquals(license, details.getString("license"));
        assertEquals("2", details.getString("used"));
        assertEquals("2", details.getString("quota"));

        Api.Reply again = report("node-1", 2);
        assertEquals(200, again.status(), "a counted host keeps reporting: " + again.body());
        assertTrue(again.json().getJsonNumber("reportEverySeconds").longValue() > 0);

        List<JsonObject> listed = listed();
        assertEquals(
                List.of("node-1", "node-2"),
                listed.stream().map(h -> h.getString("hostId")).sorted().toList());
        assertTrue(listed.stream().allMatch(h -> h.getBoolean("counted")));
        JsonObject status = licenseStatus(license);
        assertEquals(2, status.getInt("used"));
        assertEquals(2, status.getInt("quota"));
        assertEquals(List.of(), status.getJsonArray("alerts").getValuesAs(jakarta.json.JsonString.class));
    }

    @Test
    void aLicenseByCpuSocketsCountsSocketsAndUsageOverItRestrictsUntilItIsBack() {
        String license = hosted(product, 10, "cpu-sockets", 4);
        Api seats = Api.bearer(token);
        Api.Reply held = seats.post("/api/v1/seats", "{\"license\":\"" + license + "\",\"client\":\"held-before\"}");
        assertEquals(201, held.status(), held.body());
        String leaseId = held.json().getJsonObject("lease").getString("id");

        assertEquals(200, report("big-1", 2).status());
        assertEquals(200, report("big-2", 2).status());
        Api.Reply noRoom = report("big-3", 1);
        assertEquals("INSUFFICIENT_QUOTA", noRoom.code(), noRoom.body());
        assertEquals("1", noRoom.json().getJsonObject("details").getString("requested"));

        // a counted host grows: it keeps its place, and the license is now over its quota
        assertEquals(200, report("big-1", 4).status());
        JsonObject over = licenseStatus(license);
        assertEquals(6, over.getInt("used"));
        assertTrue(over.getJsonArray("alerts").toString().contains("INSUFFICIENT_QUOTA"), over.toString());
        JsonObject alert = Api.admin().get("/api/v1/status").json().getJsonArray("alerts").stream()
                .map(v -> v.asJsonObject())
                .filter(a -> license.equals(a.getString("license")))
                .findFirst()
                .orElseThrow();
        assertEquals("Insufficient License Quota", alert.getString("title"));
        assertTrue(alert.getString("reason").contains("6 cpu-sockets of a quota of 4"), alert.toString());

        Api.Reply newSeat = seats.post("/api/v1/seats", "{\"license\":\"" + license + "\",\"client\":\"new-one\"}");
        assertEquals(409, newSeat.status(), newSeat.body());
        assertEquals("INSUFFICIENT_QUOTA", newSeat.code());
        assertEquals("6", newSeat.json().getJsonObject("details").getString("used"));
        assertEquals("INSUFFICIENT_QUOTA", report("big-4", 1).code());
        Api.Reply activation = Api.anonymous()
                .post("/api/v1/activations/online", Computer.fresh().body(Customer.activationKey(license)));
        assertEquals("INSUFFICIENT_QUOTA", activation.code(), "nor a new node-locked activation: " + activation.body());
        Api.Reply heartbeat = seats.post("/api/v1/seats/" + leaseId + "/heartbeat", "{}");
        assertEquals(200, heartbeat.status(), "what is held keeps working: " + heartbeat.body());
        assertEquals(200, report("big-2", 2).status(), "and counted hosts keep reporting");

        assertEquals(200, report("big-1", 2).status());
        assertFalse(licenseStatus(license).getJsonArray("alerts").toString().contains("INSUFFICIENT_QUOTA"));
        Api.Reply lifted = awaitSeat(seats, license, "new-one");
        assertEquals(201, lifted.status(), "back within the quota, the restriction lifts at once: " + lifted.body());
    }

    @Test
    void hostsReportingAtOnceNeverExceedTheQuota() throws Exception {
        int quota = 5;
        int reporting = 40;
        String license = hosted(product, 10, "hosts", quota);
        ExecutorService pool = Executors.newFixedThreadPool(reporting);
        try {
            List<Callable<Api.Reply>> tasks = new ArrayList<>();
            for (int i = 0; i < reporting; i++) {
                String host = "race-" + i;
                tasks.add(() -> report(host, 1));
            }
            List<Api.Reply> replies = Together.run(pool, tasks);
            long admitted = replies.stream().filter(r -> r.status() == 200).count();
            long refused = replies.stream()
                    .filter(r -> r.status() == 409 && "INSUFFICIENT_QUOTA".equals(r.code()))
                    .count();
            assertEquals(quota, admitted, replies.toString());
            assertEquals(reporting - quota, refused, replies.toString());
        } finally {
            pool.shutdownNow();
        }
        assertEquals(
                quota,
                listed().stream()
                        .filter(h -> license.equals(h.getString("license")) && h.getBoolean("counted"))
                        .count());
        assertEquals(quota, licenseStatus(license).getInt("used"));
    }

    @Test
    void aHostThatStopsReportingStopsCountingAndItsPlaceIsFree() throws Exception {
        String license = hosted(product, 10, "hosts", 1);
        ServerSettings.set(MANAGEMENT, "licentia.hosts.report-ttl", "PT2S");
        assertEquals(200, report("old", 1).status());
        assertEquals("INSUFFICIENT_QUOTA", report("new", 1).code());
        Thread.sleep(2_500);
        Api.Reply taken = report("new", 1);
        assertEquals(200, taken.status(), taken.body());
        assertEquals(license, taken.json().getJsonObject("host").getString("license"));
        JsonObject old = listed().stream()
                .filter(h -> "old".equals(h.getString("hostId")))
                .findFirst()
                .orElseThrow();
        assertFalse(old.getBoolean("counted"), old.toString());
        assertEquals("INSUFFICIENT_QUOTA", report("old", 1).code(), "coming back needs room again");
    }

    @Test
    void aTrialAdmitsOneHostForThirtyDaysAtMost() {
        String trialProduct = "TRIAL-" + Api.uniqueNumber();
        Api.Reply created = Api.admin()
                .post(
                        "/api/v1/products",
                        "{\"code\":\"" + trialProduct + "\",\"name\":\"Trial test\",\"editions\":["
                                + "{\"code\":\"TRIAL\",\"name\":\"Basic Edition - Trial\",\"maxSeats\":1,"
                                + "\"maxTermDays\":30,\"isDefault\":true,\"features\":[\"core\"]}]}");
        assertEquals(201, created.status(), created.body());
        Api.Reply twoHosts = trialLicense(trialProduct, 2, "2026-11-30");
        assertEquals("EDITION_LIMIT_EXCEEDED", twoHosts.code(), twoHosts.body());
        Api.Reply longer = trialLicense(trialProduct, 1, "2026-12-01");
        assertEquals("EDITION_LIMIT_EXCEEDED", longer.code(), "a 31st day: " + longer.body());
        assertEquals(201, trialLicense(trialProduct, 1, "2026-11-30").status(), "30 days from the 1st");

        String trial = customer.license(
                trialProduct,
                "TRIAL",
                1,
                "hosts",
                1,
                java.time.LocalDate.now(java.time.ZoneOffset.UTC).toString(),
                java.time.LocalDate.now(java.time.ZoneOffset.UTC).plusDays(29).toString(),
                null);
        OwnInstance.host(customer, manager, trial);
        assertEquals(
                200,
                Api.bearer(token)
                        .post("/api/v1/hosts", hostBody("trial-1", 1, trialProduct))
                        .status());
        Api.Reply second = Api.bearer(token).post("/api/v1/hosts", hostBody("trial-2", 1, trialProduct));
        assertEquals("INSUFFICIENT_QUOTA", second.code(), second.body());
    }

    @Test
    void theCliReportsAHostAndListsThem() throws Exception {
        String license = hosted(product, 10, "hosts", 1);
        CliIT.Run reported = CliIT.licentia(
                java.util.Map.of("LICENTIA_TOKEN", token),
                "host",
                "report",
                "--host-id",
                "cli-1",
                "--cpu-sockets",
                "2",
                "--product",
                product,
                "--url",
                Api.BASE);
        assertEquals(0, reported.exit(), reported.err());
        assertTrue(reported.out().contains("counts against license " + license), reported.out());
        CliIT.Run json = cliReport("cli-1", "2", "--json");
        assertEquals(0, json.exit(), json.err());
        assertTrue(json.out().contains("\"counted\": true"), json.out());
        CliIT.Run full = cliReport("cli-2", "1");
        assertEquals(5, full.exit(), full.out());
        assertTrue(full.err().contains("INSUFFICIENT_QUOTA"), full.err());
        CliIT.Run huge = cliReport("cli-2", "4294967297");
        assertEquals(2, huge.exit(), "refused before any call: " + huge.err());
        CliIT.Run zero = cliReport("cli-2", "0");
        assertEquals(1, zero.exit(), zero.err());
        CliIT.Run list = CliIT.licentia(CliIT.admin("host", "list"));
        assertEquals(0, list.exit(), list.err());
        assertTrue(list.out().lines().anyMatch(l -> l.startsWith("cli-1") && l.contains(license)), list.out());
    }

    private CliIT.Run cliReport(String host, String sockets, String... more) throws Exception {
        List<String> args = new ArrayList<>(List.of(
                "host",
                "report",
                "--token",
                token,
                "--host-id",
                host,
                "--cpu-sockets",
                sockets,
                "--product",
                product,
                "--url",
                Api.BASE));
        args.addAll(List.of(more));
        return CliIT.licentia(args.toArray(String[]::new));
    }

    @Test
    void badReportsAreRefusedExactlyAndChangeNothing() {
        hosted(product, 10, "hosts", 3);
        String[] bad = {
            "{\"hostId\":\"x\",\"cpuSockets\":0,\"product\":\"" + product + "\"}",
            "{\"hostId\":\"x\",\"cpuSockets\":1025,\"product\":\"" + product + "\"}",
            "{\"hostId\":\"x\",\"cpuSockets\":4294967297,\"product\":\"" + product + "\"}",
            "{\"hostId\":\"x\",\"cpuSockets\":1.5,\"product\":\"" + product + "\"}",
            "{\"hostId\":\"x y\",\"cpuSockets\":1,\"product\":\"" + product + "\"}",
            "{\"hostId\":\"x\",\"cpuSockets\":1,\"product\":\"" + product + "\",\"extra\":1}",
            "{\"hostId\":\"x\",\"cpuSockets\":1,\"product\":\"" + product + "\"} trailing",
            "{\"cpuSockets\":1,\"product\":\"" + product + "\"}"
        };
        for (String body : bad) {
            Api.Reply refused = hosts.post("/api/v1/hosts", body);
            assertEquals(400, refused.status(), body + " -> " + refused.body());
        }
        Api.Reply unknownProduct = hosts.post("/api/v1/hosts", hostBody("x", 1, "NO-SUCH-PRODUCT"));
        assertEquals("LICENSE_NOT_HOSTED", unknownProduct.code(), unknownProduct.body());
        Api.Reply noToken = Api.bearer("lct_nope.nope").post("/api/v1/hosts", hostBody("x", 1, product));
        assertEquals(401, noToken.status(), noToken.body());
        assertTrue(listed().isEmpty(), "nothing was counted");
        Api.Reply anonymousList = Api.anonymous().get("/api/v1/hosts");
        assertEquals(401, anonymousList.status(), anonymousList.body());
    }

    @Test
    void theClientLibraryReportsInTheBackgroundAndTellsOfARefusal() throws Exception {
        String license = hosted(product, 10, "hosts", 1);
        ServerSettings.set(MANAGEMENT, "licentia.hosts.report-ttl", "PT3S");
        SeatClient client = new SeatClient(Api.BASE, token);
        java.util.concurrent.CompletableFuture<SeatException> refusal = new java.util.concurrent.CompletableFuture<>();
        try (HostReporting reporting = client.keepReporting("lib-1", 2, product, (last, e) -> refusal.complete(e))) {
            assertEquals(license, reporting.last().license());
            Thread.sleep(4_000);
            assertTrue(reporting.isReporting());
            assertTrue(
                    reporting
                            .last()
                            .lastReportedAt()
                            .isAfter(java.time.Instant.now().minusSeconds(3)),
                    "renewed in the background within the TTL: " + reporting.last());
            assertEquals("INSUFFICIENT_QUOTA", report("lib-2", 1).code(), "the reporting host still holds the place");
        }
        Thread.sleep(3_500);
        HostReport taken = client.reportHost("lib-3", 1, product);
        assertEquals(license, taken.license(), "closed, lib-1 stopped counting once the TTL passed");

        try (HostReporting reporting = client.keepReporting("lib-3", 1, product, (last, e) -> refusal.complete(e))) {
            assertEquals(
                    204,
                    Api.admin().delete("/api/v1/client-tokens/" + tokenName).status());
            SeatException refused = refusal.get(10, java.util.concurrent.TimeUnit.SECONDS);
            assertEquals("INVALID_CLIENT_TOKEN", refused.code());
            assertFalse(reporting.isReporting(), "a refusal stops the reports");
        }
    }

    private Api.Reply trialLicense(String trialProduct, int hosts, String expires) {
        return Api.admin()
                .post(
                        "/api/v1/licenses",
                        "{\"account\":\"" + customer.account + "\",\"product\":\"" + trialProduct + "\",\"seats\":1,"
                                + "\"quotaMetric\":\"hosts\",\"quota\":" + hosts
                                + ",\"starts\":\"2026-11-01\",\"expires\":\"" + expires + "\"}");
    }

    private String hosted(String productCode, int seats, String metric, int quota) {
        String number = customer.license(productCode, null, seats, metric, quota, "2027-12-31", null);
        return OwnInstance.host(customer, manager, number);
    }

    private Api.Reply report(String host, int sockets) {
        return hosts.post("/api/v1/hosts", hostBody(host, sockets, product));
    }

    private static String hostBody(String host, int sockets, String productCode) {
        return "{\"hostId\":\"" + host + "\",\"cpuSockets\":" + sockets + ",\"product\":\"" + productCode + "\"}";
    }

    /** This test's product's hosts, as the instance's admin lists them. */
    private List<JsonObject> listed() {
        return Api.admin().get("/api/v1/hosts").json().getJsonArray("hosts").getValuesAs(JsonObject.class).stream()
                .filter(h -> product.equals(h.getString("product")))
                .toList();
    }

    private static JsonObject licenseStatus(String license) {
        return Api.admin().get("/api/v1/status").json().getJsonArray("licenses").getValuesAs(JsonObject.class).stream()
                .filter(l -> license.equals(l.getString("number")))
                .findFirst()
                .orElseThrow();
    }

    /** The host usage seat decisions read is at most two seconds old. */
    private static Api.Reply awaitSeat(Api seats, String license, String client) {
        Api.Reply reply = null;
        for (int i = 0; i < 30; i++) {
            reply = seats.post("/api/v1/seats", "{\"license\":\"" + license + "\",\"client\":\"" + client + "\"}");
            if (reply.status() == 201) {
                return reply;
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return reply;
    }
}
