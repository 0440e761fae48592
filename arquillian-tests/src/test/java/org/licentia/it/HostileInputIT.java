package org.licentia.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The attacker's test suite: what a hostile or careless client sends, over REST and SOAP, and what
 * it must get back (a typed refusal that changes nothing, no stack trace, no answer that tells
 * whether something of another account exists). Each test names the hardening item it guards.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class HostileInputIT {

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private static final String ENVELOPE = "<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\" "
            + "xmlns:v1=\"http://licentia.org/licensing/v1\"><soap:Body>%s</soap:Body></soap:Envelope>";

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.licentiaEar();
    }

    private final Api admin = Api.admin();

    // --- 1, 10: numbers are exact, JSON is strict ---------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"4294967299", "-4294967290", "1e400", "1.9", "\"3\"", "2147483648", "true", "null"})
    void aSeatAmountThatIsNotExactlyAWholeNumberInRangeCreatesNothing(String seats) {
        String number = Api.uniqueNumber();
        Api.Reply reply = admin.post(
                "/api/v1/licenses",
                "{\"number\":\"" + number + "\",\"account\":\"Example User\",\"seats\":" + seats + "}");
        LicenseRestIT.expect(400, "INVALID_INPUT", reply);
        assertTrue(reply.json().getJsonObject("details").containsKey("seats"), reply.body());
        LicenseRestIT.expect(404, "LICENSE_NOT_FOUND", admin.get("/api/v1/licenses/" + number));
    }

    @Test
    void outOfRangeNumbersNameTheFieldAndItsRangeOnEveryPath() {
        String number = Api.uniqueNumber();
        assertEquals(
                201,
                admin.post(
                                "/api/v1/licenses",
                                "{\"number\":\"" + number + "\",\"account\":\"Example User\",\"seats\":3}")
                        .status());

        Api.Reply patched = admin.patch("/api/v1/licenses/" + number, "{\"seats\":4294967297,\"maxActivations\":2}");
        LicenseRestIT.expect(400, "INVALID_INPUT", patched);
        assertEquals(
                "a whole number from 0 to 10000000",
                patched.json().getJsonObject("details").getString("seats"));
        Api.Reply activations = admin.patch("/api/v1/licenses/" + number, "{\"maxActivations\":-4294967290}");
        LicenseRestIT.expect(400, "INVALID_INPUT", activations);
        assertEquals(
                3,
                admin.get("/api/v1/licenses/" + number)
                        .json()
                        .getJsonObject("license")
                        .getInt("seats"));
        assertEquals(
                3,
                admin.get("/api/v1/licenses/" + number)
                        .json()
                        .getJsonObject("license")
                        .getInt("maxActivations"));

        String first = Api.uniqueNumber();
        Api.Reply batch = admin.post(
                "/api/v1/licenses/batch",
                "{\"licenses\":[{\"number\":\"" + first
                        + "\",\"account\":\"Example User\",\"seats\":1},{\"account\":\"Example User\",\"seats\":4294967299}]}");
        LicenseRestIT.expect(400, "INVALID_INPUT", batch);
        assertTrue(batch.json().getJsonObject("details").containsKey("licenses[1].seats"), batch.body());
        LicenseRestIT.expect(404, "LICENSE_NOT_FOUND", admin.get("/api/v1/licenses/" + first));

        String token = OwnInstance.clientToken("hostile-" + Api.uniqueNumber());
        Api.Reply borrowed = Api.bearer(token)
                .post(
                        "/api/v1/seats/borrow",
                        "{\"license\":\"" + number + "\",\"client\":\"laptop\",\"days\":4294967297}");
        LicenseRestIT.expect(400, "INVALID_INPUT", borrowed);
        assertEquals(
                "a whole number from 1 to 3650",
                borrowed.json().getJsonObject("details").getString("days"));
    }

    @Test
    void unknownMembersTrailingTextAndRepeatedMembersAreRefused() {
        String number = Api.uniqueNumber();
        Api.Reply sneaky = admin.post(
                "/api/v1/licenses",
                "{\"number\":\"" + number + "\",\"account\":\"Example User\",\"seats\":3," + "\"state\":\"revoked\"}");
        LicenseRestIT.expect(400, "INVALID_INPUT", sneaky);
        assertEquals("unknown member", sneaky.json().getJsonObject("details").getString("state"));
        LicenseRestIT.expect(
                400,
                "MALFORMED_REQUEST",
                admin.post(
                        "/api/v1/licenses",
                        "{\"number\":\"" + number + "\",\"account\":\"Example User\",\"seats\":3}garbage"));
        LicenseRestIT.expect(
                400,
                "MALFORMED_REQUEST",
                admin.post(
                        "/api/v1/licenses",
                        "{\"number\":\"" + number + "\",\"account\":\"Example User\",\"seats\":3,\"seats\":300}"));
        LicenseRestIT.expect(404, "LICENSE_NOT_FOUND", admin.get("/api/v1/licenses/" + number));
    }

    @ParameterizedTest
    @ValueSource(strings = {"\\u001b[31mRed Corp", "Evil\\u202Egnp.exe", "Lone \\ud800 surrogate", "Bell\\u0007"})
    void namesWithControlOrBidiCharactersOrLoneSurrogatesAreRefused(String name) {
        Api.Reply reply = admin.post("/api/v1/accounts", "{\"name\":\"" + name + "\"}");
        LicenseRestIT.expect(400, "INVALID_INPUT", reply);
        assertTrue(reply.json().getJsonObject("details").containsKey("name"), reply.body());
    }

    @Test
    void soapNumbersAndTextAreCheckedAgainstTheContract() throws Exception {
        String number = Api.uniqueNumber();
        Reply wrapped = soap(
                "LicensingService",
                Api.ADMIN,
                Api.ADMIN_PASSWORD,
                String.format(
                        ENVELOPE,
                        "<v1:createLicense><v1:number>" + number
                                + "</v1:number><v1:account>Example User</v1:account><v1:seats>4294967299</v1:seats></v1:createLicense>"),
                null);
        wrapped.requireFault(500, "soap:Client", "INVALID_INPUT");
        assertTrue(wrapped.body().contains("4294967299"), wrapped.body());
        LicenseRestIT.expect(404, "LICENSE_NOT_FOUND", admin.get("/api/v1/licenses/" + number));
        soap(
                        "LicensingService",
                        Api.ADMIN,
                        Api.ADMIN_PASSWORD,
                        String.format(
                                ENVELOPE,
                                "<v1:createAccount><v1:name>Evil\u202Egnp.exe" + "</v1:name></v1:createAccount>"),
                        null)
                .requireFault(500, "soap:Client", "INVALID_INPUT");
    }

    // --- 3: unreadable credentials ------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"Basic !!!", "Basic =", "Basic YQ"})
    void unreadableBasicCredentialsAreA401WithoutAStackTraceOnEveryPath(String header) throws Exception {
        for (String path : List.of("/api/v1/licenses", "/api/v1/ping", "/self-help")) {
            HttpResponse<String> answer = HTTP.send(
                    HttpRequest.newBuilder(URI.create(Api.BASE + path))
                            .header("Authorization", header)
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(401, answer.statusCode(), path + " " + answer.body());
            assertTrue(answer.body().contains("\"code\":\"UNAUTHENTICATED\""), answer.body());
            assertFalse(answer.body().contains("Exception") || answer.body().contains("\tat "), answer.body());
        }
        Reply soap = soap(
                "LicensingService",
                null,
                null,
                String.format(ENVELOPE, "<v1:getLicense><v1:number>11554731</v1:number>" + "</v1:getLicense>"),
                Map.of("Authorization", header));
        soap.requireFault(401, "soap:Client", "UNAUTHENTICATED");
        assertFalse(serverLog().contains("DecodeException"), "no stack trace of a bad header in the log");
    }

    // --- 4, 5, 8: sign-in ----------------------------------------------------------------------

    @Test
    void aGuesserIsSlowedFromItsAddressWhileTheOwnerSignsInFromElsewhere() throws Exception {
        Customer customer = Customer.create("Guessed");
        String owner = customer.user("owner", "license-manager");
        int refusedAt = -1;
        for (int attempt = 1; attempt <= 8 && refusedAt < 0; attempt++) {
            int status = statusFrom("127.0.0.2", "/api/v1/licenses", owner, "wrong-password-" + attempt);
            if (status == 429) {
                refusedAt = attempt;
            } else {
                assertEquals(401, status);
            }
        }
        assertEquals(6, refusedAt, "five free failures, then a wait");
        // each further failure doubles the wait: 1 s, then 2 s, then 4 s
        Thread.sleep(1_100);
        assertEquals(401, statusFrom("127.0.0.2", "/api/v1/licenses", owner, "wrong-again"));
        Thread.sleep(2_100);
        assertEquals(401, statusFrom("127.0.0.2", "/api/v1/licenses", owner, "and-again"));
        assertEquals(
                429,
                statusFrom("127.0.0.2", "/api/v1/licenses", owner, customer.password(owner)),
                "during the wait not even the right password is tried from that address");
        assertEquals(
                200,
                Api.as(owner, customer.password(owner)).get("/api/v1/licenses").status(),
                "the owner, elsewhere, is not locked out");
        Thread.sleep(4_100);
        assertEquals(
                200,
                statusFrom("127.0.0.2", "/api/v1/licenses", owner, customer.password(owner)),
                "a delay, never a lock");
    }

    @Test
    void registrationCredentialsAreThrottledAtTheInstanceAndCountAtThePublisherAgainstTheTypist() throws Exception {
        Customer customer = Customer.create("Registrant");
        String owner = customer.user("owner", "license-manager");
        // registered: the publisher knows this instance's key, so it can take the instance's word
        OwnInstance.host(customer, owner, customer.license(1));
        String own = customer.license(1);
        int refusedAt = -1;
        for (int attempt = 1; attempt <= 8 && refusedAt < 0; attempt++) {
            int status = postFrom(
                    "127.0.0.2",
                    "/api/v1/registration/plan",
                    "{\"email\":\"" + owner + "\",\"password\":\"wrong-" + attempt + "\",\"licenses\":[\"" + own
                            + "\"]}");
            if (status == 429) {
                refusedAt = attempt;
            } else {
                assertEquals(401, status);
            }
        }
        assertEquals(6, refusedAt, "five free failures, then the instance makes the guesser wait");
        // The five that were forwarded count at the publisher against 127.0.0.2 behind this instance, as
        // the instance signed; not against the instance's own address, which is the owner's here too.
        Api.Reply plan = Api.anonymous()
                .post(
                        "/api/v1/registration/plan",
                        "{\"email\":\"" + owner + "\",\"password\":\"" + customer.password(owner)
                                + "\",\"licenses\":[\"" + own + "\"]}");
        assertEquals(200, plan.status(), "the owner registering through the same instance: " + plan.body());
        assertEquals(
                200,
                Api.as(owner, customer.password(owner)).get("/api/v1/licenses").status(),
                "the owner signing in directly from the instance's host");
    }

    @Test
    void aMadeUpWordOfAnInstanceDoesNotMoveAGuessersCount() throws Exception {
        Customer customer = Customer.create("Forger");
        String victim = customer.user("victim", "license-manager");
        String instanceId =
                Api.admin().get("/api/v1/license-files/request-code").json().getString("instanceId");
        int refusedAt = -1;
        for (int attempt = 1; attempt <= 8 && refusedAt < 0; attempt++) {
            String credentials =
                    Base64.getEncoder().encodeToString((victim + ":wrong-" + attempt).getBytes(StandardCharsets.UTF_8));
            // a new address claimed for every try, in the instance's name, with a signature of its own making
            int status = exchange(
                    "127.0.0.2",
                    "GET /api/v1/licenses HTTP/1.1\r\nHost: localhost:8280\r\nAuthorization: Basic " + credentials
                            + "\r\nX-Licentia-Instance: " + instanceId
                            + "\r\nX-Licentia-Time: " + java.time.Instant.now()
                            + "\r\nX-Licentia-Client-Address: 198.51.100." + attempt
                            + "\r\nX-Licentia-Signature: " + Base64.getEncoder().encodeToString(new byte[64])
                            + "\r\nAccept: application/json\r\nConnection: close\r\n\r\n");
            if (status == 429) {
                refusedAt = attempt;
            } else {
                assertEquals(401, status);
            }
        }
        assertEquals(6, refusedAt, "counted against the address the tries came from");
    }

    @Test
    void signInCostsTheSameWhetherTheUserExistsAndWildFlysLockoutIsOff() throws Exception {
        // Timing itself is not asserted (machines vary); what makes it equal is: an unknown e-mail is
        // checked against a bcrypt hash of the same cost, and the realm's lockout is switched off.
        try (var management = org.jboss.as.controller.client.ModelControllerClient.Factory.create("localhost", 10190)) {
            var read = new org.jboss.dmr.ModelNode();
            read.get("operation").set("read-attribute");
            read.get("address").add("subsystem", "elytron").add("jdbc-realm", "licentia-realm");
            read.get("name").set("principal-query");
            String query =
                    management.execute(read).get("result").get(0).get("sql").asString();
            assertTrue(
                    query.matches("SELECT COALESCE\\(MAX\\(password_hash\\), '\\$2a\\$10\\$[./A-Za-z0-9]{53}'\\) .*"),
                    query);
            var lockout = new org.jboss.dmr.ModelNode();
            lockout.get("operation").set("read-attribute");
            lockout.get("address").add("system-property", "wildfly.elytron.realm.licentia-realm.brute-force.enabled");
            lockout.get("name").set("value");
            assertEquals("false", management.execute(lockout).get("result").asString());
        }
        assertEquals(
                401,
                Api.as("nobody.here@nowhere.example", "wrong-password")
                        .get("/api/v1/licenses")
                        .status());
    }

    @Test
    void anEmailSignsInInAnyCaseAndIsOneUser() {
        Api shouting = Api.as("Example.User1@Company.COM", "1111111111");
        assertEquals(
                200, shouting.get("/api/v1/licenses/11554731").status(), "the rights checks see the canonical address");
        assertEquals(
                200, shouting.get("/api/v1/users/example.user1@company.com").status());
    }

    // --- 2: a stranger cannot empty an instance -------------------------------------------------

    @Test
    void aUserOfAnAccountThisInstanceDoesNotServeCannotRemoveItsLicenses() {
        Customer served = Customer.create("Served");
        String manager = served.user("manager", "license-manager");
        String hosted = OwnInstance.host(served, manager, 2);

        Customer stranger = Customer.create("Stranger");
        String outsider = stranger.user("manager", "license-manager");
        List<String> current = OwnInstance.hostedNumbers();
        String all = jsonArray(current);
        Api.Reply emptied = Api.anonymous()
                .post(
                        "/api/v1/registration/deregister",
                        "{\"email\":\"" + outsider + "\",\"password\":\"" + stranger.password(outsider)
                                + "\",\"expectedCurrent\":" + all + "}");
        LicenseRestIT.expect(403, "FORBIDDEN", emptied);
        String own = stranger.license(1);
        Api.Reply replaced = Api.anonymous()
                .post(
                        "/api/v1/registration",
                        "{\"email\":\"" + outsider + "\",\"password\":\"" + stranger.password(outsider)
                                + "\",\"licenses\":[\"" + own + "\"],\"expectedCurrent\":" + all + "}");
        LicenseRestIT.expect(403, "FORBIDDEN", replaced);
        assertTrue(OwnInstance.hostedNumbers().contains(hosted), "nothing was removed");

        // adding its own license beside the others is allowed; it then serves that account too
        List<String> withOwn = new java.util.ArrayList<>(OwnInstance.hostedNumbers());
        withOwn.add(own);
        Api.Reply added = Api.anonymous()
                .post(
                        "/api/v1/registration",
                        "{\"email\":\"" + outsider + "\",\"password\":\""
                                + stranger.password(outsider) + "\",\"licenses\":" + jsonArray(withOwn)
                                + ",\"expectedCurrent\":"
                                + jsonArray(OwnInstance.hostedNumbers()) + "}");
        assertEquals(200, added.status(), added.body());
        assertEquals(200, OwnInstance.unhost(stranger, outsider, own).status());
    }

    // --- 6, 16: each user sees their own -------------------------------------------------------

    @Test
    void hostedLicensesAndSyncReportsShowOnlyTheCallersAccounts() throws Exception {
        Customer mine = Customer.create("Mine");
        String manager = mine.user("manager", "license-manager");
        String license = OwnInstance.host(mine, manager, 1);
        Customer other = Customer.create("Nosy");
        String nosy = other.user("viewer", "viewer");
        assertEquals(200, admin.post("/api/v1/sync", null).status());

        List<String> seenByOwner = numbers(
                Api.as(manager, mine.password(manager))
                        .get("/api/v1/hosted-licenses")
                        .json(),
                "licenses");
        assertEquals(List.of(license), seenByOwner);
        assertEquals(
                List.of(),
                numbers(
                        Api.as(nosy, other.password(nosy))
                                .get("/api/v1/hosted-licenses")
                                .json(),
                        "licenses"));
        assertEquals(
                List.of(),
                numbers(Api.as(nosy, other.password(nosy)).get("/api/v1/sync").json(), "licenses"));
        assertEquals(
                List.of(license),
                numbers(
                        Api.as(manager, mine.password(manager))
                                .get("/api/v1/sync")
                                .json(),
                        "licenses"));
        assertTrue(
                numbers(admin.get("/api/v1/hosted-licenses").json(), "licenses").contains(license));

        Reply soapList = soap(
                "RegistrationService",
                nosy,
                other.password(nosy),
                String.format(ENVELOPE, "<v1:listHostedLicenses/>"),
                null);
        assertEquals(200, soapList.status(), soapList.body());
        assertFalse(soapList.body().contains(license), soapList.body());
    }

    @Test
    void anotherAccountsThingsAnswerAsIfTheyDidNotExistOverSoapToo() throws Exception {
        Customer stranger = Customer.create("Prober");
        String prober = stranger.user("manager", "license-manager");
        Reply theirs = soap(
                "LicensingService",
                prober,
                stranger.password(prober),
                String.format(ENVELOPE, "<v1:getLicense><v1:number>11554731</v1:number></v1:getLicense>"),
                null);
        Reply none = soap(
                "LicensingService",
                prober,
                stranger.password(prober),
                String.format(ENVELOPE, "<v1:getLicense><v1:number>00000001</v1:number></v1:getLicense>"),
                null);
        theirs.requireFault(500, "soap:Client", "LICENSE_NOT_FOUND");
        assertEquals(none.body().replace("00000001", "11554731"), theirs.body());
        Api.Reply user = Api.as(prober, stranger.password(prober)).get("/api/v1/users/example.user1@company.com");
        Api.Reply noUser = Api.as(prober, stranger.password(prober)).get("/api/v1/users/nobody.at.all@company.com");
        LicenseRestIT.expect(404, "USER_NOT_FOUND", user);
        assertEquals(noUser.body().replace("nobody.at.all@company.com", "example.user1@company.com"), user.body());
    }

    // --- 7: leases belong to their token -------------------------------------------------------

    @Test
    void aClientTokenCannotRenewOrReleaseAnotherTokensLease() throws Exception {
        Customer customer = Customer.create("Leases");
        String manager = customer.user("manager", "license-manager");
        String license = OwnInstance.host(customer, manager, 2);
        Api owner = Api.bearer(OwnInstance.clientToken("owner-" + Api.uniqueNumber()));
        String intruderToken = OwnInstance.clientToken("intruder-" + Api.uniqueNumber());
        Api intruder = Api.bearer(intruderToken);
        String lease = owner.post("/api/v1/seats", "{\"license\":\"" + license + "\",\"client\":\"ws-1\"}")
                .json()
                .getJsonObject("lease")
                .getString("id");

        Api.Reply renewed = intruder.post("/api/v1/seats/" + lease + "/heartbeat", null);
        Api.Reply unknown = intruder.post("/api/v1/seats/" + license + ".doesNotExist/heartbeat", null);
        LicenseRestIT.expect(404, "LEASE_NOT_FOUND", renewed);
        assertEquals(
                unknown.body().replace(license + ".doesNotExist", lease),
                renewed.body(),
                "as if there were no such lease");
        LicenseRestIT.expect(404, "LEASE_NOT_FOUND", intruder.delete("/api/v1/seats/" + lease));
        soap(
                        "SeatService",
                        null,
                        null,
                        String.format(
                                ENVELOPE,
                                "<v1:heartbeatSeat><v1:leaseId>" + lease + "</v1:leaseId></v1:heartbeatSeat>"),
                        Map.of("Authorization", "Bearer " + intruderToken))
                .requireFault(500, "soap:Client", "LEASE_NOT_FOUND");

        assertEquals(List.of(lease), OwnInstance.leaseIds(license), "the lease is untouched");
        assertEquals(
                200, owner.post("/api/v1/seats/" + lease + "/heartbeat", null).status());
        // the same client ID under another token is another client
        Api.Reply sameName = intruder.post("/api/v1/seats", "{\"license\":\"" + license + "\",\"client\":\"ws-1\"}");
        assertEquals(201, sameName.status(), sameName.body());
        assertFalse(lease.equals(sameName.json().getJsonObject("lease").getString("id")));
    }

    // --- 9: the channel is the server's word ---------------------------------------------------

    @Test
    void theAuditChannelIsTheEndpointAndWhatAClientSaysIsKeptAsItsClaim() throws Exception {
        String number = Api.uniqueNumber();
        HttpResponse<String> created = HTTP.send(
                HttpRequest.newBuilder(URI.create(Api.BASE + "/api/v1/licenses"))
                        .header(
                                "Authorization",
                                "Basic "
                                        + Base64.getEncoder()
                                                .encodeToString((Api.ADMIN + ":" + Api.ADMIN_PASSWORD)
                                                        .getBytes(StandardCharsets.UTF_8)))
                        .header("Content-Type", "application/json")
                        .header("X-Licentia-Channel", "CLI")
                        .header("User-Agent", "ERP-X/7.1")
                        .POST(HttpRequest.BodyPublishers.ofString(
                                "{\"number\":\"" + number + "\",\"account\":\"Example User\",\"seats\":1}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(201, created.statusCode(), created.body());
        JsonObject record = admin.get("/api/v1/audit?itemType=license&itemId=" + number)
                .json()
                .getJsonArray("items")
                .getJsonObject(0);
        assertEquals("REST", record.getString("channel"));
        assertEquals("ERP-X/7.1", record.getString("client"));
    }

    // --- 11: SOAP mistakes are the client's, in one log line -----------------------------------

    @Test
    void soapClientMistakesAreDeclaredClientFaults() throws Exception {
        String get = "<v1:getLicense><v1:number>11554731</v1:number></v1:getLicense>";
        Map<String, String> cases = Map.of(
                "empty body", String.format(ENVELOPE, ""),
                "no body", "<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\"></soap:Envelope>",
                "NUL reference", String.format(ENVELOPE, "<v1:getLicense><v1:number>&#0;</v1:number></v1:getLicense>"),
                "SOAP 1.2",
                        String.format(ENVELOPE, get)
                                .replace(
                                        "http://schemas.xmlsoap.org/soap/envelope/",
                                        "http://www.w3.org/2003/05/soap-envelope"),
                "unknown mustUnderstand header",
                        String.format(ENVELOPE, get)
                                .replace(
                                        "<soap:Body>",
                                        "<soap:Header><x:Tx xmlns:x=\"urn:x\" soap:mustUnderstand=\"1\"/></soap:Header><soap:Body>"));
        for (var c : cases.entrySet()) {
            soap("LicensingService", Api.ADMIN, Api.ADMIN_PASSWORD, c.getValue(), null)
                    .requireFault(500, "soap:Client", "MALFORMED_REQUEST", c.getKey());
        }
        soap(
                        "LicensingService",
                        Api.ADMIN,
                        Api.ADMIN_PASSWORD,
                        String.format(ENVELOPE, get),
                        Map.of("SOAPAction", "\"http://licentia.org/licensing/v1/revokeLicense\""))
                .requireFault(500, "soap:Client", "MALFORMED_REQUEST");
        soap("LicensingService", Api.ADMIN, "wrong-password", String.format(ENVELOPE, get), null)
                .requireFault(401, "soap:Client", "UNAUTHENTICATED");
        String log = serverLog();
        assertFalse(
                log.contains("Unmarshalling Error") || log.contains("UT005023"),
                "a bad message costs at most one log line");
    }

    // --- 15: the anonymous activation calls are limited per address ------------------------------

    @Test
    void theAnonymousActivationCallsAreLimitedPerAddress() {
        OwnInstance.setting("licentia.activation.max-requests-per-minute", "3");
        try {
            int refusedAt = -1;
            for (int i = 1; i <= 8 && refusedAt < 0; i++) {
                Api.Reply reply = Api.anonymous()
                        .post(
                                "/api/v1/activations/status",
                                "{\"activationKey\":\"00000-00000-00000-00000-0\",\"computerId\":\"x\"}");
                if (reply.status() == 429) {
                    refusedAt = i;
                    LicenseRestIT.expect(429, "RATE_LIMITED", reply);
                } else {
                    assertEquals(400, reply.status(), reply.body());
                }
            }
            assertTrue(refusedAt >= 1 && refusedAt <= 4, "refused at request " + refusedAt);
        } finally {
            // the test servers' own value (arquillian-tests/pom.xml): the other tests activate in bulk
            OwnInstance.setting("licentia.activation.max-requests-per-minute", "1000000");
        }
    }

    // --- helpers ---------------------------------------------------------------------------------

    record Reply(int status, String body) {
        void requireFault(int status, String faultCode, String code) {
            requireFault(status, faultCode, code, "");
        }

        void requireFault(int expectedStatus, String faultCode, String code, String what) {
            assertEquals(expectedStatus, status, what + ": " + body);
            assertTrue(body.contains("<faultcode>" + faultCode + "</faultcode>"), what + ": " + body);
            assertTrue(body.contains("code>" + code + "</"), what + ": " + body);
            assertFalse(body.contains("Exception") || body.contains("\tat "), what + ": " + body);
        }
    }

    private static Reply soap(
            String service, String user, String password, String envelope, Map<String, String> headers)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(Api.BASE + "/soap/" + service))
                .header("Content-Type", "text/xml; charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofString(envelope, StandardCharsets.UTF_8));
        if (user != null) {
            request.header(
                    "Authorization",
                    "Basic "
                            + Base64.getEncoder()
                                    .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
        }
        if (headers != null) {
            headers.forEach(request::header);
        }
        HttpResponse<String> answer = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new Reply(answer.statusCode(), answer.body());
    }

    /** A GET with HTTP Basic from another local address (127.0.0.2), which the JDK's HTTP client cannot choose. */
    private static int statusFrom(String localAddress, String path, String user, String password) throws IOException {
        String credentials =
                Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        return exchange(
                localAddress,
                "GET " + path + " HTTP/1.1\r\nHost: localhost:8280\r\nAuthorization: Basic " + credentials
                        + "\r\nAccept: application/json\r\nConnection: close\r\n\r\n");
    }

    /** A JSON POST without sign-in from another local address. */
    private static int postFrom(String localAddress, String path, String json) throws IOException {
        return exchange(
                localAddress,
                "POST " + path + " HTTP/1.1\r\nHost: localhost:8280\r\nContent-Type: application/json\r\n"
                        + "Content-Length: " + json.getBytes(StandardCharsets.UTF_8).length
                        + "\r\nConnection: close\r\n\r\n" + json);
    }

    private static int exchange(String localAddress, String request) throws IOException {
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(localAddress, 0));
            socket.connect(new InetSocketAddress("127.0.0.1", 8280), 10_000);
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.UTF_8));
            out.flush();
            String statusLine = new String(socket.getInputStream().readNBytes(12), StandardCharsets.US_ASCII);
            return Integer.parseInt(statusLine.substring(9, 12));
        }
    }

    private static String jsonArray(List<String> values) {
        return values.stream().map(v -> "\"" + v + "\"").collect(java.util.stream.Collectors.joining(",", "[", "]"));
    }

    private static List<String> numbers(JsonObject answer, String member) {
        return answer.getJsonArray(member).getValuesAs(JsonObject.class).stream()
                .map(l -> l.getString("number"))
                .toList();
    }

    private static String serverLog() throws IOException {
        return Files.readString(
                Path.of(System.getProperty("licentia.it.jbossHome"), "standalone", "log", "server.log"));
    }
}
