package org.licentia.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.xml.ws.BindingProvider;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.licentia.ws.licensing.v1.CreateHardwareKeyLicense;
import org.licentia.ws.licensing.v1.CreateHardwareKeyLicenseResponse;
import org.licentia.ws.licensing.v1.GetHardwareKeyStatus;
import org.licentia.ws.licensing.v1.GetHardwareKeyStatusResponse;
import org.licentia.ws.licensing.v1.HardwareKey;
import org.licentia.ws.licensing.v1.LicenseFilePort;
import org.licentia.ws.licensing.v1.LicenseFileService;
import org.licentia.ws.licensing.v1.LicensingFault_Exception;
import org.licentia.ws.licensing.v1.SynchronizeHardwareKey;
import org.licentia.ws.licensing.v1.UploadLicenseFile;
import org.licentia.ws.licensing.v1.UploadLicenseFileResponse;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

/**
 * Hardware (USB) key licensing on a single management node (the on-prem instance under test), with
 * SoftHSM2 tokens moved in and out of the node's simulated port ({@link UsbPorts}): publisher staff
 * preload a key with the CLI as a process, the instance reads it, proves it, installs its license
 * ("Synchronize"), takes a key-bound license file update, and follows the seed's status table
 * (Normal, Removed, Fault) with its buffer license, until which seats are still granted and after
 * which they are not. A license object copied onto another token counts for nothing.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HardwareKeyIT extends WithOnPremInstance {

    private static final int ON_PREM_MANAGEMENT = 10390;
    private static final String LIBRARY = "licentia.hardware-key.pkcs11-library";
    private static final String ENVIRONMENT = "licentia.hardware-key.pkcs11-environment";
    private static final String BUFFER_DAYS = "licentia.hardware-key.buffer-days";

    private static final UsbPorts PORTS = new UsbPorts("single-node");
    private static Customer customer;
    private static String first;
    private static String second;
    private static UsbPorts.Key key;
    private static String keyId;
    private static String seatToken;

    @BeforeEach
    void instanceReadingItsPort() {
        OnPrem.trustPublisherKeys();
    }

    @AfterAll
    static void unplugEverything() {
        OnPrem.ADMIN.delete("/api/v1/hardware-keys/installed");
        for (String setting : List.of(LIBRARY, ENVIRONMENT, BUFFER_DAYS, "licentia.upstream.public-keys")) {
            ServerSettings.set(ON_PREM_MANAGEMENT, setting, null);
        }
    }

    @Test
    @Order(1)
    void preloadsAKeyWithTheCliAndTheNodeInstallsItsLicense() throws Exception {
        Api.Reply unconfigured = OnPrem.ADMIN.get("/api/v1/hardware-keys/status");
        assertEquals(409, unconfigured.status(), unconfigured.body());
        assertEquals("HARDWARE_KEYS_NOT_CONFIGURED", unconfigured.code());

        customer = Customer.create("USB key");
        first = customer.license(20);
        second = customer.license(3);
        key = PORTS.newToken("licentia-key-1");
        CliIT.Run preloaded = PORTS.preloadWithCli(key, first);
        assertEquals(0, preloaded.exit(), preloaded.out() + preloaded.err());
        assertTrue(
                preloaded.out().contains("Hardware key ") && preloaded.out().contains(":licentia-key-1 preloaded"),
                preloaded.out());
        assertTrue(Customer.registeredInstance(first).startsWith("usb-key:"), "the license is registered to the key");

        ServerSettings.set(ON_PREM_MANAGEMENT, LIBRARY, UsbPorts.MODULE);
        ServerSettings.set(ON_PREM_MANAGEMENT, ENVIRONMENT, PORTS.environmentOf("onprem"));
        ServerSettings.set(ON_PREM_MANAGEMENT, BUFFER_DAYS, "7");

        JsonObject empty = status();
        assertEquals("REMOVED", empty.getString("status"), "no key in the node");
        Api.Reply nothingToSync = OnPrem.ADMIN.post("/api/v1/hardware-keys/sync", null);
        assertEquals(409, nothingToSync.status(), nothingToSync.body());
        assertEquals("HARDWARE_KEY_NOT_READY", nothingToSync.code());

        PORTS.plug(key, "onprem");
        JsonObject normal = status();
        assertEquals("NORMAL", normal.getString("status"), normal.toString());
        JsonObject seen = onlyKey(normal);
        keyId = seen.getString("keyId");
        assertTrue(seen.getBoolean("genuine"), seen.toString());
        assertEquals(List.of(first), seen.getJsonArray("licenses").getValuesAs(JsonString::getString));

        CliIT.Run id = CliIT.licentia(CliIT.onPremAdmin("hardware-key", "id"));
        assertEquals(0, id.exit(), id.err());
        assertEquals(keyId, id.out().strip(), "Copy USB Key ID");

        CliIT.Run sync = CliIT.licentia(CliIT.onPremAdmin("hardware-key", "sync"));
        assertEquals(0, sync.exit(), sync.out() + sync.err());
        assertTrue(sync.out().contains("Added:   " + first), sync.out());
        JsonObject hosted = OnPrem.hosted().get(first);
        assertEquals("hardware-key", hosted.getString("source"));
        assertEquals(20, hosted.getInt("seats"));
        Api.Reply again = OnPrem.ADMIN.post("/api/v1/hardware-keys/sync", null);
        assertEquals(200, again.status(), again.body());
        assertTrue(again.json().getBoolean("alreadyApplied"));

        theLicensePageShowsTheKey();

        JsonObject record = OnPrem.ADMIN
                .get("/api/v1/licensing-records?license=" + first)
                .json()
                .getJsonArray("records")
                .getJsonObject(0);
        assertEquals("HARDWARE_KEY", record.getString("method"), record.toString());

        CliIT.Run shown = CliIT.licentia(CliIT.onPremAdmin("hardware-key", "status"));
        assertEquals(0, shown.exit(), shown.err());
        assertTrue(shown.out().contains("USB key status:   Normal"), shown.out());
        assertTrue(shown.out().contains(keyId), shown.out());

        seatToken = OnPrem.ADMIN
                .post("/api/v1/client-tokens", "{\"name\":\"usb-key-" + Api.uniqueNumber() + "\"}")
                .json()
                .getString("token");
        assertEquals(201, seat("usb-1").status());
    }

    /** The License page's USB key section, in Chromium: the status, the key ID to copy, and Synchronize. */
    private void theLicensePageShowsTheKey() {
        Chromium.require("License page's USB key test");
        try (Chromium browser = Chromium.start(true)) {
            WebDriver page = ConsolePagesIT.signIn(browser, OnPrem.BASE + "/console", Api.ADMIN, Api.ADMIN_PASSWORD);
            page.get(OnPrem.BASE + "/console/instance/license.xhtml");
            assertEquals("NORMAL", page.findElement(By.id("keyStatus")).getText());
            assertEquals(
                    keyId,
                    page.findElement(By.cssSelector("#usbKeys input.key-id")).getDomProperty("value"));
            assertEquals(
                    keyId,
                    page.findElement(By.cssSelector("#usbKeys button.copy")).getDomAttribute("data-copy"),
                    "Copy USB Key ID copies the key ID");
            ConsolePagesIT.submit(page, By.id("keys:synchronize"));
            String message = ConsolePagesIT.messages(page);
            assertTrue(message.contains("installed already"), message);
            ((org.openqa.selenium.JavascriptExecutor) page)
                    .executeScript("document.getElementById('usbKeys').scrollIntoView();");
            browser.screenshot("console-usb-keys");
        }
    }

    @Test
    @Order(2)
    void aLicenseCopiedToAnotherTokenCountsForNothingAndAKeyBoundFileUpdatesTheKey() throws Exception {
        // the publisher makes the key a newer file with a second license ("use that ID to apply")
        java.nio.file.Path updateFile = PORTS.file("update.zip", new byte[0]);
        CliIT.Run made = CliIT.licentia(
                CliIT.admin("hardware-key", "license", "--key-id", keyId, "-l", second, "-o", updateFile.toString()));
        assertEquals(0, made.exit(), made.out() + made.err());
        byte[] update = java.nio.file.Files.readAllBytes(updateFile);

        // another token, its own key pair, the key's license object copied onto it
        UsbPorts.Key copy = PORTS.newToken("licentia-copy");
        PORTS.tokenTool("keypair", copy.label());
        PORTS.tokenTool("preload", copy.label(), updateFile.toString());
        PORTS.plug(copy, "onprem");
        JsonObject withCopy = status();
        assertEquals("NORMAL", withCopy.getString("status"), "a copy is not a second key: " + withCopy);
        JsonObject copied = keysOf(withCopy).stream()
                .filter(k -> !k.getString("keyId").equals(keyId))
                .findFirst()
                .orElseThrow();
        assertFalse(copied.getBoolean("genuine"));
        assertTrue(copied.getString("problem").contains("copied from another key"), copied.toString());
        PORTS.unplug(copy);

        // "Upload License" of the key-bound file, with the key in the node
        LicenseFileIT.Reply applied = upload(update);
        assertEquals(200, applied.status(), applied.text());
        JsonObject result = applied.json();
        assertEquals(List.of(second), result.getJsonArray("added").getValuesAs(JsonString::getString));
        assertEquals(List.of(first), result.getJsonArray("updated").getValuesAs(JsonString::getString));
        assertEquals("hardware-key", OnPrem.hosted().get(second).getString("source"));
        assertTrue(upload(update).json().getBoolean("alreadyApplied"));
        // the key still holds file 1: synchronizing it now would go back, and is refused
        Api.Reply older = OnPrem.ADMIN.post("/api/v1/hardware-keys/sync", null);
        assertEquals(409, older.status(), older.body());
        assertEquals("LICENSE_FILE_SUPERSEDED", older.code());
    }

    @Test
    @Order(3)
    void twoKeysInOneNodeAreAFaultThatTheBufferCoversUntilItEnds() throws Exception {
        String third = customer.license(2);
        UsbPorts.Key other = PORTS.newToken("licentia-key-2");
        CliIT.Run preloaded = PORTS.preloadWithCli(other, third);
        assertEquals(0, preloaded.exit(), preloaded.out() + preloaded.err());
        PORTS.plug(other, "onprem");

        JsonObject fault = status();
        assertEquals("FAULT", fault.getString("status"), fault.toString());
        assertTrue(fault.getBoolean("usable"), "the buffer license covers it");
        Instant since = Instant.parse(fault.getString("degradedSince"));
        assertEquals(since.plus(Duration.ofDays(7)), Instant.parse(fault.getString("bufferEndsAt")));
        Api.Reply refused = OnPrem.ADMIN.post("/api/v1/hardware-keys/sync", null);
        assertEquals("HARDWARE_KEY_NOT_READY", refused.code(), "which key? Synchronize needs one");
        eventually(() -> seat("usb-2").status() == 201);

        ServerSettings.set(ON_PREM_MANAGEMENT, BUFFER_DAYS, "0");
        assertFalse(status().getBoolean("usable"));
        eventually(() -> bufferExpired(seat("usb-3-" + Api.uniqueNumber())));

        PORTS.unplug(other);
        JsonObject back = status();
        assertEquals("NORMAL", back.getString("status"));
        assertTrue(back.getBoolean("usable"));
        assertTrue(!back.containsKey("bufferEndsAt"));
        eventually(() -> seat("usb-4").status() == 201);
    }

    @Test
    @Order(4)
    void aRemovedKeyKeepsTheLicensingForTheBufferOnly() {
        ServerSettings.set(ON_PREM_MANAGEMENT, BUFFER_DAYS, "7");
        PORTS.unplug(key);
        JsonObject removed = status();
        assertEquals("REMOVED", removed.getString("status"));
        assertFalse(removed.getBoolean("installedKeyPresent"));
        assertTrue(removed.getBoolean("usable"));
        eventually(() -> seat("usb-5").status() == 201);
        eventually(() -> licenseStatus().equals("VALID") && usbKeyAlert().contains("buffer license keeps it usable"));

        ServerSettings.set(ON_PREM_MANAGEMENT, BUFFER_DAYS, "0");
        assertFalse(status().getBoolean("usable"));
        eventually(() -> bufferExpired(seat("usb-6-" + Api.uniqueNumber())));
        eventually(() ->
                licenseStatus().equals("KEY_BUFFER_ENDED") && usbKeyAlert().contains("buffer license ended"));

        PORTS.plug(key, "onprem");
        assertEquals("NORMAL", status().getString("status"));
        eventually(() -> seat("usb-7").status() == 201);
        eventually(() -> licenseStatus().equals("VALID") && usbKeyAlert().isEmpty());
        ServerSettings.set(ON_PREM_MANAGEMENT, BUFFER_DAYS, "7");
    }

    @Test
    @Order(5)
    void refusesWhatItMustRefuse() {
        // the same key ID with another key pair (a token that copied the serial and label)
        String otherKey =
                "MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAEzmUPzuaIqR3n+/+9o6NViVrCODR8kNlJTvRdJ4d+DFCrVhbdbbqWGYXqQpT3"
                        + "PMIwfT9sVIZ60b7dKkuN56Aj1Q==";
        LicenseFileIT.Reply mismatch = keyLicense(Api.admin(), keyId, otherKey, List.of(second));
        assertEquals(409, mismatch.status(), mismatch.text());
        assertEquals("HARDWARE_KEY_MISMATCH", mismatch.code());
        LicenseFileIT.Reply badId = keyLicense(Api.admin(), "no colon", null, List.of(second));
        assertEquals(400, badId.status(), badId.text());
        assertEquals("HARDWARE_KEY_INVALID", badId.code());
        LicenseFileIT.Reply unknown = keyLicense(Api.admin(), "0000:nobody", null, List.of(second));
        assertEquals(404, unknown.status(), unknown.text());
        assertEquals("HARDWARE_KEY_NOT_FOUND", unknown.code());
        // a manager of another account gets nothing of a key that holds none of their licenses
        Customer stranger = Customer.create("Not theirs");
        String manager = stranger.user("manager", "license-manager");
        Api asStranger = Api.as(manager, stranger.password(manager));
        LicenseFileIT.Reply notTheirs = keyLicense(asStranger, keyId, null, List.of(stranger.license(1)));
        assertEquals(404, notTheirs.status(), notTheirs.text());
        assertEquals("HARDWARE_KEY_NOT_FOUND", notTheirs.code(), "the key's file would show the key's licenses");
        // nor put this account's license on a key of their own
        LicenseFileIT.Reply notTheirLicense =
                keyLicense(asStranger, "0001:stranger-key", otherKey, List.of(customer.license(1)));
        assertEquals(404, notTheirLicense.status(), notTheirLicense.text());
        assertEquals("LICENSE_NOT_FOUND", notTheirLicense.code());
        // the keys carry every account's licenses: an account's manager on the instance sees none of it
        Api accountUser = Api.as(OnPrem.BASE, "example.user1@company.com", "1111111111");
        assertEquals(403, accountUser.get("/api/v1/hardware-keys/status").status());
        assertEquals(403, accountUser.post("/api/v1/hardware-keys/sync", null).status());
        assertEquals(
                401, Api.anonymous(OnPrem.BASE).get("/api/v1/hardware-keys/ids").status());
        // out-of-range settings are refused by name, not rounded
        ServerSettings.set(ON_PREM_MANAGEMENT, BUFFER_DAYS, "3651");
        Api.Reply badSetting = OnPrem.ADMIN.get("/api/v1/hardware-keys/status");
        assertEquals(409, badSetting.status(), badSetting.body());
        assertTrue(badSetting.body().contains(BUFFER_DAYS), badSetting.body());
        ServerSettings.set(ON_PREM_MANAGEMENT, BUFFER_DAYS, "7");
        // unknown members and trailing text in the request
        LicenseFileIT.Reply unknownMember = LicenseFileIT.bytes(
                "POST",
                Api.BASE,
                "/api/v1/hardware-keys",
                Api.admin().authorization(),
                "application/json",
                ("{\"keyId\":\"" + keyId + "\",\"licenses\":[\"" + second + "\"],\"owner\":\"x\"}")
                        .getBytes(StandardCharsets.UTF_8));
        assertEquals(400, unknownMember.status(), unknownMember.text());
    }

    @Test
    @Order(6)
    void theSameOverSoap() throws Exception {
        LicenseFilePort publisher = port(Api.BASE);
        CreateHardwareKeyLicense create = new CreateHardwareKeyLicense();
        create.setKeyId(keyId);
        create.getLicense().add(second);
        CreateHardwareKeyLicenseResponse made = publisher.createHardwareKeyLicense(create);
        assertEquals(3, made.getSerial(), "the key's third license file");
        assertEquals(List.of(first, second).stream().sorted().toList(), made.getLicense());

        LicenseFilePort instance = port(OnPrem.BASE);
        GetHardwareKeyStatusResponse status = instance.getHardwareKeyStatus(new GetHardwareKeyStatus());
        assertEquals("NORMAL", status.getStatus());
        assertEquals(keyId, status.getInstalledKey());
        assertEquals(1, status.getManagementNode().size());
        HardwareKey seen = status.getManagementNode().get(0).getKey().get(0);
        assertEquals(keyId, seen.getKeyId());
        assertTrue(seen.isGenuine());

        UploadLicenseFile upload = new UploadLicenseFile();
        upload.setLicenseFile(made.getLicenseFile());
        UploadLicenseFileResponse applied = instance.uploadLicenseFile(upload);
        assertEquals(3, applied.getSerial());
        assertEquals(List.of(first, second).stream().sorted().toList(), applied.getUpdated());

        LicensingFault_Exception older = assertThrows(
                LicensingFault_Exception.class, () -> instance.synchronizeHardwareKey(new SynchronizeHardwareKey()));
        assertEquals("LICENSE_FILE_SUPERSEDED", older.getFaultInfo().getCode());

        CreateHardwareKeyLicense mismatched = new CreateHardwareKeyLicense();
        mismatched.setKeyId("0000:nobody");
        mismatched.getLicense().add(second);
        LicensingFault_Exception unknown =
                assertThrows(LicensingFault_Exception.class, () -> publisher.createHardwareKeyLicense(mismatched));
        assertEquals("HARDWARE_KEY_NOT_FOUND", unknown.getFaultInfo().getCode());
    }

    private static LicenseFilePort port(String base) {
        LicenseFilePort port = new LicenseFileService().getLicenseFilePort();
        Map<String, Object> context = ((BindingProvider) port).getRequestContext();
        context.put(BindingProvider.ENDPOINT_ADDRESS_PROPERTY, base + "/soap/LicenseFileService");
        context.put(BindingProvider.USERNAME_PROPERTY, Api.ADMIN);
        context.put(BindingProvider.PASSWORD_PROPERTY, Api.ADMIN_PASSWORD);
        return port;
    }

    @Test
    @Order(7)
    void theAdminRemovesTheKeysLicensesFromTheInstance() {
        Api.Reply removed = OnPrem.ADMIN.delete("/api/v1/hardware-keys/installed");
        assertEquals(200, removed.status(), removed.body());
        assertEquals(
                List.of(first, second).stream().sorted().toList(),
                removed.json().getJsonArray("removed").getValuesAs(JsonString::getString));
        assertFalse(OnPrem.hosted().containsKey(first));
        assertTrue(!status().containsKey("installedKey"));
    }

    @Test
    @Order(8)
    void thePublisherRetiresALostKeyAndItsLicensesGoOnAnotherKey() throws Exception {
        String retirement = "/api/v1/hardware-keys/preloaded/" + keyId + "/retirement";
        Customer stranger = Customer.create("Key retirer");
        String manager = stranger.user("manager", "license-manager");
        assertEquals(
                403,
                Api.as(manager, stranger.password(manager))
                        .post(retirement, "{}")
                        .status());

        CliIT.Run retired = CliIT.licentia(CliIT.admin("hardware-key", "retire", "--key-id", keyId));
        assertEquals(0, retired.exit(), retired.out() + retired.err());
        assertTrue(
                retired.out()
                        .contains("Freed: "
                                + String.join(
                                        ", ",
                                        List.of(first, second).stream().sorted().toList())),
                retired.out());
        assertEquals(null, Customer.registeredInstance(first), "free for another key");
        Api.Reply again = Api.admin().post(retirement, "{}");
        assertEquals(200, again.status(), again.body());
        assertTrue(again.json().getJsonArray("freed").isEmpty());

        UsbPorts.Key replacement = PORTS.newToken("licentia-key-3");
        CliIT.Run preloaded = PORTS.preloadWithCli(replacement, first);
        assertEquals(0, preloaded.exit(), preloaded.out() + preloaded.err());
        assertTrue(Customer.registeredInstance(first).endsWith(":licentia-key-3"));
    }

    private static JsonObject status() {
        Api.Reply status = OnPrem.ADMIN.get("/api/v1/hardware-keys/status");
        assertEquals(200, status.status(), status.body());
        return status.json();
    }

    private static List<JsonObject> keysOf(JsonObject status) {
        return status.getJsonArray("nodes").getValuesAs(JsonObject.class).stream()
                .filter(n -> n.getBoolean("live"))
                .flatMap(n -> n.getJsonArray("keys").getValuesAs(JsonObject.class).stream())
                .toList();
    }

    private static JsonObject onlyKey(JsonObject status) {
        List<JsonObject> keys = keysOf(status);
        assertEquals(1, keys.size(), status.toString());
        return keys.get(0);
    }

    private static Api.Reply seat(String client) {
        return Api.bearer(OnPrem.BASE, seatToken)
                .post("/api/v1/seats", "{\"license\":\"" + first + "\",\"client\":\"" + client + "\"}");
    }

    /** The status of the key's first license in the instance's status answer. */
    private static String licenseStatus() {
        return OnPrem.ADMIN.get("/api/v1/status").json().getJsonArray("licenses").getValuesAs(JsonObject.class).stream()
                .filter(l -> first.equals(l.getString("number")))
                .map(l -> l.getString("status"))
                .findFirst()
                .orElse("not hosted");
    }

    /** The reason of the USB key alert on the key's first license, or "" when there is none. */
    private static String usbKeyAlert() {
        return OnPrem.ADMIN.get("/api/v1/status").json().getJsonArray("alerts").getValuesAs(JsonObject.class).stream()
                .filter(a -> "USB_KEY_ABNORMALITY".equals(a.getString("kind")) && first.equals(a.getString("license")))
                .map(a -> a.getString("reason"))
                .findFirst()
                .orElse("");
    }

    /**
     * Refused because the key's buffer license has ended. Each try is a new client: a seat granted
     * before the change reached the seat path would otherwise be given back to the same client.
     */
    private static boolean bufferExpired(Api.Reply seat) {
        return seat.status() == 409 && "HARDWARE_KEY_BUFFER_EXPIRED".equals(seat.code());
    }

    static LicenseFileIT.Reply keyLicense(Api as, String keyId, String publicKey, List<String> licenses) {
        var list = Json.createArrayBuilder();
        licenses.forEach(list::add);
        var body = Json.createObjectBuilder().add("keyId", keyId).add("licenses", list);
        if (publicKey != null) {
            body.add("publicKey", publicKey);
        }
        return LicenseFileIT.bytes(
                "POST",
                Api.BASE,
                "/api/v1/hardware-keys",
                as.authorization(),
                "application/json",
                body.build().toString().getBytes(StandardCharsets.UTF_8));
    }

    private static LicenseFileIT.Reply upload(byte[] zip) {
        return LicenseFileIT.bytes(
                "POST",
                OnPrem.BASE,
                "/api/v1/license-files/upload",
                OnPrem.ADMIN.authorization(),
                "application/zip",
                zip);
    }

    /** Up to 10 s: seat decisions read the key licensing at most 2 s old. */
    static void eventually(Supplier<Boolean> condition) {
        for (int i = 0; i < 100; i++) {
            if (condition.get()) {
                return;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        assertNotNull(null, "the condition did not hold within 10 s");
    }
}
