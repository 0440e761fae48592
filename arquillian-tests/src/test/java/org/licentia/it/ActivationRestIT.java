package org.licentia.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
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
import org.licentia.client.activation.ComputerKey;
import org.licentia.client.activation.InvalidComputerKeyException;

/**
 * Node-locked activation over REST: computer keys that verify offline, one slot per computer,
 * never more activations than the license allows under concurrency, deactivation with proof, the
 * daily churn limit and the staff's offline activation.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ActivationRestIT {

    private static ExecutorService pool;
    private static Customer customer;
    private static String manager;

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.licentiaEar();
    }

    @BeforeAll
    static void setUp() {
        pool = Executors.newFixedThreadPool(64);
        customer = Customer.create("Activations");
        manager = customer.user("manager", "license-manager");
    }

    @AfterAll
    static void tearDown() {
        pool.shutdownNow();
        OwnInstance.setting("licentia.activation.max-deactivations-per-day", null);
    }

    private static Api.Reply activate(Computer computer, String activationKey) {
        return Api.anonymous().post("/api/v1/activations/online", computer.body(activationKey));
    }

    private static String status(Computer computer, String activationKey) {
        return Api.anonymous()
                .post("/api/v1/activations/status", computer.body(activationKey))
                .json()
                .getString("status");
    }

    private static Api.Reply deactivate(String dvc) {
        return Api.anonymous().post("/api/v1/activations/deactivations", "{\"dvc\":\"" + dvc + "\"}");
    }

    private static List<JsonObject> activations(String license) {
        return Api.admin()
                .get("/api/v1/activations?license=" + license)
                .json()
                .getJsonArray("activations")
                .getValuesAs(JsonObject.class);
    }

    private static long active(String license) {
        return activations(license).stream()
                .filter(a -> a.getString("status").equals("ACTIVE"))
                .count();
    }

    @Test
    void anOnlineActivationGivesAComputerKeyThatVerifiesOfflineAndTheSameComputerKeepsItsSlot() {
        String license = customer.license(2);
        String key = Customer.activationKey(license);
        Computer computer = Computer.fresh();

        Api.Reply first = activate(computer, key);
        assertEquals(201, first.status(), first.body());
        JsonObject activation = first.json();
        assertEquals(license, activation.getString("license"));
        assertEquals(computer.toString(), activation.getString("computerId"));
        assertEquals("ACTIVE", activation.getString("status"));
        ComputerKey computerKey = computer.verify(activation.getString("computerKey"), key);
        assertEquals(activation.getString("activationId"), computerKey.terms().activationId());
        assertEquals(license, computerKey.terms().licenseNumber());
        assertEquals(LocalDate.parse("2027-12-31"), computerKey.terms().expires());

        Api.Reply again = activate(computer, key);
        assertEquals(200, again.status(), "the same computer gets its activation back: " + again.body());
        assertEquals(activation.getString("activationId"), again.json().getString("activationId"));
        assertEquals(1, active(license), "no second slot for the same computer");
        assertEquals("ACTIVE", status(computer, key));
        assertEquals("NOT_ACTIVATED", status(Computer.fresh(), key));

        Computer other = Computer.fresh();
        InvalidComputerKeyException elsewhere = assertThrows(
                InvalidComputerKeyException.class,
                () -> other.verify(activation.getString("computerKey"), key),
                "a computer key is of one computer only");
        assertEquals(InvalidComputerKeyException.Reason.BAD_SIGNATURE, elsewhere.reason());

        List<JsonObject> records = Api.admin()
                .get("/api/v1/audit?itemType=activation&itemId=" + activation.getString("activationId"))
                .json()
                .getJsonArray("items")
                .getValuesAs(JsonObject.class);
        assertEquals("activation.created", records.get(0).getString("action"));
    }

    @Test
    void fiftyComputersAgainstFiveSlotsGetExactlyFiveActivations() throws Exception {
        for (int round = 0; round < 2; round++) {
            String license = customer.license(5);
            String key = Customer.activationKey(license);
            List<Callable<Api.Reply>> tasks = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                Computer computer = Computer.fresh();
                tasks.add(() -> activate(computer, key));
            }
            List<Api.Reply> replies = Together.run(pool, tasks);
            assertEquals(5, replies.stream().filter(r -> r.status() == 201).count(), "round " + round);
            assertEquals(
                    45,
                    replies.stream()
                            .filter(r -> r.status() == 409 && r.code().equals("ACTIVATION_LIMIT_REACHED"))
                            .count());
            assertEquals(5, active(license));
        }
    }

    @Test
    void badInputIsRefusedWithAReasonAndRecordsNothing() {
        String license = customer.license(3);
        String key = Customer.activationKey(license);
        Computer computer = Computer.fresh();
        char[] typo = key.toCharArray();
        typo[3] = typo[3] == '7' ? '8' : '7';

        Api.Reply mistyped = activate(computer, new String(typo));
        assertEquals(400, mistyped.status());
        assertEquals("INVALID_INPUT", mistyped.code());
        assertTrue(mistyped.json().getJsonObject("details").containsKey("activationKey"), mistyped.body());

        Api.Reply badComputer = Api.anonymous()
                .post(
                        "/api/v1/activations/online",
                        "{\"activationKey\":\"" + key + "\",\"computerId\":\""
                                + computer.toString().substring(0, 20) + "\"}");
        assertEquals(400, badComputer.status());
        assertTrue(badComputer.json().getJsonObject("details").containsKey("computerId"), badComputer.body());

        Api.Reply badField = Api.anonymous()
                .post(
                        "/api/v1/activations/online",
                        "{\"activationKey\":\"" + key + "\",\"computerId\":\"" + computer
                                + "\",\"fields\":{\"no spaces\":\"x\"}}");
        assertEquals(400, badField.status(), badField.body());
        Api.Reply nullField = Api.anonymous()
                .post(
                        "/api/v1/activations/online",
                        "{\"activationKey\":\"" + key + "\",\"computerId\":\"" + computer
                                + "\",\"fields\":{\"site\":null}}");
        assertEquals(400, nullField.status(), nullField.body());

        Api.Reply unknown = activate(
                computer,
                org.licentia.client.activation.ActivationKey.generate().toString());
        assertEquals(404, unknown.status());
        assertEquals("ACTIVATION_KEY_NOT_FOUND", unknown.code());

        Api.Reply garbage = Api.anonymous().post("/api/v1/activations/online", "{\"activationKey\":");
        assertEquals(400, garbage.status());
        assertEquals(0, activations(license).size(), "nothing was recorded");

        String expired = customer.license(1, "2020-01-01", "2021-01-01");
        Api.Reply late = activate(computer, Customer.activationKey(expired));
        assertEquals(409, late.status());
        assertEquals("LICENSE_EXPIRED", late.code());

        assertEquals(
                200,
                Api.admin()
                        .post("/api/v1/licenses/" + license + "/revoke", "{\"reason\":\"refund\"}")
                        .status());
        Api.Reply revoked = activate(computer, key);
        assertEquals(409, revoked.status());
        assertEquals("LICENSE_REVOKED", revoked.code());
    }

    @Test
    void aDeactivationCodeFreesTheSlotOnceAndTheOldKeyNeverValidatesAgain() {
        String license = customer.license(1);
        String key = Customer.activationKey(license);
        Computer computer = Computer.fresh();
        String activationId = activate(computer, key).json().getString("activationId");
        Computer next = Computer.fresh();
        assertEquals("ACTIVATION_LIMIT_REACHED", activate(next, key).code());

        Api.Reply forged = deactivate(Computer.fresh().dvc(activationId));
        assertEquals(404, forged.status(), "another installation cannot deactivate this one: " + forged.body());
        String dvc = computer.dvc(activationId);
        char[] typo = dvc.toCharArray();
        typo[10] = typo[10] == 'A' ? 'B' : 'A';
        Api.Reply mistyped = deactivate(new String(typo));
        assertEquals(400, mistyped.status());
        assertEquals("INVALID_DEACTIVATION_CODE", mistyped.code());
        Api.Reply otherActivation = deactivate(computer.dvc(activationId + "0"));
        assertEquals(400, otherActivation.status(), "a code for another activation proves nothing here");
        assertEquals(
                "BAD_SIGNATURE", otherActivation.json().getJsonObject("details").getString("reason"));
        Api.Reply backdated =
                deactivate(computer.dvc(activationId, Instant.now().minusSeconds(3600)));
        assertEquals(
                "BEFORE_ACTIVATION", backdated.json().getJsonObject("details").getString("reason"), backdated.body());
        assertEquals("ACTIVE", status(computer, key), "refused codes changed nothing");

        Api.Reply done = deactivate(dvc);
        assertEquals(200, done.status(), done.body());
        assertEquals("DEACTIVATED", done.json().getString("status"));
        assertEquals("DEACTIVATED", status(computer, key), "online validation refuses the old computer key");

        Api.Reply replayed = deactivate(dvc);
        assertEquals(409, replayed.status());
        assertEquals("ACTIVATION_ALREADY_DEACTIVATED", replayed.code());
        Api.Reply second = deactivate(computer.dvc(activationId, Instant.now().plusSeconds(5)));
        assertEquals("ACTIVATION_ALREADY_DEACTIVATED", second.code(), "an activation is deactivated once");

        assertEquals(201, activate(next, key).status(), "the slot is free for another computer");
        Api.Reply comeback = activate(computer, key);
        assertEquals(409, comeback.status(), "the slot was taken meanwhile");
        List<JsonObject> records = Api.admin()
                .get("/api/v1/audit?itemType=activation&itemId=" + activationId)
                .json()
                .getJsonArray("items")
                .getValuesAs(JsonObject.class);
        assertEquals("activation.deactivated", records.get(0).getString("action"));
    }

    @Test
    void tooManyDeactivationsInADayHoldBackNewActivationsButNotTheStaff() {
        OwnInstance.setting("licentia.activation.max-deactivations-per-day", "2");
        try {
            String license = customer.license(1);
            String key = Customer.activationKey(license);
            for (int cycle = 0; cycle < 2; cycle++) {
                Computer computer = Computer.fresh();
                Api.Reply activated = activate(computer, key);
                assertEquals(201, activated.status(), activated.body());
                assertEquals(
                        200,
                        deactivate(computer.dvc(activated.json().getString("activationId")))
                                .status());
            }
            Computer third = Computer.fresh();
            Api.Reply refused = activate(third, key);
            assertEquals(429, refused.status(), refused.body());
            assertEquals("ACTIVATION_CYCLE_LIMIT", refused.code());
            assertEquals("2", refused.json().getJsonObject("details").getString("deactivations"));
            Api.Reply byStaff =
                    Api.as(manager, customer.password(manager)).post("/api/v1/activations", third.body(key));
            assertEquals(201, byStaff.status(), "the publisher's staff decide about churn: " + byStaff.body());
        } finally {
            OwnInstance.setting("licentia.activation.max-deactivations-per-day", null);
        }
    }

    @Test
    void staffActivateAComputerOfflineListAndReleaseActivations() {
        String license = customer.license(2);
        String key = Customer.activationKey(license);
        Computer computer = Computer.fresh();
        Api staff = Api.as(manager, customer.password(manager));
        Api.Reply created = staff.post(
                "/api/v1/activations",
                "{\"activationKey\":\"" + key + "\",\"computerId\":\"" + computer
                        + "\",\"computerName\":\"lab-7\",\"fields\":{\"site\":\"Berlin\"}}");
        assertEquals(201, created.status(), created.body());
        computer.verify(created.json().getString("computerKey"), key);
        assertEquals("Berlin", created.json().getJsonObject("fields").getString("site"));

        Customer stranger = Customer.create("Stranger");
        String outsider = stranger.user("manager", "license-manager");
        Api.Reply forbidden = Api.as(outsider, stranger.password(outsider))
                .post("/api/v1/activations", Computer.fresh().body(key));
        LicenseRestIT.expect(404, "ACTIVATION_KEY_NOT_FOUND", forbidden);
        assertEquals(
                401,
                Api.anonymous()
                        .post("/api/v1/activations", Computer.fresh().body(key))
                        .status(),
                "creating for a computer ID someone sent needs the staff's sign-in");

        List<JsonObject> listed = activations(license);
        assertEquals(1, listed.size());
        assertEquals("lab-7", listed.get(0).getString("computerName"));
        assertTrue(
                !listed.get(0).containsKey("computerKey") || listed.get(0).isNull("computerKey"),
                "lists show no computer keys");

        String id = created.json().getString("activationId");
        Api.Reply released = staff.delete("/api/v1/activations/" + id);
        assertEquals(200, released.status(), released.body());
        assertEquals("REVOKED", status(computer, key));
        assertEquals(
                "ACTIVATION_ALREADY_DEACTIVATED",
                staff.delete("/api/v1/activations/" + id).code());
        assertEquals(404, staff.delete("/api/v1/activations/999999999").status());
    }

    @Test
    void theSelfHelpPageConfirmsADeactivationCodeOnce() {
        String license = customer.license(1);
        String key = Customer.activationKey(license);
        Computer computer = Computer.fresh();
        String activationId = activate(computer, key).json().getString("activationId");
        String form = "dvc="
                + java.net.URLEncoder.encode(
                        computer.dvc(activationId).replace("-", " - "), java.nio.charset.StandardCharsets.UTF_8);

        Api.Reply confirmed = Api.anonymous().form("/self-help/deactivation", form);
        assertEquals(200, confirmed.status(), confirmed.body());
        assertTrue(confirmed.body().contains("id=\"deactivated\""), confirmed.body());
        assertTrue(
                confirmed.body().contains("Activation " + activationId + " of license " + license), confirmed.body());
        assertEquals("DEACTIVATED", status(computer, key));

        Api.Reply again = Api.anonymous().form("/self-help/deactivation", form);
        assertEquals(409, again.status());
        assertTrue(again.body().contains("role=\"alert\"") && again.body().contains("already"), again.body());
    }

    @Test
    void theSelfHelpPageIsRateLimitedPerAddressAndEscapesWhatItShows() {
        Api.Reply page = Api.anonymous().get("/self-help/activation?activationKey=%3Cscript%3Ealert(1)%3C/script%3E");
        assertEquals(200, page.status());
        assertTrue(page.body().contains("&lt;script&gt;"), page.body());
        assertTrue(!page.body().contains("<script>"));
        OwnInstance.setting("licentia.self-help.max-requests-per-minute", "3");
        try {
            // The window is shared with the other tests' form posts from this address in the last minute,
            // so the refusal may come at once; with a limit of 3, never more than 3 pass in a minute.
            int refusedAt = -1;
            for (int i = 1; i <= 8 && refusedAt < 0; i++) {
                Api.Reply reply = Api.anonymous().form("/self-help/deactivation", "dvc=" + i);
                if (reply.status() == 429) {
                    refusedAt = i;
                    assertTrue(reply.body().contains("Too many requests"), reply.body());
                } else {
                    assertEquals(400, reply.status());
                }
            }
            assertTrue(refusedAt >= 1 && refusedAt <= 4, "refused at request " + refusedAt);
        } finally {
            OwnInstance.setting("licentia.self-help.max-requests-per-minute", null);
        }
    }
}
