package org.licentia.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.licentia.client.activation.ComputerKey;
import org.licentia.client.licensefile.RequestCode;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The console's pages (docs/console.md) in headless Chromium, against a publisher and an on-prem
 * instance: the instance's License page (an expired instance lands there; the alert banner; a
 * license file uploaded through the page; the request code and the Licensing Record's CSV
 * downloaded), the publisher portal (a license found by its activation key, a computer activated
 * with the computer key as text and QR code, released without and with a deactivation code, a
 * license file made from a request code), each refused for a role that may not, and the sign-in
 * (wrong password, throttling, sign-out, a forged form). The customer's account name and the
 * computer's name and fields carry markup that must show as text and never run. Every page leaves
 * a screenshot under {@code arquillian-tests/target/screenshots/}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsolePagesIT extends WithOnPremInstance {

    /** Cookies are per host, not per port: the instance's pages are opened by its address, the publisher's by name. */
    private static final String INSTANCE = OnPrem.BASE.replace("localhost", "127.0.0.1") + "/console";

    private static final String PUBLISHER = Api.BASE + "/console";
    private static final int PUBLISHER_MANAGEMENT = 10190;
    private static final int ON_PREM_MANAGEMENT = 10390;
    /**
     * The instance's day is ahead of its publisher's (as in LicenseStatusIT): a license that ends on the
     * publisher's today can still be put in a license file, and has expired on the instance.
     */
    private static final ZoneId PUBLISHER_ZONE = ZoneId.of("Etc/GMT+12");
    /** Runs if a page inserted it as markup instead of showing it as text. */
    private static final String MARKUP = "<img src=x onerror=window.injected=1>";

    private static Chromium browser;
    private static PublisherProxy proxy;
    private static Customer customer;
    private static String manager;
    private static String viewer;
    private static String instanceManager;
    private static final String INSTANCE_MANAGER_PASSWORD = "console-manager-" + Api.uniqueNumber();

    @BeforeAll
    static void startBrowser() throws Exception {
        Chromium.require("console page tests");
        browser = Chromium.start(true);
        proxy = PublisherProxy.to(Api.BASE); // the on-prem instance's way to its publisher
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.close();
        }
        if (proxy != null) {
            proxy.close();
        }
        ServerSettings.set(PUBLISHER_MANAGEMENT, "licentia.time-zone", null);
        ServerSettings.set(ON_PREM_MANAGEMENT, "licentia.time-zone", null);
    }

    /**
     * The customer (its account name carries markup) with a manager and a viewer at the publisher,
     * and a manager of the same account on the instance, who sees only that account's licenses.
     */
    @BeforeEach
    void customerAndInstance() {
        if (customer == null) {
            ServerSettings.set(PUBLISHER_MANAGEMENT, "licentia.time-zone", PUBLISHER_ZONE.getId());
            ServerSettings.set(ON_PREM_MANAGEMENT, "licentia.time-zone", PUBLISHER_ZONE.getId());
            OnPrem.trustPublisherKeys();
            customer = Customer.create("Console " + MARKUP);
            manager = customer.user("manager", "license-manager");
            viewer = customer.user("viewer", "viewer");
            Api.Reply account = OnPrem.ADMIN.post(
                    "/api/v1/accounts",
                    Json.createObjectBuilder()
                            .add("name", customer.account)
                            .build()
                            .toString());
            assertEquals(201, account.status(), account.body());
            instanceManager = "console-manager-" + Api.uniqueNumber() + "@company.example";
            Api.Reply user = OnPrem.ADMIN.post(
                    "/api/v1/users",
                    Json.createObjectBuilder()
                            .add("email", instanceManager)
                            .add("password", INSTANCE_MANAGER_PASSWORD)
                            .add("account", customer.account)
                            .add("role", "license-manager")
                            .build()
                            .toString());
            assertEquals(201, user.status(), user.body());
        }
    }

    @Test
    @Order(1)
    void signingInToAnInstanceWhoseLicensesAllExpiredLandsOnTheLicensePage() {
        String expired =
                customer.license(1, "2026-01-01", LocalDate.now(PUBLISHER_ZONE).toString());
        JsonObject applied = uploadWithApi(licenseFile(requestCodeWithApi(), List.of(expired)));
        assertTrue(applied.toString().contains(expired), applied.toString());
        // a day later on the instance: its last day has passed
        ServerSettings.set(ON_PREM_MANAGEMENT, "licentia.time-zone", "Etc/GMT-14");
        // the publisher leaves it out of the instance's next license file, which an instance refuses
        // while one of its licenses has expired
        Api.Reply revoked = Api.admin().post("/api/v1/licenses/" + expired + "/revoke", "{\"reason\":\"expired\"}");
        assertEquals(200, revoked.status(), revoked.body());

        WebDriver page = signIn(INSTANCE, instanceManager, INSTANCE_MANAGER_PASSWORD);

        assertTrue(
                page.getCurrentUrl().contains("/instance/license.xhtml"),
                "every license of the user's account expired: signing in lands on the License page, not "
                        + page.getCurrentUrl());
        assertTrue(page.findElement(By.id("allExpired")).isDisplayed());
        assertEquals("EXPIRED", page.findElement(By.id("licenseStatus")).getText());
        String banner = page.findElement(By.id("alertBanner")).getText();
        assertTrue(banner.contains("License Expired") && banner.contains(expired), banner);
        assertShownAsText(page, customer.account);
        screenshot(page, "console-license-expired");
        signOut(page);
    }

    @Test
    @Order(2)
    void theLicensePageUploadsALicenseFileDownloadsTheRequestCodeAndShowsTheRecord() throws IOException {
        LocalDate soon = LocalDate.now(ZoneOffset.UTC).plusDays(5);
        String ending = customer.license(3, "2026-01-01", soon.toString());

        WebDriver page = signIn(INSTANCE, Api.ADMIN, Api.ADMIN_PASSWORD);
        page.get(INSTANCE + "/instance/license.xhtml");
        page.findElement(By.id("requestCode:downloadRequestCode")).click();
        String requestCode = RequestCode.parse(Files.readString(browser.downloaded("licentia-request-code.txt")))
                .text();
        assertEquals(
                OnPrem.ADMIN.get("/api/v1/license-files/request-code").json().getString("instanceId"),
                RequestCode.parse(requestCode).instanceId().toString(),
                "the downloaded request code is the instance's");

        Path zip = Files.createTempFile("licentia-console-", ".zip");
        Files.write(zip, licenseFile(requestCode, List.of(ending)));
        page.findElement(By.id("upload:file")).sendKeys(zip.toAbsolutePath().toString());
        submit(page, By.id("upload:uploadButton"));
        String message = messages(page);
        assertTrue(message.contains("applied") && message.contains("Added: " + ending), message);

        String hosted = page.findElement(By.id("hostedLicenses")).getText();
        assertTrue(hosted.contains(ending) && hosted.contains("license-file") && hosted.contains("0 of 3"), hosted);
        String banner = page.findElement(By.id("alertBanner")).getText();
        assertTrue(banner.contains("License to Expire") && banner.contains(ending), banner);
        assertShownAsText(page, customer.account);
        screenshot(page, "console-license");

        // a seat in use, revoked from the page: its client learns it at its next heartbeat
        Api.Reply token =
                OnPrem.ADMIN.post("/api/v1/client-tokens", "{\"name\":\"console-" + Api.uniqueNumber() + "\"}");
        assertEquals(201, token.status(), token.body());
        Api seatClient = Api.bearer(OnPrem.BASE, token.json().getString("token"));
        String client = "console-ws-" + Api.uniqueNumber();
        Api.Reply seat =
                seatClient.post("/api/v1/seats", "{\"license\":\"" + ending + "\",\"client\":\"" + client + "\"}");
        assertEquals(201, seat.status(), seat.body());
        page.get(INSTANCE + "/instance/license.xhtml");
        assertTrue(page.findElement(By.id("hostedLicenses")).getText().contains("1 of 3"));
        submit(page, By.xpath("//tr[td[contains(., '" + client + "')]]//input[@type='submit']"));
        assertTrue(messages(page).contains("Revoked"), messages(page));
        assertFalse(page.findElement(By.tagName("body")).getText().contains(client), "the lease is gone");
        Api.Reply heartbeat = seatClient.post(
                "/api/v1/seats/" + seat.json().getJsonObject("lease").getString("id") + "/heartbeat", null);
        assertNotEquals(200, heartbeat.status(), heartbeat.body());

        page.get(INSTANCE + "/instance/records.xhtml?license=" + ending);
        String records = page.findElement(By.id("records")).getText();
        assertTrue(records.contains(ending) && records.contains(Api.ADMIN), records);
        assertTrue(page.findElement(By.id("alertBanner")).getText().contains(ending), "the banner is on every page");
        screenshot(page, "console-licensing-record");
        page.findElement(By.id("export:downloadCsv")).click();
        String csv = Files.readString(browser.downloaded("licensing-record.csv"));
        assertTrue(csv.lines().count() >= 2 && csv.contains(ending), csv);

        page.get(INSTANCE + "/instance/records.xhtml?size=1");
        assertTrue(page.findElement(By.id("recordCount")).getText().contains("page 1 of"));
        submit(page, By.id("next"));
        assertTrue(
                page.findElement(By.id("recordCount")).getText().contains("page 2 of"),
                page.findElement(By.id("recordCount")).getText());
        submit(page, By.id("previous"));
        assertTrue(page.findElement(By.id("recordCount")).getText().contains("page 1 of"));

        page.get(INSTANCE + "/instance/records.xhtml?page=2147483648");
        assertTrue(messages(page).contains("page"), "a page number out of range is refused: " + messages(page));

        page.get(INSTANCE + "/");
        assertTrue(page.findElement(By.id("alertBanner")).getText().contains(ending));
        screenshot(page, "console-overview");
        Files.delete(zip);
        signOut(page);
    }

    @Test
    @Order(3)
    void anAccountsManagerOnTheInstanceMayNotUploadNorDownloadTheRequestCodeNorSeeTheKeys() throws IOException {
        String before = OnPrem.ADMIN.get("/api/v1/license-files/applied").body();
        WebDriver page = signIn(INSTANCE, instanceManager, INSTANCE_MANAGER_PASSWORD);
        page.get(INSTANCE + "/instance/license.xhtml");
        assertTrue(page.findElements(By.id("usbKeys")).isEmpty(), "the keys carry every account's licenses");
        assertTrue(page.findElements(By.id("seatsHeading")).isEmpty(), "seats are the instance admin's");
        assertTrue(page.findElements(By.id("returns")).isEmpty(), "returns are the instance admin's");

        Path zip = Files.createTempFile("licentia-console-", ".zip");
        Files.write(zip, licenseFile(requestCodeWithApi(), List.of(customer.license(1))));
        page.findElement(By.id("upload:file")).sendKeys(zip.toAbsolutePath().toString());
        submit(page, By.id("upload:uploadButton"));
        assertTrue(messages(page).contains("FORBIDDEN"), messages(page));
        assertEquals(before, OnPrem.ADMIN.get("/api/v1/license-files/applied").body(), "nothing was applied");

        submit(page, By.id("requestCode:downloadRequestCode"));
        assertTrue(messages(page).contains("FORBIDDEN"), messages(page));
        Files.delete(zip);
        signOut(page);
        String log = Files.readString(
                Path.of(System.getProperty("licentia.it.onpremHome"), "standalone", "log", "server.log"));
        assertFalse(log.contains("EJBAccessException"), "a refused call leaves no stack trace in the instance's log");
    }

    @Test
    @Order(4)
    void thePortalFindsALicenseByItsActivationKeyActivatesAComputerAndReleasesIt() {
        JsonObject license = license(2);
        String number = license.getString("number");
        String activationKey = license.getString("activationKey");
        Computer computer = Computer.fresh();

        WebDriver page = signIn(PUBLISHER, manager, customer.password(manager));
        page.get(PUBLISHER + "/publisher/licenses.xhtml");
        assertShownAsText(page, customer.account);
        screenshot(page, "console-license-management");
        type(page, "find:number", MARKUP);
        submit(page, By.id("find:findButton"));
        assertFalse(messages(page).isBlank(), "refused");
        assertEquals(MARKUP, page.findElement(By.id("find:number")).getDomProperty("value"), "shown back as typed");
        assertNull(((JavascriptExecutor) page).executeScript("return window.injected;"), "no markup ran");
        // as a customer reads it out: lower case, spaces for hyphens
        type(page, "find:number", "");
        type(page, "find:activationKey", activationKey.toLowerCase().replace('-', ' '));
        submit(page, By.id("find:findButton"));
        assertTrue(page.getCurrentUrl().contains("number=" + number), page.getCurrentUrl());
        assertEquals(activationKey, page.findElement(By.id("activationKey")).getText());

        type(page, "activate:computerId", computer.toString());
        type(page, "activate:computerName", MARKUP);
        type(page, "activate:fields", "site=" + MARKUP + "\ncost-centre=4711");
        // with the keyboard alone: Enter in a field submits its form
        submit(page, () -> page.findElement(By.id("activate:computerName")).sendKeys(Keys.ENTER));
        assertFalse(page.findElements(By.id("computerKeyText")).isEmpty(), messages(page));
        String shown = page.findElement(By.id("computerKeyText")).getText();
        String qr = Chromium.qrCode(page.findElement(By.id("computerKeyQr")).getDomAttribute("src"));
        assertEquals(shown.replaceAll("\\s", ""), qr.replace("-", ""), "the QR code holds the key shown");
        ComputerKey key = computer.verify(qr, activationKey);
        assertEquals(number, key.terms().licenseNumber());
        List<WebElement> groups = page.findElements(By.cssSelector("#computerKeyText .group"));
        assertTrue(groups.stream().allMatch(g -> g.getText().length() <= 5), "groups of five");
        assertTrue(groups.size() <= 28, "a key a person types: " + groups.size() + " groups");
        String font = page.findElement(By.id("computerKeyText")).getCssValue("font-family");
        assertTrue(font.contains("monospace"), "the key in monospace type: " + font);
        String activations =
                page.findElement(By.id("activations:activationTable")).getText();
        assertTrue(activations.contains(MARKUP), "the computer's name shows as text: " + activations);
        assertShownAsText(page, MARKUP);
        ((JavascriptExecutor) page).executeScript("document.getElementById('computerKey').scrollIntoView();");
        screenshot(page, "console-computer-key");
        browser.phoneSized(true);
        ((JavascriptExecutor) page).executeScript("document.getElementById('computerKey').scrollIntoView();");
        screenshot(page, "console-computer-key-phone");
        Object overflow = ((JavascriptExecutor) page)
                .executeScript("return document.documentElement.scrollWidth > window.innerWidth + 1;");
        assertEquals(Boolean.FALSE, overflow, "nothing wider than a phone's screen");
        browser.phoneSized(false);

        submit(page, By.id("activations:activationTable:0:release"));
        assertTrue(messages(page).contains("Released"), messages(page));
        assertTrue(
                activationsOf(number).get(0).getString("status").matches("(?i)released|revoked|deactivated"),
                activationsOf(number).toString());
        // the licensing records name the pages as the channel, and the browser's claim apart
        var trail = Api.admin()
                .get("/api/v1/audit?itemType=activation&itemId="
                        + activationsOf(number).get(0).getString("activationId"))
                .json()
                .getJsonArray("items")
                .getValuesAs(JsonObject.class);
        assertEquals(2, trail.size(), trail.toString());
        assertTrue(trail.stream().allMatch(r -> "PAGE".equals(r.getString("channel"))), trail.toString());
        assertTrue(trail.get(0).getString("client", "").contains("Chrome"), trail.toString());

        Computer second = Computer.fresh();
        Api.Reply activated = Api.admin().post("/api/v1/activations", second.body(activationKey));
        assertEquals(201, activated.status(), activated.body());
        String dvc = second.dvc(activated.json().getString("activationId"));
        type(page, "releaseWithCode:dvc", dvc);
        submit(page, By.id("releaseWithCode:releaseButton"));
        assertTrue(messages(page).contains("genuine"), messages(page));
        screenshot(page, "console-released");

        // pasted as the instance's admin downloaded it: the request code file, comments and all
        type(
                page,
                "licenseFile:requestCode",
                OnPrem.ADMIN.get("/api/v1/license-files/request-code").json().getString("file"));
        page.findElement(By.id("licenseFile:makeLicenseFile")).click();
        Path file = browser.downloaded(downloadedZip());
        assertTrue(zipHolds(file, number), "the license file carries the license");
        signOut(page);
    }

    @Test
    @Order(5)
    void theViewerMayNotActivateAndAnotherAccountsManagerCannotTellTheLicenseExists() {
        JsonObject license = license(1);
        String number = license.getString("number");

        WebDriver page = signIn(PUBLISHER, viewer, customer.password(viewer));
        page.get(PUBLISHER + "/publisher/license.xhtml?number=" + number);
        type(page, "activate:computerId", Computer.fresh().toString());
        submit(page, By.id("activate:activateButton"));
        assertTrue(messages(page).contains("FORBIDDEN"), messages(page));
        assertTrue(page.findElements(By.id("computerKeyText")).isEmpty());
        assertEquals(0, activationsOf(number).size(), "nothing was activated");

        Api.Reply activated =
                Api.admin().post("/api/v1/activations", Computer.fresh().body(license.getString("activationKey")));
        assertEquals(201, activated.status(), activated.body());
        page.get(PUBLISHER + "/publisher/license.xhtml?number=" + number);
        submit(page, By.id("activations:activationTable:0:release"));
        assertTrue(messages(page).contains("FORBIDDEN"), messages(page));
        assertEquals("ACTIVE", activationsOf(number).get(0).getString("status"), "not released");
        type(page, "licenseFile:requestCode", requestCodeWithApi());
        submit(page, By.id("licenseFile:makeLicenseFile"));
        assertTrue(messages(page).contains("FORBIDDEN"), messages(page));
        assertNull(Customer.registeredInstance(number), "no license file was made");
        signOut(page);

        Customer other = Customer.create("Console other");
        String otherManager = other.user("manager", "license-manager");
        page = signIn(PUBLISHER, otherManager, other.password(otherManager));
        page.get(PUBLISHER + "/publisher/license.xhtml?number=" + number);
        String someoneElses = messages(page).replace(number, "N");
        String missing = Api.uniqueNumber();
        page.get(PUBLISHER + "/publisher/license.xhtml?number=" + missing);
        assertEquals(someoneElses, messages(page).replace(missing, "N"), "the same answer whether it exists or not");
        assertTrue(page.findElements(By.id("terms")).isEmpty());
        screenshot(page, "console-not-found");
        signOut(page);
    }

    @Test
    @Order(6)
    void signInRefusesAWrongPasswordSlowsAGuesserSignsOutAndIgnoresAForgedForm() throws Exception {
        WebDriver page = browser.driver();
        page.get(PUBLISHER + "/");
        screenshot(page, "console-sign-in");
        type(page, "j_username", manager);
        type(page, "j_password", "wrong");
        submit(page, By.id("signIn"));
        assertTrue(page.findElement(By.id("signInFailed")).isDisplayed());

        String guessed = customer.user("guessed", "viewer");
        HttpClient http = HttpClient.newBuilder().build();
        String waited = null;
        for (int i = 0; i < 8 && waited == null; i++) {
            HttpResponse<String> answer = http.send(
                    HttpRequest.newBuilder(URI.create(Api.BASE + "/console/j_security_check"))
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(HttpRequest.BodyPublishers.ofString("j_username="
                                    + URLEncoder.encode(guessed, StandardCharsets.UTF_8) + "&j_password=guess-" + i))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            waited = answer.headers()
                    .firstValue("Location")
                    .filter(l -> l.contains("wait="))
                    .orElse(null);
        }
        assertTrue(waited != null, "after a few wrong passwords the guesser is told to wait");

        // a form posted from elsewhere carries no view state of this session: nothing happens
        JsonObject license = license(1);
        String number = license.getString("number");
        HttpClient signedIn =
                HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        signedIn.send(
                HttpRequest.newBuilder(URI.create(PUBLISHER + "/")).build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> in = signedIn.send(
                HttpRequest.newBuilder(URI.create(PUBLISHER + "/j_security_check"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("j_username="
                                + URLEncoder.encode(manager, StandardCharsets.UTF_8) + "&j_password="
                                + URLEncoder.encode(customer.password(manager), StandardCharsets.UTF_8)))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(302, in.statusCode(), in.body());
        HttpResponse<String> forged = signedIn.send(
                HttpRequest.newBuilder(URI.create(PUBLISHER + "/publisher/license.xhtml?number=" + number))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("activate=activate&activate%3AcomputerId="
                                + URLEncoder.encode(Computer.fresh().toString(), StandardCharsets.UTF_8)
                                + "&activate%3AactivateButton=Activate&jakarta.faces.ViewState=1234%3A5678"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertFalse(forged.body().contains("computerKeyText"), "no computer key for a forged form");
        assertEquals(302, forged.statusCode(), "sent to the overview");
        assertEquals(0, activationsOf(number).size(), "a forged form activates nothing");

        page = signIn(PUBLISHER, manager, customer.password(manager));
        signOut(page);
        assertTrue(page.findElement(By.id("signedOut")).isDisplayed());
        page.get(PUBLISHER + "/instance/license.xhtml");
        assertFalse(page.findElements(By.id("signInForm")).isEmpty(), "signed out: the pages ask to sign in again");
    }

    @Test
    @Order(7)
    void licensesAreReturnedOfflineWithTheRequestFileAndTheResponseFile() throws IOException {
        String returned = customer.license(2);
        uploadWithApi(licenseFile(requestCodeWithApi(), List.of(returned)));

        WebDriver page = signIn(INSTANCE, Api.ADMIN, Api.ADMIN_PASSWORD);
        page.get(INSTANCE + "/instance/license.xhtml");
        page.findElement(By.id("returnRequest:downloadReturnRequest")).click();
        Path request = browser.downloaded(downloaded("-request.json"));
        page.get(INSTANCE + "/instance/license.xhtml");
        assertTrue(page.findElement(By.id("returnState")).getText().contains("PENDING"));
        screenshot(page, "console-return-pending");
        signOut(page);

        page = signIn(PUBLISHER, viewer, customer.password(viewer));
        page.get(PUBLISHER + "/publisher/licenses.xhtml");
        page.findElement(By.id("processReturn:returnRequest"))
                .sendKeys(request.toAbsolutePath().toString());
        submit(page, By.id("processReturn:processReturnButton"));
        assertTrue(messages(page).contains("FORBIDDEN"), "a viewer may not process returns: " + messages(page));
        assertNotNull(Customer.registeredInstance(returned), "nothing was freed");
        signOut(page);

        page = signIn(PUBLISHER, Api.ADMIN, Api.ADMIN_PASSWORD);
        page.get(PUBLISHER + "/publisher/licenses.xhtml");
        page.findElement(By.id("processReturn:returnRequest"))
                .sendKeys(request.toAbsolutePath().toString());
        page.findElement(By.id("processReturn:processReturnButton")).click();
        Path response = browser.downloaded(downloaded("-response.json"));
        assertNull(Customer.registeredInstance(returned), "freed at the publisher");
        signOut(page);

        page = signIn(INSTANCE, Api.ADMIN, Api.ADMIN_PASSWORD);
        page.get(INSTANCE + "/instance/license.xhtml");
        page.findElement(By.id("returnConfirm:response"))
                .sendKeys(response.toAbsolutePath().toString());
        submit(page, By.id("returnConfirm:confirmReturn"));
        String message = messages(page);
        assertTrue(message.contains("returned") && message.contains(returned), message);
        assertFalse(page.findElement(By.tagName("body")).getText().contains(returned + " "), "no longer hosted");
        assertTrue(page.findElement(By.id("returnState")).getText().contains("RETURNED"));
        screenshot(page, "console-returned");
        signOut(page);
    }

    @Test
    @Order(8)
    void licensesAreReturnedOnlineWithThePublisherAccount() {
        String returned = customer.license(2);
        uploadWithApi(licenseFile(requestCodeWithApi(), List.of(returned)));

        WebDriver page = signIn(INSTANCE, Api.ADMIN, Api.ADMIN_PASSWORD);
        page.get(INSTANCE + "/instance/license.xhtml");
        type(page, "returnOnline:email", Api.ADMIN);
        type(page, "returnOnline:password", "not the password");
        submit(page, By.id("returnOnline:returnOnlineButton"));
        assertFalse(messages(page).contains("Returned"), messages(page));
        assertNotNull(Customer.registeredInstance(returned), "a wrong password returns nothing");

        type(page, "returnOnline:email", Api.ADMIN);
        type(page, "returnOnline:password", Api.ADMIN_PASSWORD);
        submit(page, By.id("returnOnline:returnOnlineButton"));
        String message = messages(page);
        assertTrue(message.contains("Returned to the publisher") && message.contains(returned), message);
        assertNull(Customer.registeredInstance(returned), "freed at the publisher");
        assertEquals("", page.findElement(By.id("returnOnline:password")).getDomProperty("value"), "never shown back");
        screenshot(page, "console-returned-online");
        signOut(page);
    }

    @Test
    @Order(9)
    void theCoreFlowsWorkWithoutJavaScript() {
        JsonObject license = license(1);
        Computer computer = Computer.fresh();
        try (Chromium noScript = Chromium.start(false)) {
            WebDriver page = signIn(noScript, PUBLISHER, manager, customer.password(manager));
            page.get(PUBLISHER + "/publisher/licenses.xhtml");
            type(page, "find:number", license.getString("number"));
            submit(page, By.id("find:findButton"));
            type(page, "activate:computerId", computer.toString());
            submit(page, By.id("activate:activateButton"));
            String qr = Chromium.qrCode(page.findElement(By.id("computerKeyQr")).getDomAttribute("src"));
            computer.verify(qr, license.getString("activationKey"));
            assertEquals(
                    qr.replace("-", ""),
                    page.findElement(By.id("computerKeyText")).getText().replaceAll("\\s", ""));
            submit(page, By.id("signOut:signOutButton"));
            assertFalse(page.findElements(By.id("signedOut")).isEmpty());
        }
    }

    // --- helpers -------------------------------------------------------------------------------

    private static WebDriver signIn(String console, String email, String password) {
        return signIn(browser, console, email, password);
    }

    /** Signs in on the console at {@code console} with the sign-in form; whoever was signed in is forgotten first. */
    static WebDriver signIn(Chromium browser, String console, String email, String password) {
        WebDriver page = browser.driver();
        page.get(console + "/");
        page.manage().deleteAllCookies();
        page.get(console + "/");
        type(page, "j_username", email);
        type(page, "j_password", password);
        submit(page, By.id("signIn"));
        assertFalse(
                page.findElements(By.id("signedInAs")).isEmpty(),
                "signed in as " + email + ": " + page.getPageSource());
        return page;
    }

    private static void signOut(WebDriver page) {
        submit(page, By.id("signOut:signOutButton"));
    }

    /** Clicks and waits until the answer replaced the page. */
    static void submit(WebDriver page, By button) {
        submit(page, () -> page.findElement(button).click());
    }

    /** Does {@code action} and waits until the answer replaced the page. */
    static void submit(WebDriver page, Runnable action) {
        WebElement html = page.findElement(By.tagName("html"));
        action.run();
        new WebDriverWait(page, Chromium.PAGE_TIMEOUT)
                .ignoring(WebDriverException.class)
                .until(d -> {
                    try {
                        html.getTagName();
                        return false;
                    } catch (StaleElementReferenceException replaced) {
                        return true;
                    }
                });
    }

    private static void type(WebDriver page, String id, String text) {
        WebElement input = page.findElement(By.id(id));
        input.clear();
        input.sendKeys(text);
    }

    /** What the page says of the last action; waits for the page to have its message area. */
    static String messages(WebDriver page) {
        return new WebDriverWait(page, Chromium.PAGE_TIMEOUT)
                .ignoring(WebDriverException.class)
                .until(d -> d.findElement(By.id("messages")))
                .getText();
    }

    /** Every field a person fills in has a label, so that a screen reader names it. */
    private static void assertEveryFieldLabelled(WebDriver page) {
        Object unlabelled = ((JavascriptExecutor) page)
                .executeScript("return Array.from(document.querySelectorAll("
                        + "'input:not([type=hidden]):not([type=submit]):not([type=button]), textarea, select'))"
                        + ".filter(e => e.labels.length === 0).map(e => e.id || e.name);");
        assertEquals(List.of(), unlabelled, "fields without a label on " + page.getCurrentUrl());
    }

    /** The page for a reviewer, after checking that its fields are labelled. */
    private static void screenshot(WebDriver page, String name) {
        assertEveryFieldLabelled(page);
        browser.screenshot(name);
    }

    /** The text is on the page as text, and no markup in it ran. */
    private static void assertShownAsText(WebDriver page, String text) {
        assertTrue(page.findElement(By.tagName("body")).getText().contains(text), "shown as text: " + text);
        assertNull(((JavascriptExecutor) page).executeScript("return window.injected;"), "no markup ran");
        assertTrue(page.findElements(By.cssSelector("img[src='x']")).isEmpty(), "no element was injected");
    }

    private static String requestCodeWithApi() {
        return OnPrem.ADMIN.get("/api/v1/license-files/request-code").json().getString("code");
    }

    private static byte[] licenseFile(String requestCode, List<String> numbers) {
        var list = Json.createArrayBuilder();
        numbers.forEach(list::add);
        LicenseFileIT.Reply file = LicenseFileIT.bytes(
                "POST",
                Api.BASE,
                "/api/v1/license-files",
                Api.admin().authorization(),
                "application/json",
                Json.createObjectBuilder()
                        .add("requestCode", requestCode)
                        .add("licenses", list)
                        .build()
                        .toString()
                        .getBytes(StandardCharsets.UTF_8));
        assertEquals(200, file.status(), file.text());
        return file.body();
    }

    private static JsonObject uploadWithApi(byte[] zip) {
        LicenseFileIT.Reply applied = LicenseFileIT.bytes(
                "POST",
                OnPrem.BASE,
                "/api/v1/license-files/upload",
                OnPrem.ADMIN.authorization(),
                "application/zip",
                zip);
        assertEquals(200, applied.status(), applied.text());
        return Json.createReader(new java.io.StringReader(applied.text())).readObject();
    }

    private static JsonObject license(int maxActivations) {
        Api.Reply created = Api.admin()
                .post(
                        "/api/v1/licenses",
                        Json.createObjectBuilder()
                                .add("number", Api.uniqueNumber())
                                .add("account", customer.account)
                                .add("seats", 1)
                                .add("maxActivations", maxActivations)
                                .build()
                                .toString());
        assertEquals(201, created.status(), created.body());
        return created.json();
    }

    private static List<JsonObject> activationsOf(String number) {
        Api.Reply listed = Api.admin().get("/api/v1/activations?license=" + number);
        assertEquals(200, listed.status(), listed.body());
        return listed.json().getJsonArray("activations").getValuesAs(JsonObject.class);
    }

    /** The name of the one zip the browser saved. */
    private static String downloadedZip() {
        return downloaded(".zip");
    }

    /** The name of the first file the browser saved whose name ends with {@code suffix}. */
    private static String downloaded(String suffix) {
        long until = System.nanoTime() + Chromium.PAGE_TIMEOUT.toNanos();
        while (System.nanoTime() < until) {
            try (var files = Files.list(browser.downloads())) {
                var zip = files.map(f -> f.getFileName().toString())
                        .filter(n -> n.endsWith(suffix))
                        .findFirst();
                if (zip.isPresent()) {
                    return zip.get();
                }
                Thread.sleep(100);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return "no download ending with " + suffix;
    }

    private static boolean zipHolds(Path zip, String text) {
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            for (var entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                if (new String(in.readAllBytes(), StandardCharsets.UTF_8).contains(text)) {
                    return true;
                }
            }
            return false;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
