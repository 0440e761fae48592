package org.licentia.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.licentia.client.document.CanonicalJson;
import org.licentia.client.document.JsonDocuments;
import org.licentia.client.document.SignatureBatch;

/**
 * Floating seats over REST on the test server acting as its own on-prem instance: never more
 * leases than seats under concurrency, idempotent reservations, expiry, the typed denials, and
 * leases ending with their license.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SeatRestIT {

    private static ExecutorService pool;
    private static Customer customer;
    private static String manager;
    private static String token;
    private static Api client;

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.licentiaEar();
    }

    @BeforeAll
    static void setUp() {
        pool = Executors.newFixedThreadPool(200);
        customer = Customer.create("Seats");
        manager = customer.user("manager", "license-manager");
        token = OwnInstance.clientToken("seat-rest-" + Api.uniqueNumber());
        client = Api.bearer(token);
    }

    @AfterAll
    static void tearDown() {
        pool.shutdownNow();
        OwnInstance.setting("licentia.seats.lease-ttl", "PT10M");
    }

    private static String hostedLicense(int seats) {
        return OwnInstance.host(customer, manager, seats);
    }

    private static Api.Reply reserve(String license, String clientId) {
        return client.post("/api/v1/seats", "{\"license\":\"" + license + "\",\"client\":\"" + clientId + "\"}");
    }

    private static List<JsonObject> leases(String license) {
        return OwnInstance.leases(license);
    }

    @Test
    void twoHundredClientsAgainstTwentySeatsGetExactlyTwentyLeasesEveryRound() throws Exception {
        String license = hostedLicense(20);
        for (int round = 0; round < 3; round++) {
            int r = round;
            List<Callable<Api.Reply>> tasks = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                int c = i;
                tasks.add(() -> reserve(license, "round" + r + "-client" + c));
            }
            List<Api.Reply> replies = Together.run(pool, tasks);
            List<Api.Reply> granted =
                    replies.stream().filter(x -> x.status() == 201).toList();
            assertEquals(20, granted.size(), "round " + round);
            // Leases granted at the same moment share batch signatures; each must verify on its own path.
            granted.forEach(g -> assertTrue(signatureVerifies(g.json()), g.body()));
            assertEquals(
                    180,
                    replies.stream()
                            .filter(x -> x.status() == 409 && "NO_SEAT_AVAILABLE".equals(x.code()))
                            .count());
            assertEquals(20, leases(license).size());
            List<Callable<Integer>> releases = new ArrayList<>();
            for (Api.Reply g : granted) {
                String id = g.json().getJsonObject("lease").getString("id");
                releases.add(() -> client.delete("/api/v1/seats/" + id).status());
            }
            assertEquals(Collections.nCopies(20, 204), Together.run(pool, releases));
            assertEquals(0, leases(license).size());
            for (Api.Reply g : granted) {
                Api.Reply late = client.post(
                        "/api/v1/seats/" + g.json().getJsonObject("lease").getString("id") + "/heartbeat", null);
                assertEquals(410, late.status(), "no lease survives its release");
                assertEquals("LEASE_ENDED", late.code());
            }
        }
    }

    @Test
    void releasesAndExpiriesDuringAStormNeverLetMoreThanTheSeatsThrough() throws Exception {
        String license = hostedLicense(20);
        OwnInstance.setting("licentia.seats.lease-ttl", "PT2S");
        List<String> shortLived = new ArrayList<>();
        try {
            for (int i = 0; i < 10; i++) {
                shortLived.add(reserve(license, "short-" + i)
                        .json()
                        .getJsonObject("lease")
                        .getString("id"));
            }
        } finally {
            OwnInstance.setting("licentia.seats.lease-ttl", "PT10M");
        }
        List<String> longLived = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            longLived.add(
                    reserve(license, "long-" + i).json().getJsonObject("lease").getString("id"));
        }
        Thread.sleep(2500);
        List<Callable<Api.Reply>> storm = new ArrayList<>();
        for (int i = 0; i < 190; i++) {
            int c = i;
            storm.add(() -> reserve(license, "storm-" + c));
        }
        for (int i = 0; i < 5; i++) {
            String id = longLived.get(i);
            storm.add(() -> client.delete("/api/v1/seats/" + id));
        }
        List<Api.Reply> replies = Together.run(pool, storm);
        long granted = replies.stream().filter(x -> x.status() == 201).count();
        assertTrue(granted >= 10 && granted <= 15, "10 expired and 5 released seats at most, got " + granted);
        assertEquals(5, replies.stream().filter(x -> x.status() == 204).count());
        assertEquals(5 + granted, leases(license).size());
        int more = 0;
        while (reserve(license, "after-" + more).status() == 201) {
            more++;
        }
        assertEquals(20, leases(license).size(), "the seats fill up to exactly the seat amount");
        assertEquals(15 - granted, more);
        for (String id : shortLived) {
            Api.Reply expired = client.post("/api/v1/seats/" + id + "/heartbeat", null);
            assertEquals(410, expired.status(), expired.body());
            assertEquals("expired", expired.json().getJsonObject("details").getString("reason"), expired.body());
        }
    }

    @Test
    void anUnrenewedLeaseIsReclaimedByTheSweepWithinItsTtlPlusACleanupInterval() throws Exception {
        String license = hostedLicense(1);
        OwnInstance.setting("licentia.seats.lease-ttl", "PT2S");
        Instant reserved;
        try {
            Api.Reply r = reserve(license, "forgetful");
            assertEquals(201, r.status(), r.body());
            reserved = Instant.parse(r.json().getJsonObject("lease").getString("reservedAt"));
        } finally {
            OwnInstance.setting("licentia.seats.lease-ttl", "PT10M");
        }
        // The test servers sweep every 2 s (LICENTIA_SEATS_CLEANUP_INTERVAL): no client call is needed.
        Instant deadline = reserved.plusSeconds(2 + 2 + 3);
        long expiries = 0;
        while (Instant.now().isBefore(deadline) && expiries == 0) {
            Thread.sleep(250);
            expiries = Api.admin()
                    .get("/api/v1/seat-usage?license=" + license)
                    .json()
                    .getJsonArray("usage")
                    .getValuesAs(JsonObject.class)
                    .stream()
                    .mapToLong(u -> u.getJsonNumber("expiries").longValue())
                    .sum();
        }
        assertEquals(1, expiries, "the sweep reclaimed the lease");
        assertEquals(201, reserve(license, "next").status());
    }

    @Test
    void theSameClientReservingAgainGetsItsOwnLeaseBackNotASecondSeat() {
        String license = hostedLicense(5);
        Api.Reply first = reserve(license, "alice@ws-17/4711");
        Api.Reply again = reserve(license, "alice@ws-17/4711");
        assertEquals(201, first.status(), first.body());
        assertEquals(200, again.status(), again.body());
        assertEquals(
                first.json().getJsonObject("lease").getString("id"),
                again.json().getJsonObject("lease").getString("id"));
        assertEquals(1, leases(license).size());
    }

    @Test
    void leaseDocumentsAreSignedAndVerifyWithTheServersKey() {
        String license = hostedLicense(2);
        JsonObject answer = client.post(
                        "/api/v1/seats",
                        "{\"license\":\"" + license + "\",\"client\":\"verifier\",\"host\":\"ws-1\","
                                + "\"user\":\"alice\"}")
                .json();
        assertTrue(signatureVerifies(answer));
        Map<String, Object> document = JsonDocuments.toMap(answer.getJsonObject("document"));
        assertEquals("seat-lease", document.get("type"));
        assertEquals(answer.getJsonObject("lease").getString("id"), document.get("lease"));
        assertEquals("alice", document.get("user"));
        JsonObject signature = answer.getJsonObject("signature");
        List<String> path = signature.getJsonArray("batchPath").getValuesAs(jakarta.json.JsonString::getString);
        document.put("expiresAt", "2099-01-01T00:00:00Z");
        assertFalse(
                SignatureBatch.verify(
                        CanonicalJson.encode(document),
                        path,
                        signature.getString("value"),
                        publicKey(signature.getString("keyId"))),
                "a changed expiry breaks the signature");
    }

    /** Checks a lease answer's batch signature as docs/seats.md describes it, with the key the server publishes. */
    private boolean signatureVerifies(JsonObject answer) {
        JsonObject signature = answer.getJsonObject("signature");
        assertEquals("Ed25519", signature.getString("algorithm"));
        List<String> path = signature.getJsonArray("batchPath").getValuesAs(jakarta.json.JsonString::getString);
        byte[] canonical = CanonicalJson.encode(JsonDocuments.toMap(answer.getJsonObject("document")));
        return SignatureBatch.verify(
                canonical, path, signature.getString("value"), publicKey(signature.getString("keyId")));
    }

    private String publicKey(String keyId) {
        return client.get("/api/v1/seats/keys").json().getJsonArray("keys").getValuesAs(JsonObject.class).stream()
                .filter(k -> k.getString("keyId").equals(keyId))
                .findFirst()
                .orElseThrow()
                .getString("publicKey");
    }

    @Test
    void denialsSayWhy() {
        String license = hostedLicense(1);
        assertEquals(201, reserve(license, "first").status());
        Api.Reply full = reserve(license, "second");
        assertEquals(409, full.status());
        assertEquals("NO_SEAT_AVAILABLE", full.code());
        JsonObject details = full.json().getJsonObject("details");
        assertEquals("1", details.getString("seatsInUse"));
        assertEquals("1", details.getString("seats"));
        assertTrue(details.containsKey("nextExpiry"));

        Api.Reply notHosted = reserve(Api.uniqueNumber(), "x");
        assertEquals(404, notHosted.status());
        assertEquals("LICENSE_NOT_HOSTED", notHosted.code());

        Api.Reply noToken = Api.anonymous().post("/api/v1/seats", "{\"license\":\"" + license + "\",\"client\":\"x\"}");
        assertEquals(401, noToken.status());
        assertEquals("INVALID_CLIENT_TOKEN", noToken.code());
        Api.Reply forged = Api.bearer(token.substring(0, token.length() - 4) + "AAAA")
                .post("/api/v1/seats", "{\"license\":\"" + license + "\",\"client\":\"x\"}");
        assertEquals("INVALID_CLIENT_TOKEN", forged.code());

        Api.Reply noClient = client.post("/api/v1/seats", "{\"license\":\"" + license + "\"}");
        assertEquals(400, noClient.status());
        assertEquals("INVALID_INPUT", noClient.code());
        assertTrue(noClient.json().getJsonObject("details").containsKey("client"));
        Api.Reply badNumber = client.post("/api/v1/seats", "{\"license\":\"12x\",\"client\":\"x\"}");
        assertEquals("INVALID_INPUT", badNumber.code());
        Api.Reply control = client.post("/api/v1/seats", "{\"license\":\"" + license + "\",\"client\":\"a\\u0007b\"}");
        assertEquals("INVALID_INPUT", control.code());
        Api.Reply tooLong =
                client.post("/api/v1/seats/borrow", "{\"license\":\"" + license + "\",\"client\":\"x\",\"days\":30}");
        assertEquals("BORROW_TOO_LONG", tooLong.code());
        Api.Reply garbage = client.post("/api/v1/seats", "{\"license\":");
        assertEquals(400, garbage.status());
        assertEquals(1, leases(license).size(), "refusals change nothing");
    }

    @Test
    void aHostsQuotaLimitsTheHostsHoldingSeats() {
        String number = Api.uniqueNumber();
        Api.Reply created = Api.admin()
                .post(
                        "/api/v1/licenses",
                        "{\"number\":\"" + number + "\",\"account\":\"" + customer.account
                                + "\",\"seats\":10,\"quotaMetric\":\"hosts\",\"quota\":2,\"starts\":\"2026-01-01\",\"expires\":\"2027-12-31\"}");
        assertEquals(201, created.status(), created.body());
        OwnInstance.host(customer, manager, number);
        String body = "{\"license\":\"" + number + "\",\"client\":\"%s\",\"host\":\"%s\"}";
        assertEquals(
                201, client.post("/api/v1/seats", body.formatted("a", "h1")).status());
        assertEquals(
                201, client.post("/api/v1/seats", body.formatted("b", "h1")).status());
        assertEquals(
                201, client.post("/api/v1/seats", body.formatted("c", "h2")).status());
        Api.Reply third = client.post("/api/v1/seats", body.formatted("d", "h3"));
        assertEquals(409, third.status());
        assertEquals("QUOTA_EXCEEDED", third.code());
        assertEquals("2", third.json().getJsonObject("details").getString("hostsInUse"));
    }

    @Test
    void reservingByProductAndFeatureTakesAnyLicenseWithAFreeSeat() {
        String license = hostedLicense(1);
        JsonObject hosted = Api.admin()
                .get("/api/v1/hosted-licenses")
                .json()
                .getJsonArray("licenses")
                .getValuesAs(JsonObject.class)
                .stream()
                .filter(h -> h.getString("number").equals(license))
                .findFirst()
                .orElseThrow();
        String product = hosted.getString("product");
        Api.Reply byProduct = client.post(
                "/api/v1/seats", "{\"product\":\"" + product + "\",\"feature\":\"no-such-feature\",\"client\":\"p\"}");
        assertEquals(404, byProduct.status());
        assertEquals("LICENSE_NOT_HOSTED", byProduct.code());
        Api.Reply any = client.post(
                "/api/v1/seats", "{\"product\":\"" + product + "\",\"client\":\"by-product-" + license + "\"}");
        assertEquals(201, any.status(), any.body());
        Api.Reply again = client.post(
                "/api/v1/seats", "{\"product\":\"" + product + "\",\"client\":\"by-product-" + license + "\"}");
        assertEquals(
                any.json().getJsonObject("lease").getString("id"),
                again.json().getJsonObject("lease").getString("id"),
                "the client keeps its seat");
    }

    @Test
    void aBorrowedSeatKeepsItsExpiryUntilReturned() {
        String license = hostedLicense(1);
        Api.Reply borrowed = client.post(
                "/api/v1/seats/borrow", "{\"license\":\"" + license + "\",\"client\":\"laptop\",\"days\":3}");
        assertEquals(201, borrowed.status(), borrowed.body());
        JsonObject lease = borrowed.json().getJsonObject("lease");
        assertTrue(lease.getBoolean("borrowed"));
        Instant until = Instant.parse(lease.getString("expiresAt"));
        assertTrue(Duration.between(Instant.now(), until).toHours() >= 71, until.toString());
        assertEquals(true, borrowed.json().getJsonObject("document").getBoolean("borrowed"));
        Api.Reply heartbeat = client.post("/api/v1/seats/" + lease.getString("id") + "/heartbeat", null);
        assertEquals(
                lease.getString("expiresAt"),
                heartbeat.json().getJsonObject("lease").getString("expiresAt"));
        assertEquals("NO_SEAT_AVAILABLE", reserve(license, "desktop").code(), "the borrowed seat stays in use");
        assertEquals(
                204, client.delete("/api/v1/seats/" + lease.getString("id")).status());
        assertEquals(201, reserve(license, "desktop").status(), "returned early, the seat is free");
    }

    @Test
    void anAdministratorSeesWhoHoldsSeatsAndRevokesALease() {
        String license = hostedLicense(3);
        String id = client.post(
                        "/api/v1/seats",
                        "{\"license\":\"" + license
                                + "\",\"client\":\"bob@ws-2/99\",\"host\":\"ws-2\",\"user\":\"bob\"}")
                .json()
                .getJsonObject("lease")
                .getString("id");
        JsonObject listed = leases(license).get(0);
        assertEquals("bob@ws-2/99", listed.getString("client"));
        assertEquals("ws-2", listed.getString("host"));
        assertEquals("bob", listed.getString("user"));
        assertEquals(
                403,
                Api.as(manager, customer.password(manager))
                        .get("/api/v1/reservations?license=" + license)
                        .status());
        assertEquals(204, Api.admin().delete("/api/v1/reservations/" + id).status());
        Api.Reply told = client.post("/api/v1/seats/" + id + "/heartbeat", null);
        assertEquals(410, told.status());
        assertEquals("revoked", told.json().getJsonObject("details").getString("reason"));
        assertTrue(told.json().getString("detail").contains("revoked by " + Api.ADMIN), told.body());
        assertEquals(404, Api.admin().delete("/api/v1/reservations/" + id).status());
        assertEquals(
                "seat.revoke",
                Api.admin()
                        .get("/api/v1/audit?itemType=seat-lease&itemId=" + id)
                        .json()
                        .getJsonArray("items")
                        .getJsonObject(0)
                        .getString("action"));
    }

    @Test
    void deregisteringALicenseEndsItsLeasesAndTellsTheClientsAtTheirNextHeartbeat() {
        String license = hostedLicense(2);
        String id = reserve(license, "worker").json().getJsonObject("lease").getString("id");
        Api.Reply removed = OwnInstance.unhost(customer, manager, license);
        assertEquals(200, removed.status(), removed.body());
        Api.Reply told = client.post("/api/v1/seats/" + id + "/heartbeat", null);
        assertEquals(410, told.status(), told.body());
        assertEquals("deregistered", told.json().getJsonObject("details").getString("reason"));
        assertTrue(
                told.json().getString("detail").contains("deregistered from this instance by " + manager), told.body());
        assertEquals(0, leases(license).size());
        assertEquals("LICENSE_NOT_HOSTED", reserve(license, "worker").code());
    }

    @Test
    void aLicenseRemovedBySyncEndsItsLeases() {
        String license = hostedLicense(2);
        String id = reserve(license, "worker").json().getJsonObject("lease").getString("id");
        assertEquals(
                200,
                Api.admin()
                        .post("/api/v1/licenses/" + license + "/revoke", "{\"reason\":\"unpaid\"}")
                        .status());
        assertEquals(200, Api.admin().post("/api/v1/sync", null).status());
        Api.Reply told = client.post("/api/v1/seats/" + id + "/heartbeat", null);
        assertEquals(410, told.status(), told.body());
        assertEquals("removed-by-sync", told.json().getJsonObject("details").getString("reason"));
        assertTrue(told.json().getString("detail").contains("(REVOKED)"), told.body());
    }

    @Test
    void aLicenseThePublisherCannotConfirmPastTheGracePeriodGivesNoNewSeats() {
        String license = hostedLicense(2);
        String held = reserve(license, "before").json().getJsonObject("lease").getString("id");
        OwnInstance.setting("licentia.upstream.url", "http://127.0.0.1:9");
        OwnInstance.setting("licentia.seats.uncertain-grace", "PT0S");
        try {
            assertEquals(
                    "PUBLISHER_UNAVAILABLE",
                    Api.admin().post("/api/v1/sync", null).json().getString("outcome"));
            Api.Reply refused = reserve(license, "after");
            assertEquals(409, refused.status(), refused.body());
            assertEquals("LICENSE_UNCERTAIN", refused.code());
            assertEquals(
                    200,
                    client.post("/api/v1/seats/" + held + "/heartbeat", null).status(),
                    "existing work keeps running");
        } finally {
            OwnInstance.setting("licentia.upstream.url", null);
            OwnInstance.setting("licentia.seats.uncertain-grace", "P7D");
        }
        assertEquals("COMPLETED", Api.admin().post("/api/v1/sync", null).json().getString("outcome"));
        assertEquals(201, reserve(license, "after").status());
    }

    @Test
    void revokedClientTokensStopWorkingAndTokensAreListedWithoutTheirSecret() {
        String name = "revocable-" + Api.uniqueNumber();
        String revocable = OwnInstance.clientToken(name);
        String license = hostedLicense(2);
        assertEquals(
                201,
                Api.bearer(revocable)
                        .post("/api/v1/seats", "{\"license\":\"" + license + "\",\"client\":\"c\"}")
                        .status());
        String listed = Api.admin().get("/api/v1/client-tokens").body();
        assertTrue(listed.contains(name));
        assertFalse(listed.contains(revocable.substring(4)), "the token's value is shown only once");
        assertEquals(
                409,
                Api.admin()
                        .post("/api/v1/client-tokens", "{\"name\":\"" + name + "\"}")
                        .status());
        assertEquals(204, Api.admin().delete("/api/v1/client-tokens/" + name).status());
        Api.Reply refused =
                Api.bearer(revocable).post("/api/v1/seats", "{\"license\":\"" + license + "\",\"client\":\"d\"}");
        assertEquals(401, refused.status());
        assertEquals("INVALID_CLIENT_TOKEN", refused.code());
        assertEquals(
                403,
                Api.as(manager, customer.password(manager))
                        .post("/api/v1/client-tokens", "{\"name\":\"mine\"}")
                        .status());
    }

    @Test
    void usageRecordsCountReservationsReleasesAndDenials() {
        String license = hostedLicense(1);
        String id = reserve(license, "u1").json().getJsonObject("lease").getString("id");
        assertEquals(409, reserve(license, "u2").status());
        client.delete("/api/v1/seats/" + id);
        JsonObject usage = Api.admin()
                .get("/api/v1/seat-usage?license=" + license)
                .json()
                .getJsonArray("usage")
                .getJsonObject(0);
        assertEquals(1, usage.getInt("reservations"));
        assertEquals(1, usage.getInt("releases"));
        assertEquals(1, usage.getInt("denials"));
        assertNotEquals(null, usage.getString("hour"));
    }
}
