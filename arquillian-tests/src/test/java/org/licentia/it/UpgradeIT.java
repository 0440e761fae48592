package org.licentia.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.ContainerController;
import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.container.test.api.TargetsContainer;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.licentia.client.activation.ActivationKey;
import org.licentia.client.activation.ComputerId;
import org.licentia.client.activation.ComputerKey;

/**
 * An installation upgrades: a database that Licentia 0.1 made (Hibernate's schema, no migration
 * history; a dump the project keeps in {@code upgrade/}, with data in every table) is taken over by
 * this build on a server of its own (port offset 700), on H2 or PostgreSQL as the failsafe
 * execution says. First with a row that the new schema refuses: the migration fails, the server
 * stays up but not ready with the reason, and the data is as it was. Then, the row corrected, the
 * migration completes and everything 0.1 stored still works: licenses, users, signing key, hosted
 * licenses, client tokens, seats, activations, audit records, usage records and sync.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class UpgradeIT {

    static final String CONTAINER = "upgrade";
    static final String DEPLOYMENT = "upgrade";
    static final String BASE = "http://localhost:8780";
    static final String READY = "http://localhost:10690/health/ready";
    static final String PG_SCHEMA = "licentia_upgrade";

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @ArquillianResource
    ContainerController controller;

    @ArquillianResource
    Deployer deployer;

    @Deployment(name = DEPLOYMENT, managed = false, testable = false)
    @TargetsContainer(CONTAINER)
    static EnterpriseArchive ear() {
        return Deployments.licentiaEar();
    }

    private final boolean postgresql = "postgresql".equals(System.getProperty("licentia.it.db"));
    private final Properties secrets = fixtureSecrets();

    @Test
    void aDatabaseOfLicentia01IsTakenOverWithEverythingInIt() throws Exception {
        loadFixture();
        // max_activations may not be negative from schema version 2 on: the third statement of V2 fails.
        execute("UPDATE license SET max_activations = -1 WHERE license_number = '96023022'");
        long licensesBefore = count("license");

        JsonObject refused = startAndReadiness();
        try {
            JsonObject check = databaseCheck(refused);
            assertEquals("DOWN", refused.getString("status"), refused.toString());
            assertEquals("DOWN", check.getString("status"), check.toString());
            String error = check.getJsonObject("data").getString("error");
            assertTrue(
                    error.startsWith("the schema migration failed")
                            && error.toLowerCase().contains("ck_license_max_activations"),
                    error);
            JsonObject about = about();
            assertFalse(about.getBoolean("schemaReady"), about.toString());
        } finally {
            stop();
        }
        assertEquals(licensesBefore, count("license"), "no license lost");
        assertEquals(-1, intValue("SELECT max_activations FROM license WHERE license_number = '96023022'"));
        if (postgresql) {
            // DDL is transactional on PostgreSQL: the two constraints before the failing one are gone too.
            assertEquals(
                    0,
                    count("information_schema.table_constraints WHERE constraint_name = 'ck_license_seats'"
                            + " AND constraint_schema = current_schema"));
            execute("UPDATE license SET max_activations = 5 WHERE license_number = '96023022'");
        } else {
            // H2 commits each DDL statement: the two before the failing one stay, and Flyway records the failure,
            // so the server stays not ready until the database is restored from its backup (the README says so).
            assertEquals(
                    1,
                    count("information_schema.table_constraints WHERE constraint_name = 'CK_LICENSE_SEATS'"
                            + " AND constraint_schema = current_schema"));
            JsonObject still = startAndReadiness();
            try {
                assertEquals("DOWN", still.getString("status"), still.toString());
                assertTrue(
                        databaseCheck(still)
                                .getJsonObject("data")
                                .getString("error")
                                .contains("failed migration"),
                        still.toString());
            } finally {
                stop();
            }
            loadFixture();
        }

        // 0.1 left large objects behind whenever it replaced a document; V4 moves and removes only those still referred
        // to.
        List<String> referenced = postgresql ? referencedLargeObjects() : List.of();
        JsonObject ready = startAndReadiness();
        try {
            assertEquals("UP", ready.getString("status"), ready.toString());
            String latest = latestMigration();
            assertEquals(latest, databaseCheck(ready).getJsonObject("data").getString("schemaVersion"));
            JsonObject about = about();
            assertEquals(latest, about.getString("schemaVersion"));
            assertTrue(about.getBoolean("schemaReady"));
            everythingOf01StillWorks();
            if (postgresql) {
                assertEquals(
                        0,
                        count("pg_largeobject_metadata WHERE oid IN (" + String.join(",", referenced) + ")"),
                        "the large objects 0.1's rows referred to are in the rows now, and gone as objects of their own");
            }
        } finally {
            stop();
        }
    }

    private void everythingOf01StillWorks() {
        Api admin = Api.as(BASE, Api.ADMIN, Api.ADMIN_PASSWORD);
        Api.Reply license = admin.get("/api/v1/licenses/11554731");
        assertEquals(200, license.status(), license.body());
        assertEquals(20, license.json().getJsonObject("license").getInt("seats"));
        String keyId = license.json().getJsonObject("signature").getString("keyId");
        assertEquals(
                keyId,
                admin.get("/api/v1/keys")
                        .json()
                        .getJsonArray("keys")
                        .getJsonObject(0)
                        .getString("keyId"),
                "0.1's signing key, unsealed with the same master key, still signs");

        Api owner = Api.as(BASE, "example.user1@company.com", "1111111111");
        assertEquals(200, owner.get("/api/v1/licenses/96023021").status(), "0.1's users sign in with their passwords");

        Api.Reply hosted = admin.get("/api/v1/hosted-licenses");
        assertEquals(200, hosted.status(), hosted.body());
        assertEquals(2, hosted.json().getJsonArray("licenses").size(), hosted.body());

        JsonObject licenseStatus = admin.get("/api/v1/status").json();
        assertEquals(2, licenseStatus.getJsonArray("licenses").size(), "0.1's hosted licenses get a status");
        assertEquals("VALID", licenseStatus.getJsonObject("summary").getString("status"), licenseStatus.toString());
        assertEquals(
                200,
                admin.get("/api/v1/licensing-records").status(),
                "the licensing record (new in V5 and V6) is there, empty or not");

        Api.Reply tokens = admin.get("/api/v1/client-tokens");
        assertTrue(tokens.body().contains("fixture-floor"), tokens.body());
        Api client = Api.bearer(BASE, secrets.getProperty("clientToken"));
        Api.Reply seat = client.post("/api/v1/seats", "{\"license\":\"96023021\",\"client\":\"carol@ws-19/7\"}");
        assertEquals(201, seat.status(), "a 0.1 client token still takes a seat: " + seat.body());
        assertEquals(
                204,
                client.delete("/api/v1/seats/"
                                + seat.json().getJsonObject("lease").getString("id"))
                        .status());

        String activationKey = secrets.getProperty("activationKey");
        String computerId = secrets.getProperty("computerId");
        Api.Reply status = Api.anonymous(BASE)
                .post(
                        "/api/v1/activations/status",
                        "{\"activationKey\":\"" + activationKey + "\",\"computerId\":\"" + computerId + "\"}");
        assertEquals("ACTIVE", status.json().getString("status"), status.body());
        List<byte[]> publisherKeys = Api.anonymous(BASE)
                .get("/api/v1/activations/keys")
                .json()
                .getJsonArray("keys")
                .getValuesAs(JsonObject.class)
                .stream()
                .map(k -> java.util.Base64.getDecoder().decode(k.getString("publicKey")))
                .toList();
        ComputerKey.parse(secrets.getProperty("computerKey"))
                .verify(ActivationKey.parse(activationKey), ComputerId.parse(computerId), publisherKeys);

        Api.Reply usage = admin.get("/api/v1/seat-usage?license=96023021");
        assertFalse(usage.json().getJsonArray("usage").isEmpty(), "0.1's usage records: " + usage.body());
        Api.Reply audit = admin.get("/api/v1/audit?itemType=license&itemId=96023021");
        assertEquals(200, audit.status(), audit.body());
        assertFalse(audit.json().getJsonArray("items").isEmpty(), "0.1's audit records: " + audit.body());

        Api.Reply sync = admin.post("/api/v1/sync", null);
        assertEquals(200, sync.status(), sync.body());
        assertEquals("COMPLETED", sync.json().getString("outcome"), sync.body());
        assertEquals(2, sync.json().getJsonArray("licenses").size(), sync.body());

        Api.Reply created = admin.post(
                "/api/v1/licenses",
                "{\"number\":\"" + Api.uniqueNumber() + "\",\"account\":\"Example User\",\"seats\":4}");
        assertEquals(201, created.status(), "new rows after 0.1's, with the sequences 0.1 left: " + created.body());

        // 0.1's hosted licenses go back to the publisher (itself) by files: tables and column of V7
        Api.Reply request = admin.post("/api/v1/license-return/request", "{}");
        assertEquals(200, request.status(), request.body());
        assertEquals(2, request.json().getJsonArray("licenses").size(), request.body());
        Api.Reply response = admin.post("/api/v1/returns", request.json().getString("file"));
        assertEquals(200, response.status(), response.body());
        Api.Reply returned = admin.post("/api/v1/license-return/confirm", response.body());
        assertEquals("RETURNED", returned.json().getString("state"), returned.body());
        assertEquals(
                0,
                admin.get("/api/v1/hosted-licenses")
                        .json()
                        .getJsonArray("licenses")
                        .size());
        JsonObject freed = admin.get("/api/v1/licenses/96023021").json().getJsonObject("license");
        assertTrue(
                !freed.containsKey("registeredInstance") || freed.isNull("registeredInstance"),
                "freed at the publisher: " + freed);
    }

    private JsonObject startAndReadiness() throws IOException, InterruptedException {
        controller.start(CONTAINER);
        deployer.deploy(DEPLOYMENT);
        HttpResponse<String> ready =
                HTTP.send(HttpRequest.newBuilder(URI.create(READY)).build(), HttpResponse.BodyHandlers.ofString());
        return Json.createReader(new StringReader(ready.body())).readObject();
    }

    private void stop() {
        try {
            deployer.undeploy(DEPLOYMENT);
        } finally {
            controller.stop(CONTAINER);
        }
    }

    /** This build's schema version: the highest of its migrations. */
    private static String latestMigration() throws IOException {
        try (var files = Files.walk(Path.of("..", "ejb", "src", "main", "resources", "db", "migration"))) {
            return String.valueOf(files.map(f -> f.getFileName().toString())
                    .filter(n -> n.matches("V\\d+__.*\\.sql"))
                    .mapToInt(n -> Integer.parseInt(n.substring(1, n.indexOf("__"))))
                    .max()
                    .orElseThrow());
        }
    }

    private static JsonObject databaseCheck(JsonObject health) {
        return health.getJsonArray("checks").getValuesAs(JsonObject.class).stream()
                .filter(c -> "licentia-database".equals(c.getString("name")))
                .findFirst()
                .orElseThrow(() -> new AssertionError(health));
    }

    private static JsonObject about() {
        Api.Reply about = Api.anonymous(BASE).get("/api/v1/about");
        assertEquals(200, about.status(), about.body());
        return about.json();
    }

    // --- the fixture database ------------------------------------------------------------------

    private Properties fixtureSecrets() {
        Properties properties = new Properties();
        try (InputStream in = UpgradeIT.class.getResourceAsStream(
                "/upgrade/" + (postgresql ? "postgresql" : "h2") + "-0.1.0.properties")) {
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }

    /** Puts 0.1's database where the upgrade server finds it, replacing whatever an earlier run left. */
    private void loadFixture() throws IOException, SQLException {
        if (postgresql) {
            String dump = resource("/upgrade/postgresql-0.1.0.sql");
            try (Connection c = connect();
                    Statement s = c.createStatement()) {
                s.execute("DROP SCHEMA IF EXISTS " + PG_SCHEMA + " CASCADE");
                // The dump restores its large objects with their OIDs: an earlier run's copies go first.
                for (String oid : largeObjects()) {
                    s.execute("SELECT lo_unlink(oid) FROM pg_largeobject_metadata WHERE oid = " + oid);
                }
                s.execute(dump);
            }
        } else {
            Path data = Path.of(System.getProperty("licentia.it.upgradeHome"), "standalone", "data", "licentia");
            if (Files.exists(data)) {
                try (var files = Files.walk(data)) {
                    files.sorted(java.util.Comparator.reverseOrder())
                            .forEach(p -> p.toFile().delete());
                }
            }
            Files.createDirectories(data);
            Path script = Files.createTempFile("licentia-upgrade", ".sql");
            Files.writeString(script, resource("/upgrade/h2-0.1.0.sql"));
            try (Connection c = connect();
                    Statement s = c.createStatement()) {
                s.execute("RUNSCRIPT FROM '" + script + "'");
            } finally {
                Files.delete(script);
            }
        }
    }

    /** The large objects the 0.1 rows refer to (not those 0.1 left behind). */
    private List<String> referencedLargeObjects() throws SQLException {
        List<String> oids = new ArrayList<>();
        try (Connection c = connect();
                Statement s = c.createStatement();
                ResultSet r = s.executeQuery(
                        "SELECT document FROM hosted_license UNION SELECT sealed_private_key FROM signing_key"
                                + " UNION SELECT sealed_private_key FROM local_instance UNION SELECT state_before FROM audit_record"
                                + " UNION SELECT state_after FROM audit_record UNION SELECT licenses FROM sync_report")) {
            while (r.next()) {
                if (r.getString(1) != null) {
                    oids.add(r.getString(1));
                }
            }
        }
        assertFalse(oids.isEmpty());
        return oids;
    }

    /** The OIDs of the large objects in 0.1's PostgreSQL dump. */
    private static List<String> largeObjects() throws IOException {
        List<String> oids = new ArrayList<>();
        Matcher m = Pattern.compile("lo_create\\('(\\d+)'\\)").matcher(resource("/upgrade/postgresql-0.1.0.sql"));
        while (m.find()) {
            oids.add(m.group(1));
        }
        return oids;
    }

    private Connection connect() throws SQLException {
        if (postgresql) {
            Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/test", "postgres", "postgres");
            try (Statement s = c.createStatement()) {
                s.execute("SET search_path TO " + PG_SCHEMA);
            } catch (SQLException e) {
                c.close();
                throw e;
            }
            return c;
        }
        Path file =
                Path.of(System.getProperty("licentia.it.upgradeHome"), "standalone", "data", "licentia", "licentia");
        return DriverManager.getConnection("jdbc:h2:file:" + file, "sa", "sa");
    }

    private void execute(String sql) throws SQLException {
        try (Connection c = connect();
                Statement s = c.createStatement()) {
            s.executeUpdate(sql);
        }
    }

    private long count(String tableAndCondition) throws SQLException {
        return intValue("SELECT count(*) FROM " + tableAndCondition);
    }

    private long intValue(String query) throws SQLException {
        try (Connection c = connect();
                Statement s = c.createStatement();
                ResultSet r = s.executeQuery(query)) {
            r.next();
            return r.getLong(1);
        }
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = UpgradeIT.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
