package org.licentia.it;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The on-prem instance under test (port offset 400, its own H2 database) and what tests need of
 * it: its REST API, its hosted licenses, and its management interface for arming faults.
 */
final class OnPrem {

    static final String CONTAINER = "onprem";
    static final String DEPLOYMENT = "onprem";
    static final String BASE = "http://localhost:8480";
    static final Api ADMIN = Api.as(BASE, Api.ADMIN, Api.ADMIN_PASSWORD);

    private OnPrem() {}

    /**
     * Starts the instance's server and deploys Licentia there, unless an earlier test class did;
     * when it starts it, it waits for the start-up sync, so that no test has it run in its middle.
     */
    static void running(
            org.jboss.arquillian.container.test.api.ContainerController controller,
            org.jboss.arquillian.container.test.api.Deployer deployer) {
        java.time.Instant started = null;
        if (!controller.isStarted(CONTAINER)) {
            started = java.time.Instant.now();
            controller.start(CONTAINER);
        }
        if (ADMIN.get("/api/v1/keys").status() == 404) {
            started = started == null ? java.time.Instant.now() : started;
            deployer.deploy(DEPLOYMENT);
        }
        if (started != null) {
            awaitStartupSync(started);
        }
    }

    /** Up to 30 s: a sync that fails (its publisher unreachable) still reports, so this rarely waits long. */
    private static void awaitStartupSync(java.time.Instant after) {
        for (int i = 0; i < 300; i++) {
            Api.Reply last = ADMIN.get("/api/v1/sync");
            if (last.status() == 200
                    && "startup".equals(last.json().getString("trigger"))
                    && java.time.Instant.parse(last.json().getString("startedAt"))
                            .isAfter(after)) {
                return;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    static Api.Reply plan(String email, String password, List<String> licenses) {
        return Api.as(BASE, "-", "-").postAnonymous("/api/v1/registration/plan", body(email, password, licenses, null));
    }

    static Api.Reply apply(String email, String password, List<String> licenses, List<String> expectedCurrent) {
        return Api.as(BASE, "-", "-")
                .postAnonymous("/api/v1/registration", body(email, password, licenses, expectedCurrent));
    }

    static Api.Reply deregister(String email, String password, List<String> expectedCurrent) {
        return Api.as(BASE, "-", "-")
                .postAnonymous("/api/v1/registration/deregister", body(email, password, null, expectedCurrent));
    }

    /** Hosted license number to its JSON, in number order. */
    static Map<String, JsonObject> hosted() {
        Map<String, JsonObject> hosted = new TreeMap<>();
        ADMIN.get("/api/v1/hosted-licenses")
                .json()
                .getJsonArray("licenses")
                .getValuesAs(JsonObject.class)
                .forEach(l -> hosted.put(l.getString("number"), l));
        return hosted;
    }

    /** The licenses it hosts through online registration: what registration and deregistration change. */
    static List<String> hostedNumbers() {
        return numbersFrom("online");
    }

    /** The licenses it hosts from license files. */
    static List<String> fileNumbers() {
        return numbersFrom("license-file");
    }

    private static List<String> numbersFrom(String source) {
        List<String> numbers = new ArrayList<>();
        hosted().forEach((number, l) -> {
            if (source.equals(l.getString("source"))) {
                numbers.add(number);
            }
        });
        return numbers;
    }

    /**
     * Leaves the instance hosting nothing, as the publisher's admin: other tests' customers may have
     * licenses on it, and a user may remove licenses only from an instance that serves their account.
     */
    static void clear() {
        deregisterAll(Api.ADMIN, Api.ADMIN_PASSWORD);
    }

    /** Leaves the instance hosting nothing, with a user that may manage registrations. */
    static void deregisterAll(String email, String password) {
        List<String> current = hostedNumbers();
        if (!current.isEmpty()) {
            Api.Reply reply = deregister(email, password, current);
            if (reply.status() != 200) {
                throw new IllegalStateException("Could not clear the instance: " + reply.body());
            }
        }
    }

    /** Makes the instance trust the publisher's current keys from its installation, as an air-gapped one must. */
    static void trustPublisherKeys() {
        trustPublisherKeys(10390);
    }

    /** The same for the instance whose management interface is at {@code managementPort} (a cluster node). */
    static void trustPublisherKeys(int managementPort) {
        Api.Reply listed = Api.admin().get("/api/v1/keys");
        if (listed.status() != 200) {
            throw new IllegalStateException("The publisher lists no keys: " + listed.body());
        }
        StringBuilder keys = new StringBuilder();
        for (JsonObject k : listed.json().getJsonArray("keys").getValuesAs(JsonObject.class)) {
            keys.append(keys.isEmpty() ? "" : ",")
                    .append(k.getString("keyId"))
                    .append(':')
                    .append(k.getString("publicKey"));
        }
        ServerSettings.set(managementPort, "licentia.upstream.public-keys", keys.toString());
    }

    /** Arms (or, with null, disarms) a named failure point on the instance, through its management interface. */
    static void fault(String point) {
        ServerSettings.set(10390, "licentia.faults", point);
    }

    private static String body(String email, String password, List<String> licenses, List<String> expectedCurrent) {
        var body = Json.createObjectBuilder().add("email", email).add("password", password);
        if (licenses != null) {
            body.add("licenses", array(licenses));
        }
        if (expectedCurrent != null) {
            body.add("expectedCurrent", array(expectedCurrent));
        }
        return body.build().toString();
    }

    private static JsonArrayBuilder array(List<String> values) {
        JsonArrayBuilder a = Json.createArrayBuilder();
        values.forEach(a::add);
        return a;
    }
}
