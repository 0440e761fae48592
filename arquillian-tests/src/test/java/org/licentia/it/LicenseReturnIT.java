package org.licentia.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.xml.ws.BindingProvider;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.licentia.ws.licensing.v1.ConfirmLicenseReturn;
import org.licentia.ws.licensing.v1.ConfirmLicenseReturnResponse;
import org.licentia.ws.licensing.v1.LicenseFilePort;
import org.licentia.ws.licensing.v1.LicenseFileService;
import org.licentia.ws.licensing.v1.LicensingFault_Exception;
import org.licentia.ws.licensing.v1.ProcessLicenseReturn;
import org.licentia.ws.licensing.v1.ProcessLicenseReturnResponse;
import org.licentia.ws.licensing.v1.PublisherCredentials;
import org.licentia.ws.licensing.v1.RegistrationPort;
import org.licentia.ws.licensing.v1.RegistrationService;
import org.licentia.ws.licensing.v1.RequestLicenseReturn;
import org.licentia.ws.licensing.v1.RequestLicenseReturnResponse;
import org.licentia.ws.licensing.v1.ReturnLicenses;
import org.licentia.ws.licensing.v1.ReturnLicensesResponse;

/**
 * License returns (seed 003) between two real servers: the on-prem instance (8480) gives all its
 * licenses back to the publisher under test (8280), online (its upstream is {@link PublisherProxy},
 * which fails on demand), through the admin's computer (semi-online), and with files (offline), over
 * REST, SOAP and the CLI as a process. After every fault the licenses are usable in at most one
 * place, and a retry finishes the return.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LicenseReturnIT extends WithOnPremInstance {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final int ON_PREM_MANAGEMENT = 10390;
    private static final int PUBLISHER_MANAGEMENT = 10190;

    private static PublisherProxy proxy;

    /** A response to an earlier return of the instance, for the replay test. */
    private static String earlierResponse;

    @TempDir
    Path dir;

    @BeforeAll
    static void openProxy() {
        proxy = PublisherProxy.to(Api.BASE);
    }

    @AfterAll
    static void closeProxy() {
        proxy.close();
        ServerSettings.set(ON_PREM_MANAGEMENT, "licentia.upstream.public-keys", null);
        ServerSettings.set(PUBLISHER_MANAGEMENT, "licentia.faults", null);
        OnPrem.fault(null);
    }

    /** The instance trusts the publisher's keys from its installation, as an air-gapped one must. */
    @BeforeEach
    void onPremTrustingThePublisher() {
        proxy.heal();
        OnPrem.trustPublisherKeys();
    }

    @AfterEach
    void heal() {
        proxy.heal();
        OnPrem.fault(null);
    }

    @Test
    @Order(1)
    void anOnlineReturnInterruptedAfterThePublisherActedLeavesTheLicensesNowhereAndARetryFinishesIt() {
        // a sync settles a pending return by itself (the third test shows that): OnPrem.running waits
        // for the start-up sync, so that none runs while this test leaves the return pending on purpose
        Customer c = Customer.create("Returning online");
        String manager = c.user("manager", "license-manager");
        String online = c.license(2);
        String fromFile = c.license(3);
        OwnInstance.host(OnPrem.BASE, c, manager, online);
        byte[] file = licenseFile(Api.as(manager, c.password(manager)), fromFile);
        assertEquals(200, upload(file).statusCode());
        String instanceId = Customer.registeredInstance(online);
        assertEquals(instanceId, Customer.registeredInstance(fromFile));
        String token = clientToken();
        Api seats = Api.bearer(OnPrem.BASE, token);
        Api.Reply seat = seats.post("/api/v1/seats", "{\"license\":\"" + online + "\",\"client\":\"returning-1\"}");
        assertEquals(201, seat.status(), seat.body());
        String lease = seat.json().getJsonObject("lease").getString("id");

        Api.Reply stranger = returnOnline(strangerManager(), "stranger-password");
        assertEquals(401, stranger.status(), stranger.body());
        assertTrue(OnPrem.ADMIN.get("/api/v1/license-return").status() == 404 || !isPending(), "nothing held");

        // the request never reaches the publisher, or the publisher fails before it commits: nothing is freed
        for (PublisherProxy.Mode fault : List.of(PublisherProxy.Mode.DROP, PublisherProxy.Mode.ERROR_500)) {
            proxy.breakWith(fault, "/api/v1/returns");
            Api.Reply failed = returnOnline(manager, c.password(manager));
            assertEquals(502, failed.status(), fault + ": " + failed.body());
            assertTrue(failed.json().getString("detail").contains("stays pending"), failed.body());
            assertHeldOnlyByThePublisher(seats, online, instanceId);
        }
        Api.Reply beat = seats.post("/api/v1/seats/" + lease + "/heartbeat", null);
        assertEquals(410, beat.status(), "held seats end with the reason: " + beat.body());
        assertTrue(beat.body().contains("return-pending"), beat.body());
        proxy.heal();
        ServerSettings.set(PUBLISHER_MANAGEMENT, "licentia.faults", "return.process");
        Api.Reply rolledBack = returnOnline(manager, c.password(manager));
        ServerSettings.set(PUBLISHER_MANAGEMENT, "licentia.faults", null);
        assertEquals(502, rolledBack.status(), rolledBack.body());
        assertHeldOnlyByThePublisher(seats, online, instanceId);
        assertEquals(instanceId, Customer.registeredInstance(fromFile));
        assertEquals(
                "RETURN_PENDING",
                OnPrem.ADMIN.post("/api/v1/sync", "{}").json().getString("outcome"),
                "a sync asks the publisher, which has not answered the return: it stays pending");
        assertHeldOnlyByThePublisher(seats, online, instanceId);

        // the publisher frees the licenses, but its answer is garbage, or never reaches the instance
        for (PublisherProxy.Mode fault :
                List.of(PublisherProxy.Mode.GARBAGE_AFTER_FORWARD, PublisherProxy.Mode.HANG_AFTER_FORWARD)) {
            proxy.breakWith(fault, "/api/v1/returns");
            Api.Reply lost = returnOnline(manager, c.password(manager));
            assertEquals(502, lost.status(), fault + ": " + lost.body());
            assertTrue(isPending());
            assertNull(Customer.registeredInstance(online), "freed at the publisher");
            assertNull(Customer.registeredInstance(fromFile));
            Api.Reply refused =
                    seats.post("/api/v1/seats", "{\"license\":\"" + online + "\",\"client\":\"returning-2\"}");
            assertEquals("LICENSE_RETURN_PENDING", refused.code(), "not used here either: " + refused.body());
        }
        JsonObject status = OnPrem.ADMIN.get("/api/v1/status").json();
        assertEquals("RETURN_PENDING", status.getJsonObject("summary").getString("status"), status.toString());
        Api.Reply change = OnPrem.plan(manager, c.password(manager), List.of(online));
        assertEquals(409, change.status(), change.body());
        assertEquals("LICENSE_RETURN_PENDING", change.code());
        Upload fileWhilePending = upload(file);
        assertEquals(409, fileWhilePending.statusCode(), fileWhilePending.body());

        proxy.heal();
        Api.Reply done = returnOnline(manager, c.password(manager));
        assertEquals(200, done.status(), done.body());
        assertEquals("RETURNED", done.json().getString("state"));
        assertTrue(strings(done.json(), "licenses").containsAll(List.of(online, fromFile)), done.body());
        assertTrue(OnPrem.hosted().isEmpty(), "the instance hosts nothing after the return");
        Api.Reply nothing = returnOnline(manager, c.password(manager));
        assertEquals(409, nothing.status(), nothing.body());
        assertEquals("NOTHING_TO_RETURN", nothing.code());
        String requestId = done.json().getString("requestId");
        Api.Reply stored = Api.as(manager, c.password(manager)).get("/api/v1/returns/" + requestId);
        assertEquals(200, stored.status(), stored.body());
        earlierResponse = stored.body();

        // the licenses move to another instance (the publisher's own) and are served there
        OwnInstance.host(c, manager, online);
        String ownToken = Api.admin()
                .post("/api/v1/client-tokens", "{\"name\":\"returned-" + Api.uniqueNumber() + "\"}")
                .json()
                .getString("token");
        Api.Reply there =
                Api.bearer(ownToken).post("/api/v1/seats", "{\"license\":\"" + online + "\",\"client\":\"moved-1\"}");
        assertEquals(201, there.status(), there.body());
        // ... while the old instance cannot bring them back
        Api.Reply again = OnPrem.apply(manager, c.password(manager), List.of(online), List.of());
        assertEquals(409, again.status(), again.body());
        assertEquals("LICENSE_REGISTERED_ELSEWHERE", again.code());
        Upload oldFile = upload(file);
        assertEquals(409, oldFile.statusCode(), oldFile.body());
        assertEquals("LICENSE_FILE_SUPERSEDED", code(oldFile.body()));
        OnPrem.ADMIN.post("/api/v1/sync", "{}");
        assertTrue(OnPrem.hosted().isEmpty(), "a sync revives nothing");

        String records = OnPrem.ADMIN
                .get("/api/v1/licensing-records?license=" + fromFile)
                .body();
        assertTrue(records.contains("RETURN_PENDING") && records.contains("RETURNED"), records);
    }

    @Test
    @Order(2)
    void anOfflineReturnByFilesRefusesForgedMismatchedAndReplayedFilesAndSurvivesAFailedCommit() throws Exception {
        proxy.breakWith(PublisherProxy.Mode.DROP, "");
        Customer c = Customer.create("Returning offline");
        String manager = c.user("manager", "license-manager");
        String number = c.license(4);
        assertEquals(
                200,
                upload(licenseFile(Api.as(manager, c.password(manager)), number))
                        .statusCode());

        Path request = dir.resolve("request.json");
        CliIT.Run made = CliIT.licentia(CliIT.onPremAdmin("return-request", "-o", request.toString(), "-y"));
        assertEquals(0, made.exit(), made.err());
        assertTrue(made.out().contains(number), made.out());
        String requestText = Files.readString(request);
        CliIT.Run remade = CliIT.licentia(CliIT.onPremAdmin("return-request", "-o", request.toString(), "-y"));
        assertEquals(0, remade.exit(), remade.err());
        assertEquals(requestText, Files.readString(request), "the same request until it is answered");

        Path forged = dir.resolve("forged.json");
        Files.writeString(forged, requestText.replace(number, c.license(1)));
        CliIT.Run forgedRun = CliIT.licentia(asManager(
                c,
                manager,
                "return",
                "process",
                "--file",
                forged.toString(),
                "-o",
                dir.resolve("x.json").toString()));
        assertEquals(1, forgedRun.exit(), forgedRun.out());
        assertTrue(forgedRun.err().contains("not signed by the key"), forgedRun.err());
        Customer other = Customer.create("Not the owner");
        String outsider = other.user("manager", "license-manager");
        CliIT.Run notTheirs = CliIT.licentia(asManager(
                other,
                outsider,
                "return",
                "process",
                "--file",
                request.toString(),
                "-o",
                dir.resolve("x.json").toString()));
        assertEquals(3, notTheirs.exit(), notTheirs.out());
        assertEquals(instanceId(), Customer.registeredInstance(number), "nothing freed by refused requests");

        Path response = dir.resolve("response.json");
        CliIT.Run processed = CliIT.licentia(
                asManager(c, manager, "return", "process", "--file", request.toString(), "-o", response.toString()));
        assertEquals(0, processed.exit(), processed.err());
        assertTrue(processed.out().contains("RETURNED") && processed.out().contains(number), processed.out());
        assertNull(Customer.registeredInstance(number));
        byte[] responseBytes = Files.readAllBytes(response);
        CliIT.Run twice = CliIT.licentia(
                asManager(c, manager, "return", "process", "--file", request.toString(), "-o", response.toString()));
        assertEquals(0, twice.exit(), twice.err());
        assertArrayEquals(responseBytes, Files.readAllBytes(response), "the same request, the same response");

        String responseText = new String(responseBytes, java.nio.charset.StandardCharsets.UTF_8);
        assertEquals(
                "RETURN_RESPONSE_INVALID",
                confirm(responseText.replace("RETURNED", "CANCELLED")).code());
        assertEquals(
                "RETURN_RESPONSE_INVALID", confirm(responseText + "trailing").code());
        Api.Reply replayed = confirm(earlierResponse);
        assertEquals(409, replayed.status(), "a replayed old response: " + replayed.body());
        assertEquals("RETURN_RESPONSE_MISMATCH", replayed.code());
        assertEquals("RETURN_RESPONSE_INVALID", confirm(requestText).code(), "a request is no response");
        assertEquals(
                "RETURN_RESPONSE_MISMATCH",
                confirm(responseForAnotherInstance(c, manager)).code(),
                "the publisher's genuine answer to another instance");

        OnPrem.fault("return.confirm");
        CliIT.Run failed = CliIT.licentia(CliIT.onPremAdmin("return-confirm", "--file", response.toString()));
        assertEquals(8, failed.exit(), failed.out());
        assertTrue(isPending(), "a failed commit leaves the return pending");
        assertTrue(OnPrem.hosted().containsKey(number));
        OnPrem.fault(null);

        CliIT.Run confirmed = CliIT.licentia(CliIT.onPremAdmin("return-confirm", "--file", response.toString()));
        assertEquals(0, confirmed.exit(), confirmed.err());
        assertTrue(confirmed.out().contains("Licenses returned successfully"), confirmed.out());
        assertTrue(!OnPrem.hosted().containsKey(number));
        CliIT.Run reconfirmed = CliIT.licentia(CliIT.onPremAdmin("return-confirm", "--file", response.toString()));
        assertTrue(reconfirmed.out().contains("confirmed before"), reconfirmed.out());

        String requestId = Json.createReader(new StringReader(requestText))
                .readObject()
                .getJsonObject("document")
                .getString("requestId");
        Path lostAndFound = dir.resolve("again.json");
        CliIT.Run fetched = CliIT.licentia(
                asManager(c, manager, "return", "response", "--request-id", requestId, "-o", lostAndFound.toString()));
        assertEquals(0, fetched.exit(), fetched.err());
        assertArrayEquals(responseBytes, Files.readAllBytes(lostAndFound), "a lost response is fetched again");
        CliIT.Run status = CliIT.licentia(CliIT.onPremAdmin("return-status"));
        assertEquals(0, status.exit(), status.out());
        assertTrue(status.out().contains("RETURNED"), status.out());
    }

    @Test
    @Order(3)
    void aCancelNeedsThePublishersAnswerOverSoapAndASemiOnlineReturnCarriesFilesThroughThisComputer() throws Exception {
        proxy.breakWith(PublisherProxy.Mode.DROP, "");
        proxy.forget();
        Customer c = Customer.create("Returning semi-online");
        String manager = c.user("manager", "license-manager");
        String number = c.license(2);
        assertEquals(
                200,
                upload(licenseFile(Api.as(manager, c.password(manager)), number))
                        .statusCode());

        LicenseFilePort onPrem = port(OnPrem.BASE, Api.ADMIN, Api.ADMIN_PASSWORD);
        LicenseFilePort publisher = port(Api.BASE, manager, c.password(manager));
        RequestLicenseReturnResponse request = onPrem.requestLicenseReturn(new RequestLicenseReturn());
        assertEquals("PENDING", request.getState());
        assertTrue(request.getLicense().contains(number));
        RequestLicenseReturn cancel = new RequestLicenseReturn();
        cancel.setCancel(true);
        String cancelFile = onPrem.requestLicenseReturn(cancel).getRequestFile();
        assertNotEquals(request.getRequestFile(), cancelFile);
        ProcessLicenseReturn processCancel = new ProcessLicenseReturn();
        processCancel.setRequestFile(cancelFile);
        ProcessLicenseReturnResponse cancelled = publisher.processLicenseReturn(processCancel);
        assertEquals("CANCELLED", cancelled.getOutcome());
        ConfirmLicenseReturn confirmCancel = new ConfirmLicenseReturn();
        confirmCancel.setResponseFile(cancelled.getResponseFile());
        ConfirmLicenseReturnResponse back = onPrem.confirmLicenseReturn(confirmCancel);
        assertEquals("CANCELLED", back.getState());
        Api.Reply seat = Api.bearer(OnPrem.BASE, clientToken())
                .post("/api/v1/seats", "{\"license\":\"" + number + "\",\"client\":\"back-1\"}");
        assertEquals(201, seat.status(), "usable again after the publisher's cancel: " + seat.body());
        // the cancelled request can never free the licenses afterwards
        ProcessLicenseReturn late = new ProcessLicenseReturn();
        late.setRequestFile(request.getRequestFile());
        assertEquals("CANCELLED", publisher.processLicenseReturn(late).getOutcome());
        assertEquals(instanceId(), Customer.registeredInstance(number));
        ProcessLicenseReturn garbage = new ProcessLicenseReturn();
        garbage.setRequestFile("{\"document\":{},\"signature\":{}}");
        LicensingFault_Exception fault = org.junit.jupiter.api.Assertions.assertThrows(
                LicensingFault_Exception.class, () -> publisher.processLicenseReturn(garbage));
        assertEquals("RETURN_REQUEST_INVALID", fault.getFaultInfo().getCode());

        CliIT.Run semiOnline = CliIT.licentia(
                "return",
                "--via-this-computer",
                "--publisher-url",
                Api.BASE,
                "--url",
                OnPrem.BASE,
                "-e",
                manager,
                "-p",
                c.password(manager),
                "--instance-email",
                Api.ADMIN,
                "--instance-password",
                Api.ADMIN_PASSWORD,
                "-y");
        assertEquals(0, semiOnline.exit(), semiOnline.out() + semiOnline.err());
        assertTrue(semiOnline.out().contains("Licenses returned successfully"), semiOnline.out());
        assertNull(Customer.registeredInstance(number));
        assertTrue(!OnPrem.hosted().containsKey(number));
        assertEquals(0, proxy.count("/api/v1/returns"), "the instance itself never reached the publisher");

        // and online, by the CLI as a process, with the seed-style summary confirmed by -y
        proxy.heal();
        String online = OwnInstance.host(OnPrem.BASE, c, manager, c.license(1));
        CliIT.Run unconfirmed =
                CliIT.licentia("return", "--url", OnPrem.BASE, "-e", manager, "-p", c.password(manager));
        assertEquals(2, unconfirmed.exit(), "no terminal, no --yes: " + unconfirmed.out());
        assertTrue(unconfirmed.out().contains("You are about to return all licenses"), unconfirmed.out());
        assertEquals(instanceId(), Customer.registeredInstance(online), "nothing held or freed unconfirmed");
        CliIT.Run returned =
                CliIT.licentia("return", "--url", OnPrem.BASE, "-e", manager, "-p", c.password(manager), "-y");
        assertEquals(0, returned.exit(), returned.out() + returned.err());
        assertTrue(
                returned.out().contains("Licenses returned successfully")
                        && returned.out().contains(online),
                returned.out());
        assertNull(Customer.registeredInstance(online));

        // and online over SOAP, the publisher account's credentials in the message, as for applyRegistration
        String bySoap = OwnInstance.host(OnPrem.BASE, c, manager, c.license(1));
        RegistrationPort erp = new RegistrationService().getRegistrationPort();
        ((BindingProvider) erp)
                .getRequestContext()
                .put(BindingProvider.ENDPOINT_ADDRESS_PROPERTY, OnPrem.BASE + "/soap/RegistrationService");
        PublisherCredentials credentials = new PublisherCredentials();
        credentials.setEmail(manager);
        credentials.setPassword(c.password(manager));
        ReturnLicenses soapReturn = new ReturnLicenses();
        soapReturn.setCredentials(credentials);
        ReturnLicensesResponse soapReturned = erp.returnLicenses(soapReturn);
        assertEquals("RETURNED", soapReturned.getState());
        assertTrue(soapReturned.getLicense().contains(bySoap));
        assertNull(Customer.registeredInstance(bySoap));

        // a response that never comes back: the instance's next sync asks the publisher for it itself
        String lastOne = OwnInstance.host(OnPrem.BASE, c, manager, c.license(1));
        Api.Reply held = OnPrem.ADMIN.post("/api/v1/license-return/request", "{}");
        assertEquals(200, held.status(), held.body());
        Api.Reply processedOnly = Api.as(manager, c.password(manager))
                .post("/api/v1/returns", held.json().getString("file"));
        assertEquals(200, processedOnly.status(), processedOnly.body());
        assertTrue(isPending());
        JsonObject sync = OnPrem.ADMIN.post("/api/v1/sync", "{}").json();
        assertEquals("COMPLETED", sync.getString("outcome"), sync.toString());
        assertTrue(!isPending() && !OnPrem.hosted().containsKey(lastOne), "settled by the sync");
        CliIT.Run receipts = CliIT.licentia(CliIT.admin("return", "list", "--instance", instanceId()));
        assertEquals(0, receipts.exit(), receipts.err());
        assertTrue(receipts.out().contains(held.json().getString("requestId")), receipts.out());
        assertEquals(
                403, Api.as(manager, c.password(manager)).get("/api/v1/returns").status(), "staff list: admin");
    }

    /**
     * A genuine response of the same publisher, for another instance: the publisher's own (8280),
     * which puts a return on hold, has it cancelled at the publisher, and takes the cancel back, so
     * its licenses are held for a moment only.
     */
    private static String responseForAnotherInstance(Customer c, String manager) {
        OwnInstance.host(c, manager, c.license(1));
        Api admin = Api.admin();
        assertEquals(200, admin.post("/api/v1/license-return/request", "{}").status());
        String cancel =
                admin.post("/api/v1/license-return/cancel-request", "{}").json().getString("file");
        Api.Reply cancelled = admin.post("/api/v1/returns", cancel);
        assertEquals(200, cancelled.status(), cancelled.body());
        Api.Reply back = admin.post("/api/v1/license-return/confirm", cancelled.body());
        assertEquals("CANCELLED", back.json().getString("state"), back.body());
        return cancelled.body();
    }

    /** While the publisher has not acted, the licenses stay registered to the instance there, and give nothing here. */
    private static void assertHeldOnlyByThePublisher(Api seats, String license, String instanceId) {
        assertTrue(isPending(), "the return stays pending");
        assertEquals(instanceId, Customer.registeredInstance(license), "not freed at the publisher");
        Api.Reply refused = seats.post("/api/v1/seats", "{\"license\":\"" + license + "\",\"client\":\"held\"}");
        assertEquals(409, refused.status(), refused.body());
        assertEquals("LICENSE_RETURN_PENDING", refused.code());
    }

    private static boolean isPending() {
        Api.Reply current = OnPrem.ADMIN.get("/api/v1/license-return");
        return current.status() == 200 && "PENDING".equals(current.json().getString("state"));
    }

    private static String instanceId() {
        return OnPrem.ADMIN.get("/api/v1/license-files/request-code").json().getString("instanceId");
    }

    private static Api.Reply returnOnline(String email, String password) {
        return Api.anonymous(OnPrem.BASE)
                .post(
                        "/api/v1/registration/return",
                        Json.createObjectBuilder()
                                .add("email", email)
                                .add("password", password)
                                .build()
                                .toString());
    }

    private static String strangerManager() {
        return "nobody-" + Api.uniqueNumber() + "@example.com";
    }

    private static Api.Reply confirm(String responseFile) {
        return OnPrem.ADMIN.post("/api/v1/license-return/confirm", responseFile);
    }

    /** A license file for the instance with {@code number}, made at the publisher from the instance's request code. */
    private static byte[] licenseFile(Api publisher, String number) {
        String code =
                OnPrem.ADMIN.get("/api/v1/license-files/request-code").json().getString("code");
        String body = Json.createObjectBuilder()
                .add("requestCode", code)
                .add("licenses", Json.createArrayBuilder().add(number))
                .build()
                .toString();
        HttpResponse<byte[]> file = send(
                Api.BASE + "/api/v1/license-files", publisher.authorization(), "application/json", body.getBytes());
        assertEquals(200, file.statusCode(), new String(file.body()));
        return file.body();
    }

    private static Upload upload(byte[] zip) {
        HttpResponse<byte[]> r = send(
                OnPrem.BASE + "/api/v1/license-files/upload", OnPrem.ADMIN.authorization(), "application/zip", zip);
        return new Upload(r.statusCode(), new String(r.body(), java.nio.charset.StandardCharsets.UTF_8));
    }

    private static HttpResponse<byte[]> send(String url, String authorization, String contentType, byte[] body) {
        try {
            return HTTP.send(
                    HttpRequest.newBuilder(URI.create(url))
                            .timeout(Duration.ofSeconds(60))
                            .header("Authorization", authorization)
                            .header("Content-Type", contentType)
                            .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                            .build(),
                    HttpResponse.BodyHandlers.ofByteArray());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String clientToken() {
        Api.Reply created =
                OnPrem.ADMIN.post("/api/v1/client-tokens", "{\"name\":\"returning-" + Api.uniqueNumber() + "\"}");
        assertEquals(201, created.status(), created.body());
        return created.json().getString("token");
    }

    private static String code(String problem) {
        return Json.createReader(new StringReader(problem)).readObject().getString("code");
    }

    private static List<String> strings(JsonObject o, String name) {
        return o.getJsonArray(name).getValuesAs(JsonString.class).stream()
                .map(JsonString::getString)
                .toList();
    }

    private static LicenseFilePort port(String base, String email, String password) {
        LicenseFilePort port = new LicenseFileService().getLicenseFilePort();
        Map<String, Object> context = ((BindingProvider) port).getRequestContext();
        context.put(BindingProvider.ENDPOINT_ADDRESS_PROPERTY, base + "/soap/LicenseFileService");
        context.put(BindingProvider.USERNAME_PROPERTY, email);
        context.put(BindingProvider.PASSWORD_PROPERTY, password);
        return port;
    }

    private static String[] asManager(Customer c, String manager, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--url", Api.BASE, "-e", manager, "-p", c.password(manager)));
        return all.toArray(String[]::new);
    }

    /** A file upload's answer. */
    private record Upload(int statusCode, String body) {}
}
