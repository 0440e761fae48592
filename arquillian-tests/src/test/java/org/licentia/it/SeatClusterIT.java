package org.licentia.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jboss.arquillian.container.test.api.ContainerController;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.as.controller.client.ModelControllerClient;
import org.jboss.dmr.ModelNode;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Two nodes of a cluster (WildFly's ha profile, replicated lease caches with pessimistic
 * transactions) sharing one PostgreSQL database of their own, an on-prem instance of the server
 * under test: deployed at the same moment on the empty database, they migrate it once. A lease taken on one node is seen and renewed on
 * the other, clients reserving on both at once never get more leases than seats, and losing a
 * node loses no lease. Their instance syncs once per interval, whichever node runs it, and a node
 * killed in the middle of a sync leaves the hosted licenses as they were.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SeatClusterIT {

    private static final String NODE_1 = "http://localhost:8580";
    private static final String NODE_2 = "http://localhost:8680";
    private static final String VALIDATION = "/instance-api/validation";
    private static final Duration SYNC_INTERVAL = Duration.ofSeconds(10);
    /** The cluster instance's own schema, which the test servers' provisioning drops (arquillian-tests/test-servers.sh). */
    private static final String CLUSTER_SCHEMA = "licentia_cluster";

    private static PublisherProxy proxy;
    private static final UsbPorts PORTS = new UsbPorts("cluster");
    private static UsbPorts.Key keyA;
    private static Customer customer;
    private static String manager;
    private static String license;
    private static String token;

    @ArquillianResource
    ContainerController controller;

    @Deployment(testable = false)
    static EnterpriseArchive underTest() {
        return Deployments.licentiaEar();
    }

    private static Api admin(String node) {
        return Api.as(node, Api.ADMIN, Api.ADMIN_PASSWORD);
    }

    private static List<JsonObject> leases(String node, String license) {
        return admin(node)
                .get("/api/v1/reservations?license=" + license)
                .json()
                .getJsonArray("leases")
                .getValuesAs(JsonObject.class);
    }

    @BeforeAll
    static void openProxy() {
        proxy = PublisherProxy.to(Api.BASE);
    }

    @AfterAll
    static void closeProxy() {
        proxy.close();
    }

    @Test
    @Order(1)
    void bothNodesShareTheLeasesAndNeverExceedTheSeats() throws Exception {
        controller.start("cluster-1");
        controller.start("cluster-2");
        deployTogether(10490, 10590);
        assertMigratedOnce();
        customer = Customer.create("Cluster seats");
        manager = customer.user("manager", "license-manager");
        license = customer.license(20);
        OwnInstance.host(NODE_1, customer, manager, license);
        Api.Reply made = admin(NODE_1).post("/api/v1/client-tokens", "{\"name\":\"cluster-" + license + "\"}");
        assertEquals(201, made.status(), made.body());
        token = made.json().getString("token");

        String first = reserve(NODE_1, token, license, "first")
                .json()
                .getJsonObject("lease")
                .getString("id");
        assertEquals(
                List.of(first),
                leases(NODE_2, license).stream().map(l -> l.getString("id")).toList(),
                "a lease taken on node 1 is there on node 2");

        ExecutorService pool = Executors.newFixedThreadPool(200);
        try {
            List<Callable<Api.Reply>> storm = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                String node = i % 2 == 0 ? NODE_1 : NODE_2;
                String client = "storm-" + i;
                storm.add(() -> reserve(node, token, license, client));
            }
            int granted = 0;
            for (Api.Reply r : Together.run(pool, storm)) {
                if (r.status() == 201) {
                    granted++;
                } else {
                    assertEquals("NO_SEAT_AVAILABLE", r.code(), r.body());
                }
            }
            assertEquals(19, granted, "clients on both nodes share the 19 free seats, never more");
        } finally {
            pool.shutdownNow();
        }
        assertEquals(20, leases(NODE_1, license).size());
        assertEquals(20, leases(NODE_2, license).size());

        assertEquals(
                204, Api.bearer(NODE_2, token).delete("/api/v1/seats/" + first).status(), "released on the other node");
        assertEquals(19, leases(NODE_1, license).size());
    }

    /**
     * The nodes sync every 10 s (arquillian.xml) through the tests' proxy, which counts the
     * publisher's validation calls: one per interval for the cluster, not one per node.
     */
    /**
     * Request-key licensing on a cluster: every node gives the same request code binding (one
     * instance), and a license file uploaded to one node is in effect on the other at once, its
     * seats counted across both, as the seed's "upload it to any management node" promises.
     */
    @Test
    @Order(2)
    void aLicenseFileUploadedToOneNodeIsInEffectOnTheOtherAtOnce() throws Exception {
        JsonObject code1 =
                admin(NODE_1).get("/api/v1/license-files/request-code").json();
        JsonObject code2 =
                admin(NODE_2).get("/api/v1/license-files/request-code").json();
        assertEquals(code1.getString("instanceId"), code2.getString("instanceId"));
        assertEquals(code1.getString("keyFingerprint"), code2.getString("keyFingerprint"));

        String fromFile = customer.license(1);
        String body = "{\"requestCode\":\"" + code2.getString("code") + "\",\"licenses\":[\"" + fromFile + "\"]}";
        HttpResponse<byte[]> file = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(Api.BASE + "/api/v1/license-files"))
                                .header("Authorization", Api.admin().authorization())
                                .header("Content-Type", "application/json")
                                .header("Accept", "application/zip")
                                .POST(HttpRequest.BodyPublishers.ofString(body))
                                .build(),
                        HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, file.statusCode(), new String(file.body(), java.nio.charset.StandardCharsets.UTF_8));
        assertEquals(200, uploadTo(NODE_1, file.body()).statusCode());

        Api.Reply seat = null;
        for (int i = 0; i < 10 && (seat == null || seat.status() != 201); i++) {
            seat = reserve(NODE_2, token, fromFile, "file-seat");
            Thread.sleep(i == 0 ? 0 : 100);
        }
        assertEquals(201, seat.status(), "a seat of the file's license on the other node: " + seat.body());
        assertEquals(
                "NO_SEAT_AVAILABLE",
                reserve(NODE_1, token, fromFile, "file-seat-2").code(),
                "its one seat is counted across both nodes");
        HttpResponse<String> again = uploadTo(NODE_2, file.body());
        assertTrue(again.body().contains("\"alreadyApplied\":true"), again.body());
    }

    private static HttpResponse<String> uploadTo(String node, byte[] zip) throws Exception {
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(node + "/api/v1/license-files/upload"))
                                .header("Authorization", admin(node).authorization())
                                .header("Content-Type", "application/zip")
                                .header("Accept", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofByteArray(zip))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
    }

    @Test
    @Order(3)
    void theClusterSyncsOncePerInterval() throws Exception {
        awaitValidations(1, Duration.ofSeconds(30)); // both nodes' start-up syncs are behind us
        proxy.forget();
        Thread.sleep(SYNC_INTERVAL.multipliedBy(3).toMillis());
        int calls = proxy.count(VALIDATION);
        assertTrue(calls >= 2 && calls <= 4, calls + " validation calls in three intervals, from two nodes");
    }

    /**
     * A node killed while its sync waits for the publisher leaves the hosted licenses as they were
     * (its transaction never commits; PostgreSQL drops its lock with its connection), and the other
     * node's next sync does the work: here, removing a license the publisher revoked meanwhile.
     * The leases survive the node too.
     */
    /**
     * Hardware keys across the pair, row by row of the seed's table: each node reads its own port
     * (UsbPorts) and reports what it holds; the status is the same whichever node is asked, and
     * "Synchronize" on the node without the key installs the license of the key in the other.
     */
    @Test
    @Order(4)
    void hardwareKeysFollowTheSeedsTableAcrossBothNodes() throws Exception {
        for (int port : new int[] {10490, 10590}) {
            OnPrem.trustPublisherKeys(port);
            String node = port == 10490 ? "cluster-1" : "cluster-2";
            ServerSettings.set(port, "licentia.hardware-key.pkcs11-library", UsbPorts.MODULE);
            ServerSettings.set(port, "licentia.hardware-key.pkcs11-environment", PORTS.environmentOf(node));
            ServerSettings.set(port, "licentia.hardware-key.scan-interval", "PT2S");
        }
        keyA = preloaded("pair-a");
        UsbPorts.Key b = preloaded("pair-b");
        UsbPorts.Key c = preloaded("pair-c");
        UsbPorts.Key d = preloaded("pair-d");

        assertEquals("REMOVED", keyStatus().getString("status"));
        PORTS.plug(keyA, "cluster-1");
        JsonObject normal = keyStatus();
        assertEquals("NORMAL", normal.getString("status"), normal.toString());
        Api.Reply sync = admin(NODE_2).post("/api/v1/hardware-keys/sync", null);
        assertEquals(200, sync.status(), "Synchronize on the node without the key: " + sync.body());
        String fromKey = sync.json().getJsonArray("added").getString(0);
        assertEquals("hardware-key", hostedSource(NODE_1, fromKey), "installed for the instance, on both nodes");

        PORTS.plug(b, "cluster-2");
        JsonObject abnormal = keyStatus();
        assertEquals("ABNORMAL", abnormal.getString("status"), "one key in each node: " + abnormal);
        assertTrue(abnormal.getBoolean("usable") && !abnormal.containsKey("bufferEndsAt"), "use is not affected");

        PORTS.plug(c, "cluster-2");
        assertEquals("ABNORMAL", keyStatus().getString("status"), "one key in one node, two in the other");

        PORTS.unplug(b);
        PORTS.unplug(c);
        PORTS.plug(b, "cluster-1");
        JsonObject fault = keyStatus();
        assertEquals("FAULT", fault.getString("status"), "two keys in one node, none in the other: " + fault);
        assertTrue(fault.getBoolean("usable"), "the buffer license covers it");
        assertTrue(fault.containsKey("bufferEndsAt"));

        PORTS.plug(c, "cluster-2");
        PORTS.plug(d, "cluster-2");
        assertEquals("FAULT", keyStatus().getString("status"), "two keys in each node");

        PORTS.unplug(b);
        PORTS.unplug(c);
        PORTS.unplug(d);
        JsonObject back = keyStatus();
        assertEquals("NORMAL", back.getString("status"));
        assertTrue(!back.containsKey("bufferEndsAt"), "the buffer stops once the key is as it should be");
        List<String> perNode = back.getJsonArray("nodes").getValuesAs(JsonObject.class).stream()
                .map(n -> n.getString("node") + "=" + n.getString("status"))
                .toList();
        assertEquals(List.of("cluster-1=NORMAL", "cluster-2=REMOVED"), perNode);
    }

    private static UsbPorts.Key preloaded(String label) throws Exception {
        UsbPorts.Key key = PORTS.newToken(label);
        CliIT.Run run = PORTS.preloadWithCli(key, customer.license(1));
        assertEquals(0, run.exit(), run.out() + run.err());
        return key;
    }

    /**
     * Each node reads its own port when asked and takes the other's last report: node 1, node 2,
     * then node 1 again, so that both answer from both nodes' fresh reports, and must agree.
     */
    private static JsonObject keyStatus() {
        String[] order = {NODE_1, NODE_2, NODE_1};
        JsonObject[] answers = new JsonObject[order.length];
        for (int i = 0; i < order.length; i++) {
            Api.Reply reply = admin(order[i]).get("/api/v1/hardware-keys/status");
            assertEquals(200, reply.status(), reply.body());
            answers[i] = reply.json();
        }
        assertEquals(answers[1].getString("status"), answers[2].getString("status"), "the same on both nodes");
        return answers[2];
    }

    private static String hostedSource(String node, String number) {
        return admin(node)
                .get("/api/v1/hosted-licenses")
                .json()
                .getJsonArray("licenses")
                .getValuesAs(JsonObject.class)
                .stream()
                .filter(l -> number.equals(l.getString("number")))
                .map(l -> l.getString("source"))
                .findFirst()
                .orElse("not hosted");
    }

    @Test
    @Order(5)
    void aNodeKilledInTheMiddleOfASyncLeavesTheLicensesAndTheOtherNodeCompletesIt() throws Exception {
        String revoked = customer.license(2);
        OwnInstance.host(NODE_2, customer, manager, revoked);
        String survivor = leases(NODE_1, license).get(0).getString("id");

        // Right after a sync, no interval sync is due for a while: the one held is node 1's own.
        proxy.forget();
        awaitValidations(1, Duration.ofSeconds(30));
        proxy.breakWith(PublisherProxy.Mode.HOLD, VALIDATION);
        CompletableFuture<Api.Reply> manual =
                CompletableFuture.supplyAsync(() -> admin(NODE_1).post("/api/v1/sync", null));
        for (int i = 0; i < 100 && proxy.holding() == 0; i++) {
            Thread.sleep(50);
        }
        assertEquals(1, proxy.holding(), "node 1's sync waits for the publisher");
        assertEquals(
                200,
                Api.admin()
                        .post("/api/v1/licenses/" + revoked + "/revoke", "{}")
                        .status());
        killNode("cluster-1");
        proxy.heal();
        assertTrue(manual.handle((reply, failure) -> failure != null || reply.status() != 200)
                .get());

        assertTrue(hosted(NODE_2).contains(revoked), "the killed sync changed nothing");
        assertEquals(19, leases(NODE_2, license).size(), "losing a node loses no lease");
        for (int i = 0; i < 150 && hosted(NODE_2).contains(revoked); i++) {
            Thread.sleep(200);
        }
        assertFalse(hosted(NODE_2).contains(revoked), "node 2's next sync removed the revoked license");
        JsonObject last = admin(NODE_2).get("/api/v1/sync").json();
        assertEquals("COMPLETED", last.getString("outcome"), last.toString());

        assertEquals(
                200,
                Api.bearer(NODE_2, token)
                        .post("/api/v1/seats/" + survivor + "/heartbeat", null)
                        .status());
        assertEquals(201, reserve(NODE_2, token, license, "after-the-loss").status());
        assertEquals(
                "NO_SEAT_AVAILABLE",
                reserve(NODE_2, token, license, "one-too-many").code(),
                "still 20 seats, not more");

        // the killed node's hardware key stops counting once its reports stop (three scan intervals)
        JsonObject silent = null;
        for (int i = 0; i < 100; i++) {
            silent = admin(NODE_2).get("/api/v1/hardware-keys/status").json();
            boolean node1Live = silent.getJsonArray("nodes").getValuesAs(JsonObject.class).stream()
                    .anyMatch(n -> n.getString("node").equals("cluster-1") && n.getBoolean("live"));
            if (!node1Live) {
                break;
            }
            Thread.sleep(300);
        }
        assertEquals("REMOVED", silent.getString("status"), "a dead node's key does not count: " + silent);
        PORTS.unplug(keyA);
        controller.stop("cluster-2");
    }

    /**
     * Both nodes deploy Licentia at the same moment on their new, empty schema: both run the
     * migrations at start-up, and Flyway's lock lets one of them migrate while the other waits.
     */
    static void deployTogether(int... managementPorts) throws Exception {
        CyclicBarrier together = new CyclicBarrier(managementPorts.length);
        ExecutorService deployers = Executors.newFixedThreadPool(managementPorts.length);
        try {
            List<Future<ModelNode>> outcomes = new ArrayList<>();
            for (int port : managementPorts) {
                outcomes.add(deployers.submit(() -> {
                    try (ModelControllerClient management = ModelControllerClient.Factory.create("localhost", port)) {
                        ModelNode add = new ModelNode();
                        add.get("operation").set("add");
                        add.get("address").add("deployment", "licentia.ear");
                        add.get("content")
                                .add()
                                .get("url")
                                .set(Path.of(System.getProperty("licentia.it.ear"))
                                        .toUri()
                                        .toString());
                        add.get("enabled").set(true);
                        together.await();
                        return management.execute(add);
                    }
                }));
            }
            for (Future<ModelNode> outcome : outcomes) {
                assertEquals(
                        "success",
                        outcome.get().get("outcome").asString(),
                        outcome.get().toString());
            }
        } finally {
            deployers.shutdownNow();
        }
    }

    /** Each migration ran once, and both nodes are ready on the schema it made. */
    private static void assertMigratedOnce() throws Exception {
        try (Connection db =
                        DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/test", "postgres", "postgres");
                Statement query = db.createStatement();
                ResultSet history = query.executeQuery("SELECT version, count(*), bool_and(success) FROM "
                        + CLUSTER_SCHEMA + ".flyway_schema_history GROUP BY version ORDER BY version")) {
            int versions = 0;
            while (history.next()) {
                versions++;
                assertEquals(1, history.getInt(2), "version " + history.getString(1) + " migrated once");
                assertTrue(history.getBoolean(3), "version " + history.getString(1) + " succeeded");
            }
            assertTrue(versions >= 3, versions + " versions");
        }
        for (int port : new int[] {10490, 10590}) {
            HttpResponse<String> ready = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/health/ready"))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            assertEquals(200, ready.statusCode(), ready.body());
        }
    }

    /**
     * Kills the node's JVM at once (SIGKILL), as a power failure would: Arquillian's kill stops
     * WildFly gracefully, which waits for the requests in flight to finish first.
     */
    private void killNode(String node) throws Exception {
        ProcessHandle jvm = ProcessHandle.allProcesses()
                .filter(p -> p.info()
                        .arguments()
                        .map(args -> List.of(args).contains("-Djboss.node.name=" + node))
                        .orElse(false))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no JVM of " + node));
        jvm.destroyForcibly();
        jvm.onExit().get(30, java.util.concurrent.TimeUnit.SECONDS);
        try {
            controller.kill(node);
        } catch (RuntimeException alreadyGone) {
            // Arquillian only learns that the process is gone
        }
    }

    private static void awaitValidations(int calls, Duration within) throws InterruptedException {
        long end = System.nanoTime() + within.toNanos();
        while (proxy.count(VALIDATION) < calls && System.nanoTime() < end) {
            Thread.sleep(100);
        }
        assertTrue(proxy.count(VALIDATION) >= calls, "a sync reached the publisher");
        Thread.sleep(500); // and committed
    }

    private static List<String> hosted(String node) {
        return OwnInstance.hostedNumbers(admin(node));
    }

    private static Api.Reply reserve(String node, String token, String license, String client) {
        return Api.bearer(node, token)
                .post("/api/v1/seats", "{\"license\":\"" + license + "\",\"client\":\"" + client + "\"}");
    }
}
