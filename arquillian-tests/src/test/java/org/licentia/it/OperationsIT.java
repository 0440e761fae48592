package org.licentia.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** What an operator relies on: readiness, the OpenAPI description, the published keys. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class OperationsIT {

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.licentiaEar();
    }

    private static HttpResponse<String> get(String url) throws Exception {
        return HttpClient.newHttpClient()
                .send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void readyOnceTheEarIsDeployedAndItsDatabaseAnswers() throws Exception {
        HttpResponse<String> ready = get("http://localhost:10190/health/ready");
        assertEquals(200, ready.statusCode(), ready.body());
        assertTrue(ready.body().contains("\"status\":\"UP\""), ready.body());
        assertTrue(ready.body().contains("licentia.ear"), ready.body());
        assertTrue(
                ready.body().contains("\"name\":\"licentia-database\",\"status\":\"UP\""),
                "the database check is part of readiness: " + ready.body());
    }

    @Test
    void openApiDescribesTheRestApi() throws Exception {
        HttpResponse<String> openapi = get(Api.BASE + "/openapi");
        assertEquals(200, openapi.statusCode());
        assertTrue(openapi.body().contains("/api/v1/licenses/{number}"), openapi.body());
    }

    @Test
    void aboutAndTheHomePageSayWhatThisServerIs() throws Exception {
        Api.Reply about = Api.anonymous().get("/api/v1/about");
        assertEquals(200, about.status(), about.body());
        assertEquals("Licentia", about.json().getString("product"));
        assertEquals("both", about.json().getString("role"), "the test server is its own instance's publisher");
        assertTrue(about.json().getBoolean("schemaReady"), about.body());
        String schemaVersion = about.json().getString("schemaVersion");
        assertTrue(schemaVersion.matches("[1-9][0-9]*"), schemaVersion);
        assertTrue(
                get("http://localhost:10190/health/ready")
                        .body()
                        .contains("\"schemaVersion\":\"" + schemaVersion + "\""),
                "readiness shows the same schema version");

        HttpResponse<String> home = get(Api.BASE + "/");
        assertEquals(200, home.statusCode(), "the root answers with a page, not 403");
        assertTrue(home.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
        assertTrue(home.body().contains("database schema version " + schemaVersion), home.body());
        assertTrue(home.body().contains("Version " + about.json().getString("version")), home.body());
        assertTrue(
                home.body().contains("href=\"/self-help\"") && home.body().contains("href=\"/openapi\""), home.body());
    }

    /** Seat figures at :10190/metrics (Prometheus text) while seats are held, and the activation counter. */
    @Test
    void metricsShowSeatsInUseWhileTheyAreHeld() throws Exception {
        Customer customer = Customer.create("Metrics");
        String manager = customer.user("manager", "license-manager");
        String license = OwnInstance.host(customer, manager, 4);
        Api client = Api.bearer(OwnInstance.clientToken("metrics-" + Api.uniqueNumber()));
        for (String who : new String[] {"ann@ws-1/1", "bob@ws-2/2"}) {
            Api.Reply seat =
                    client.post("/api/v1/seats", "{\"license\":\"" + license + "\",\"client\":\"" + who + "\"}");
            assertEquals(201, seat.status(), seat.body());
        }
        assertEquals(200, Api.admin().post("/api/v1/sync", null).status());
        String series = "{WF_DEPLOYMENT=\"licentia.ear\",license=\"" + license + "\"}";
        String metrics = awaitMetric("licentia_seats_in_use" + series + " 2.0");
        assertTrue(metrics.contains("licentia_seats_granted" + series + " 4.0"), metrics);
        assertTrue(metrics.contains("licentia_seats_in_use_all{WF_DEPLOYMENT=\"licentia.ear\"}"), metrics);
        assertTrue(metrics.contains("licentia_seat_reservations_total" + series + " 2.0"), metrics);
        assertTrue(metrics.contains("# TYPE licentia_activations_total counter"), metrics);
        assertTrue(
                metrics.contains("licentia_sync_last_outcome{WF_DEPLOYMENT=\"licentia.ear\",outcome=\"COMPLETED\"}"),
                metrics);
    }

    /** The seat gauges follow the hosted licenses at each sweep (every 2 s in the tests). */
    private static String awaitMetric(String line) throws Exception {
        String metrics = "";
        for (int i = 0; i < 50 && !metrics.contains(line); i++) {
            Thread.sleep(200);
            HttpResponse<String> scrape = get("http://localhost:10190/metrics");
            assertEquals(200, scrape.statusCode());
            metrics = scrape.body();
        }
        assertTrue(
                metrics.contains(line),
                line + " in "
                        + metrics.lines().filter(l -> l.startsWith("licentia")).toList());
        return metrics;
    }

    /** The management user the provisioning made (as the quick start does) signs in to jboss-cli; a wrong password does not. */
    @Test
    void theManagementUserSignsInToTheConsoleAndJbossCli() throws Exception {
        HttpResponse<String> console = get("http://localhost:10190/console/index.html");
        assertEquals(200, console.statusCode(), "the console is there to open");
        String user = System.getProperty("licentia.it.managementUser");
        String password = System.getProperty("licentia.it.managementPassword");
        JbossCli signedIn = jbossCli(user, password);
        assertEquals(0, signedIn.exit(), signedIn.output());
        assertTrue(signedIn.output().contains("running"), signedIn.output());
        JbossCli refused = jbossCli(user, password + "-wrong");
        assertTrue(refused.exit() != 0 && !refused.output().contains("running"), refused.output());
    }

    private record JbossCli(int exit, String output) {}

    private static JbossCli jbossCli(String user, String password) throws Exception {
        Path cli = Path.of(System.getProperty("licentia.it.jbossHome"), "bin", "jboss-cli.sh");
        Process process = new ProcessBuilder(
                        "bash",
                        cli.toString(),
                        "--connect",
                        "--controller=localhost:10190",
                        "--no-local-auth",
                        "--user=" + user,
                        "--password=" + password,
                        "--command=:read-attribute(name=server-state)")
                .redirectErrorStream(true)
                .start();
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        if (!process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
        return new JbossCli(process.exitValue(), output);
    }

    @Test
    void publicKeysAreListed() {
        var keys = Api.admin().get("/api/v1/keys").json().getJsonArray("keys");
        assertTrue(keys.size() >= 1);
        assertEquals("Ed25519", keys.getJsonObject(0).getString("algorithm"));
        assertEquals(44, keys.getJsonObject(0).getString("publicKey").length(), "32 raw bytes, Base64");
    }
}
