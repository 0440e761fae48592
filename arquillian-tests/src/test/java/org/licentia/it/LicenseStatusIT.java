package org.licentia.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.licentia.client.document.DocumentSignature;
import org.licentia.client.licensefile.RequestCode;

/**
 * License status, the seed's alerts, their webhook, and the licensing record, on the on-prem
 * instance (8480) with licenses registered online from the publisher under test (8280).
 *
 * <p>No clock is touched. The publisher reads license dates in UTC-12 and the instance in UTC+14
 * ({@code licentia.time-zone}), so the instance's day is always one or two days after the
 * publisher's, as for a vendor in the Americas and a customer in the Pacific: a license that ends
 * on the publisher's today is still valid there, and has expired on the instance. Which of the two
 * days it is changes nothing below: every date is set relative to the publisher's day.
 */
class LicenseStatusIT extends WithOnPremInstance {

    private static final int PUBLISHER_MANAGEMENT = 10190;
    private static final int ON_PREM_MANAGEMENT = 10390;
    private static final ZoneId PUBLISHER_ZONE = ZoneId.of("Etc/GMT+12");
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static PublisherProxy proxy;
    private static WebhookReceiver receiver;
    private static Customer customer;
    private static String manager;

    @BeforeAll
    static void openProxyAndReceiver() throws Exception {
        proxy = PublisherProxy.to(Api.BASE);
        receiver = WebhookReceiver.start();
    }

    @AfterAll
    static void closeAll() {
        proxy.close();
        receiver.close();
        ServerSettings.set(PUBLISHER_MANAGEMENT, "licentia.time-zone", null);
        for (String setting :
                new String[] {"licentia.time-zone", "licentia.alerts.webhook-url", "licentia.alerts.webhook-retry-delay"
                }) {
            ServerSettings.set(ON_PREM_MANAGEMENT, setting, null);
        }
    }

    /** Each test makes its own licenses; the instance is cleared and the customer made once, before the first. */
    @BeforeEach
    void instanceAheadOfItsPublisher() {
        ServerSettings.set(PUBLISHER_MANAGEMENT, "licentia.time-zone", PUBLISHER_ZONE.getId());
        ServerSettings.set(ON_PREM_MANAGEMENT, "licentia.time-zone", "Etc/GMT-14");
        if (customer == null) {
            OnPrem.clear();
            ServerSettings.set(ON_PREM_MANAGEMENT, "licentia.alerts.webhook-url", receiver.url());
            ServerSettings.set(ON_PREM_MANAGEMENT, "licentia.alerts.webhook-retry-delay", "PT1S");
            customer = Customer.create("Status");
            manager = customer.user("manager", "license-manager");
        }
    }

    private static LocalDate publisherToday() {
        return LocalDate.now(PUBLISHER_ZONE);
    }

    @Test
    void theSeedsAlertsShowOverRestSoapCliReadinessMetricsAndTheWebhook() throws Exception {
        LocalDate day = publisherToday();
        String soon =
                customer.license(null, null, 5, "seats", 5, day.plusDays(10).toString(), null);
        String supportEnding = customer.license(
                null, null, 5, "seats", 5, "2027-12-31", day.plusDays(20).toString());
        String fine = customer.license(null, null, 5, "seats", 5, "2027-12-31", "2027-12-31");
        register(soon, supportEnding, fine);

        JsonObject status = OnPrem.ADMIN.get("/api/v1/status").json();
        assertEquals("VALID", status.getJsonObject("summary").getString("status"));
        JsonObject soonAlert = alertOf(status, "LICENSE_TO_EXPIRE", soon);
        assertEquals("License to Expire", soonAlert.getString("title"));
        assertEquals(day.plusDays(10).toString(), soonAlert.getString("date"));
        assertTrue(soonAlert.getString("reason").contains("expires on " + day.plusDays(10)), soonAlert.toString());
        JsonObject supportAlert = alertOf(status, "LICENSE_TO_EXPIRE", supportEnding);
        assertTrue(supportAlert.getString("reason").contains("after-sales support"), supportAlert.toString());
        assertTrue(alertsOf(status, fine).isEmpty(), status.toString());
        JsonObject soonLicense = licenseOf(status, soon);
        assertEquals("VALID", soonLicense.getString("status"));
        long left = soonLicense.getJsonNumber("daysLeft").longValue();
        assertTrue(left == 8 || left == 9, "ten days at the publisher are eight or nine on the instance: " + left);

        JsonObject someoneElse = Api.as(OnPrem.BASE, "example.user1@company.com", "1111111111")
                .get("/api/v1/status")
                .json();
        assertTrue(
                alertsOf(someoneElse, soon).isEmpty() && !someoneElse.toString().contains(soon),
                "a user of another account sees nothing of these licenses: " + someoneElse);

        String soap = soap("getLicenseStatus", "<l:getLicenseStatus/>", OnPrem.ADMIN.authorization());
        assertTrue(
                soap.contains("<kind>LICENSE_TO_EXPIRE</kind>") && soap.contains("<license>" + soon + "</license>"),
                soap);

        CliIT.Run cli = CliIT.licentia("status", "--url", OnPrem.BASE, "-e", Api.ADMIN, "-p", Api.ADMIN_PASSWORD);
        assertEquals(9, cli.exit(), cli.out() + cli.err());
        List<String> lines = cli.out().lines().toList();
        assertTrue(lines.get(0).startsWith("!! License to Expire: "), cli.out());
        assertTrue(cli.out().contains(soon) && cli.out().contains(supportEnding), cli.out());

        WebhookReceiver.Delivery started = receiver.await(d -> isAbout(d, "alert.started", soon), WAIT);
        assertSignedByTheInstance(started);
        receiver.await(d -> isAbout(d, "alert.started", supportEnding), WAIT);

        String ready = awaitText("http://localhost:10390/health/ready", "LICENSE_TO_EXPIRE " + soon);
        assertTrue(ready.contains("\"status\":\"UP\""), "an alert never makes the server unready: " + ready);
        String metrics = awaitText("http://localhost:10390/metrics", "license=\"" + soon + "\"");
        assertTrue(metrics.contains("licentia_license_days_left{"), metrics);
        assertTrue(
                metrics.lines()
                        .anyMatch(
                                l -> l.startsWith("licentia_license_quota{") && l.contains(soon) && l.endsWith(" 5.0")),
                metrics);
        assertTrue(metrics.contains("licentia_alerts_active{"), metrics);
    }

    @Test
    void anExpiredLicenseEndsItsLeasesAtTheNextHeartbeatAndIsRecorded() throws Exception {
        LocalDate day = publisherToday();
        String ending =
                customer.license(null, null, 3, "seats", 3, day.plusDays(40).toString(), null);
        String valid = customer.license(null, null, 1, "seats", 1, "2027-12-31", null);
        register(ending, valid);
        String token = OnPrem.ADMIN
                .post("/api/v1/client-tokens", "{\"name\":\"status-" + Api.uniqueNumber() + "\"}")
                .json()
                .getString("token");
        Api client = Api.bearer(OnPrem.BASE, token);
        Api.Reply seat = client.post("/api/v1/seats", "{\"license\":\"" + ending + "\",\"client\":\"ws-1\"}");
        assertEquals(201, seat.status(), seat.body());
        String lease = seat.json().getJsonObject("lease").getString("id");

        // the vendor shortens the term to its own today; the instance, a day ahead, learns it at the sync
        Api.Reply shortened = Api.admin().patch("/api/v1/licenses/" + ending, "{\"expires\":\"" + day + "\"}");
        assertEquals(200, shortened.status(), shortened.body());
        assertEquals(200, OnPrem.ADMIN.post("/api/v1/sync", "{}").status());

        Api.Reply heartbeat = client.post("/api/v1/seats/" + lease + "/heartbeat", "{}");
        assertEquals(410, heartbeat.status(), heartbeat.body());
        assertEquals("LEASE_ENDED", heartbeat.code());
        assertEquals(
                "license-expired", heartbeat.json().getJsonObject("details").getString("reason"));
        Api.Reply again = client.post("/api/v1/seats", "{\"license\":\"" + ending + "\",\"client\":\"ws-2\"}");
        assertEquals(409, again.status(), again.body());
        assertEquals("LICENSE_EXPIRED", again.code());

        JsonObject status = OnPrem.ADMIN.get("/api/v1/status").json();
        assertEquals("EXPIRED", licenseOf(status, ending).getString("status"));
        assertEquals(
                "License Expired", alertOf(status, "LICENSE_EXPIRED", ending).getString("title"));
        assertEquals("VALID", status.getJsonObject("summary").getString("status"), "other licenses are valid");
        receiver.await(d -> isAbout(d, "alert.started", ending) && d.body().contains("LICENSE_EXPIRED"), WAIT);
        awaitRecord(ending, "EXPIRE");

        // the next sync removes it, as seed 000 says; the alert ends, and the receiver hears it once
        assertEquals(200, OnPrem.ADMIN.post("/api/v1/sync", "{}").status());
        assertFalse(OnPrem.hosted().containsKey(ending));
        receiver.await(d -> isAbout(d, "alert.ended", ending), WAIT);
        List<String> kinds = records(ending).stream()
                .map(r -> r.getString("managementType") + "/" + r.getString("method") + "/" + r.getString("status"))
                .toList();
        assertEquals(
                List.of(
                        "REMOVE/ONLINE/EXPIRED",
                        "EXPIRE/ONLINE/EXPIRED",
                        "UPDATE/ONLINE/EXPIRED",
                        "INSTALL/ONLINE/VALID"),
                kinds);
        long startedOnce = receiver.deliveries().stream()
                .filter(d -> d.answered() / 100 == 2 && isAbout(d, "alert.started", ending))
                .filter(d -> d.body().contains("LICENSE_EXPIRED"))
                .count();
        assertEquals(1, startedOnce, "one notification per alert start, not one per check");
    }

    @Test
    void aWebhookThatIsDownGetsTheNotificationLaterWithBackoffAndOnlyOnce() throws Exception {
        LocalDate day = publisherToday();
        String shortOne =
                customer.license(null, null, 1, "seats", 1, day.plusDays(5).toString(), null);
        receiver.failNext(2);
        register(shortOne);

        WebhookReceiver.Delivery taken = receiver.await(d -> isAbout(d, "alert.started", shortOne), WAIT);
        List<WebhookReceiver.Delivery> attempts = receiver.deliveries().stream()
                .filter(d -> d.deliveryId().equals(taken.deliveryId()))
                .toList();
        assertEquals(
                List.of(503, 503, 204),
                attempts.stream().map(WebhookReceiver.Delivery::answered).toList());
        Duration first = Duration.between(attempts.get(0).at(), attempts.get(1).at());
        Duration second = Duration.between(attempts.get(1).at(), attempts.get(2).at());
        assertTrue(first.toMillis() >= 900, "waits before retrying: " + first);
        assertTrue(second.toMillis() >= 1_800, "and twice as long the next time: " + second);
        assertTrue(attempts.stream().allMatch(d -> d.body().equals(taken.body())), "the same notification each time");
    }

    @Test
    void theLicensingRecordIsPagedFilteredAndExportedForAuditors() throws Exception {
        String soon = customer.license(null, null, 5, "seats", 5, "2027-12-31", null);
        register(soon);
        JsonObject page = OnPrem.ADMIN
                .get("/api/v1/licensing-records?license=" + soon + "&size=1")
                .json();
        assertEquals(1, page.getJsonArray("records").size());
        assertTrue(page.getJsonNumber("total").longValue() >= 1);
        JsonObject first = page.getJsonArray("records").getJsonObject(0);
        assertEquals(soon, first.getString("license"));
        assertEquals("ONLINE", first.getString("method"));
        assertEquals(customer.account, first.getString("account"));
        assertNotNull(first.getString("issuedAt"));
        Instant recorded = Instant.parse(first.getString("uploadedAt"));
        assertEquals(
                0,
                OnPrem.ADMIN
                        .get("/api/v1/licensing-records?license=" + soon + "&to=" + recorded.minusSeconds(3600))
                        .json()
                        .getJsonNumber("total")
                        .longValue());
        assertEquals(
                0,
                OnPrem.ADMIN
                        .get("/api/v1/licensing-records?license=" + soon + "&method=license-file")
                        .json()
                        .getJsonNumber("total")
                        .longValue());

        HttpResponse<String> csv = HTTP.send(
                HttpRequest.newBuilder(URI.create(OnPrem.BASE + "/api/v1/licensing-records?license=" + soon))
                        .header("Accept", "text/csv")
                        .header("Authorization", OnPrem.ADMIN.authorization())
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, csv.statusCode(), csv.body());
        List<String> rows = csv.body().lines().toList();
        assertEquals(
                "Upload time,Management type,Authorization method,Authorized item,Authorized quota,Status,"
                        + "License issuance time,Expiration time,License,Account,Actor",
                rows.get(0));
        assertTrue(rows.size() >= 2 && rows.get(1).contains("\"" + soon + "\""), csv.body());

        for (String bad : new String[] {
            "license=1234", "method=usb-stick", "from=yesterday", "from=2026-11-02T00:00:00Z&to=2026-11-01T00:00:00Z",
            "size=0", "size=1001", "page=-1", "size=ten"
        }) {
            Api.Reply refused = OnPrem.ADMIN.get("/api/v1/licensing-records?" + bad);
            assertEquals(400, refused.status(), bad + " -> " + refused.body());
        }
        JsonObject otherUser = Api.as(OnPrem.BASE, "example.user1@company.com", "1111111111")
                .get("/api/v1/licensing-records?license=" + soon)
                .json();
        assertEquals(0, otherUser.getJsonNumber("total").longValue(), "another account's users see none of them");
        assertEquals(
                401, Api.anonymous(OnPrem.BASE).get("/api/v1/licensing-records").status());

        String soap = soap(
                "listLicensingRecords",
                "<l:listLicensingRecords><l:license>" + soon
                        + "</l:license><l:size>5</l:size></l:listLicensingRecords>",
                OnPrem.ADMIN.authorization());
        assertTrue(soap.contains("<license>" + soon + "</license>") && soap.contains("<method>ONLINE</method>"), soap);
        String badSoap = soap(
                "listLicensingRecords",
                "<l:listLicensingRecords><l:size>0</l:size></l:listLicensingRecords>",
                OnPrem.ADMIN.authorization());
        assertTrue(badSoap.contains("INVALID_INPUT"), badSoap);

        CliIT.Run cli = CliIT.licentia(
                "records", "--license", soon, "--csv", "--url", OnPrem.BASE, "-e", Api.ADMIN, "-p", Api.ADMIN_PASSWORD);
        assertEquals(0, cli.exit(), cli.err());
        assertTrue(cli.out().startsWith("Upload time,") && cli.out().contains(soon), cli.out());
        CliIT.Run table = CliIT.licentia(
                "records", "--license", soon, "--url", OnPrem.BASE, "-e", Api.ADMIN, "-p", Api.ADMIN_PASSWORD);
        assertEquals(0, table.exit(), table.err());
        assertTrue(table.out().contains("INSTALL") && table.out().contains("ONLINE"), table.out());
        CliIT.Run badMethod = CliIT.licentia(
                "records", "--method", "usb-stick", "--url", OnPrem.BASE, "-e", Api.ADMIN, "-p", Api.ADMIN_PASSWORD);
        assertEquals(1, badMethod.exit(), badMethod.out());
        assertTrue(badMethod.err().contains("method"), badMethod.err());
    }

    /** Registers {@code licenses} next to those the instance hosts already (other tests' among them). */
    private static void register(String... licenses) {
        List<String> current = OnPrem.hostedNumbers();
        List<String> wanted = new java.util.ArrayList<>(current);
        wanted.addAll(List.of(licenses));
        Api.Reply applied = OnPrem.apply(manager, customer.password(manager), wanted, current);
        assertEquals(200, applied.status(), applied.body());
    }

    private static boolean isAbout(WebhookReceiver.Delivery d, String event, String license) {
        return event.equals(d.event()) && d.body().contains("\"license\":\"" + license + "\"");
    }

    /** The signature header verifies with the instance's public key, which its request code carries. */
    private static void assertSignedByTheInstance(WebhookReceiver.Delivery d) {
        RequestCode code = RequestCode.parse(
                OnPrem.ADMIN.get("/api/v1/license-files/request-code").json().getString("code"));
        Matcher signature = Pattern.compile("signature=\"([^\"]+)\"").matcher(d.signature());
        assertTrue(signature.find(), d.signature());
        assertTrue(
                DocumentSignature.verify(
                        d.body().getBytes(StandardCharsets.UTF_8),
                        signature.group(1),
                        Base64.getEncoder().encodeToString(code.publicKey())),
                "the body is signed by the instance: " + d);
        JsonObject body = Json.createReader(new StringReader(d.body())).readObject();
        assertEquals(code.instanceId().toString(), body.getString("instanceId"));
    }

    private static JsonObject alertOf(JsonObject status, String kind, String license) {
        return alertsOf(status, license).stream()
                .filter(a -> kind.equals(a.getString("kind")))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind + " alert for " + license + ": " + status));
    }

    private static List<JsonObject> alertsOf(JsonObject status, String license) {
        return status.getJsonArray("alerts").getValuesAs(JsonObject.class).stream()
                .filter(a -> license.equals(a.getString("license")))
                .toList();
    }

    private static JsonObject licenseOf(JsonObject status, String license) {
        return status.getJsonArray("licenses").getValuesAs(JsonObject.class).stream()
                .filter(l -> license.equals(l.getString("number")))
                .findFirst()
                .orElseThrow();
    }

    private static List<JsonObject> records(String license) {
        return OnPrem.ADMIN
                .get("/api/v1/licensing-records?license=" + license)
                .json()
                .getJsonArray("records")
                .getValuesAs(JsonObject.class);
    }

    private static void awaitRecord(String license, String managementType) throws InterruptedException {
        Instant end = Instant.now().plus(WAIT);
        while (Instant.now().isBefore(end)) {
            if (records(license).stream().anyMatch(r -> managementType.equals(r.getString("managementType")))) {
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("no " + managementType + " record of " + license + ": " + records(license));
    }

    private static String awaitText(String url, String wanted) throws Exception {
        String text = "";
        Instant end = Instant.now().plus(WAIT);
        while (Instant.now().isBefore(end) && !text.contains(wanted)) {
            text = HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString())
                    .body();
            if (!text.contains(wanted)) {
                Thread.sleep(300);
            }
        }
        assertTrue(text.contains(wanted), url + " never showed " + wanted + ": " + text);
        return text;
    }

    private static String soap(String operation, String body, String authorization) throws Exception {
        String envelope = "<soapenv:Envelope xmlns:soapenv=\"http://schemas.xmlsoap.org/soap/envelope/\""
                + " xmlns:l=\"http://licentia.org/licensing/v1\"><soapenv:Body>" + body
                + "</soapenv:Body></soapenv:Envelope>";
        HttpResponse<String> response = HTTP.send(
                HttpRequest.newBuilder(URI.create(OnPrem.BASE + "/soap/RegistrationService"))
                        .header("Content-Type", "text/xml; charset=UTF-8")
                        .header("SOAPAction", "\"http://licentia.org/licensing/v1/" + operation + "\"")
                        .header("Authorization", authorization)
                        .POST(HttpRequest.BodyPublishers.ofString(envelope))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        return response.body();
    }
}
