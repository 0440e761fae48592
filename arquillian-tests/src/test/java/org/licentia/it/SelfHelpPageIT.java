package org.licentia.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import jakarta.json.JsonObject;
import java.net.URL;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.licentia.client.activation.ActivationKey;
import org.licentia.client.activation.ComputerId;
import org.licentia.client.activation.ComputerKey;
import org.licentia.client.activation.TypeableCode;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The self-help activation page (docs/node-locked.md) in a real browser, headless Chromium: an
 * activation through the form, whose computer key is shown as text and as a QR code of the same
 * text and verifies with the client library against the publisher's keys; the form filled in from
 * the query, as the client library's QR code opens it; a mistyped activation key refused with a
 * readable message and nothing activated; and an activation with JavaScript switched off.
 *
 * <p>The browser is Debian's chromium and chromium-driver, which {@code mvn verify} installs
 * (arquillian-tests/browser/install-chromium.sh); Selenium never downloads one of its own. Without
 * {@code /usr/bin/chromium} the tests are skipped on a developer's machine and fail under CI.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SelfHelpPageIT {

    private static final SecureRandom RANDOM = new SecureRandom();

    private static Chromium browser;
    private static Customer customer;

    @ArquillianResource
    URL deployment;

    private String base;
    private Api admin;

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.licentiaEar();
    }

    @BeforeAll
    static void startBrowser() {
        Chromium.require("self-help page tests");
        browser = Chromium.start(true);
        customer = Customer.create("Self-help");
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @BeforeEach
    void server() {
        String url = deployment == null ? Api.BASE : deployment.toExternalForm();
        base = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
        admin = Api.as(base, Api.ADMIN, Api.ADMIN_PASSWORD);
    }

    @Test
    void activationShowsTheComputerKeyAsTextAndAsQrCode() {
        License license = license(2);
        String computerId = newComputerId();

        WebDriver page = browser.driver();
        page.get(base + "/self-help/activation");
        submit(page, license.activationKey(), computerId, "build-7");

        String computerKey = computerKeyShown(page);
        String qr = Chromium.qrCode(page.findElement(By.id("computerKeyQr")).getDomAttribute("src"));
        assertEquals(withoutSpaces(computerKey), withoutSpaces(qr), "the QR code holds the computer key shown as text");

        ComputerKey key = ComputerKey.parse(computerKey, Computer.featureCatalog(license.activationKey()));
        key.verify(ActivationKey.parse(license.activationKey()), ComputerId.parse(computerId), publisherKeys());
        assertEquals(license.number(), key.terms().licenseNumber());
        JsonObject status = status(license.activationKey(), computerId);
        assertEquals("ACTIVE", status.getString("status"));
        JsonObject record = admin.get("/api/v1/audit?itemType=activation&itemId=" + status.getString("activationId"))
                .json()
                .getJsonArray("items")
                .getJsonObject(0);
        assertEquals("PAGE", record.getString("channel"), "recorded as made through the self-help page");
        browser.screenshot("self-help-computer-key");
    }

    @Test
    void theClientLibrarysLinkFillsInTheForm() {
        String activationKey = ActivationKey.generate().toString();
        String computerId = newComputerId();

        WebDriver page = browser.driver();
        page.get(
                base + "/self-help/activation?activationKey=" + URLEncoder.encode(activationKey, StandardCharsets.UTF_8)
                        + "&computerId=" + URLEncoder.encode(computerId, StandardCharsets.UTF_8));

        assertEquals(activationKey, page.findElement(By.id("activationKey")).getDomProperty("value"));
        assertEquals(computerId, page.findElement(By.id("computerId")).getDomProperty("value"));
        assertTrue(page.findElement(By.id("activate")).isDisplayed());
    }

    @Test
    void aMistypedActivationKeyIsRefusedReadablyAndActivatesNothing() {
        License license = license(2);
        String computerId = newComputerId();

        WebDriver page = browser.driver();
        page.get(base + "/self-help/activation");
        submit(page, mistyped(license.activationKey()), computerId, null);

        assertTrue(page.findElements(By.id("computerKey")).isEmpty(), "no computer key for a mistyped activation key");
        WebElement error = page.findElement(By.id("error"));
        String message = error.getText();
        assertTrue(error.isDisplayed(), "the error is shown");
        assertEquals("alert", error.getDomAttribute("role"));
        assertTrue(
                message.toLowerCase(Locale.ROOT).contains("activation key"), "the message names the field: " + message);
        assertFalse(
                message.contains("Exception") || message.contains("{") || message.contains("\tat "),
                "a message for people, not a stack trace or JSON: " + message);

        assertEquals(
                "NOT_ACTIVATED", status(license.activationKey(), computerId).getString("status"));
        Api.Reply listed = admin.get("/api/v1/activations?license=" + license.number());
        assertEquals(200, listed.status(), listed.body());
        assertEquals(0, listed.json().getJsonArray("activations").size(), "nothing was activated: " + listed.body());
    }

    @Test
    void activationWorksWithoutJavaScript() {
        License license = license(2);
        String computerId = newComputerId();

        try (Chromium noScript = Chromium.start(false)) {
            WebDriver page = noScript.driver();
            page.get("data:text/html,"
                    + URLEncoder.encode(
                            "<title>off</title><script>document.title='on'</script>", StandardCharsets.UTF_8));
            assertEquals("off", page.getTitle(), "this browser runs no JavaScript");

            page.get(base + "/self-help/activation");
            submit(page, license.activationKey(), computerId, "no-script");
            String computerKey = computerKeyShown(page);

            ComputerKey.parse(computerKey)
                    .verify(
                            ActivationKey.parse(license.activationKey()),
                            ComputerId.parse(computerId),
                            publisherKeys());
            assertEquals(
                    withoutSpaces(computerKey),
                    withoutSpaces(Chromium.qrCode(
                            page.findElement(By.id("computerKeyQr")).getDomAttribute("src"))));
        }
        assertEquals("ACTIVE", status(license.activationKey(), computerId).getString("status"));
    }

    /** A license number and the activation key the publisher gave it. */
    private record License(String number, String activationKey) {}

    private License license(int maxActivations) {
        String number = Api.uniqueNumber();
        Api.Reply created = admin.post(
                "/api/v1/licenses",
                "{\"number\":\"" + number + "\",\"account\":\"" + customer.account
                        + "\",\"seats\":1,\"maxActivations\":" + maxActivations + "}");
        assertEquals(201, created.status(), created.body());
        return new License(number, created.json().getString("activationKey"));
    }

    /** A valid computer ID no computer has: 18 random bytes in the typeable form (29 symbols and the check symbol). */
    private static String newComputerId() {
        byte[] bytes = new byte[18];
        RANDOM.nextBytes(bytes);
        return TypeableCode.encode(bytes);
    }

    /** The key with its first symbol changed, which its check symbol catches. */
    private static String mistyped(String activationKey) {
        char first = activationKey.charAt(0);
        return (first == '7' ? '8' : '7') + activationKey.substring(1);
    }

    /** The publisher's verification keys, raw (GET /api/v1/keys gives them in Base64). */
    private List<byte[]> publisherKeys() {
        return admin.get("/api/v1/keys").json().getJsonArray("keys").getValuesAs(JsonObject.class).stream()
                .map(k -> Base64.getDecoder().decode(k.getString("publicKey")))
                .toList();
    }

    /** What online validation says about the computer (POST /api/v1/activations/status, no sign-in). */
    private JsonObject status(String activationKey, String computerId) {
        Api.Reply reply = admin.postAnonymous(
                "/api/v1/activations/status",
                "{\"activationKey\":\"" + activationKey + "\",\"computerId\":\"" + computerId + "\"}");
        assertEquals(200, reply.status(), reply.body());
        return reply.json();
    }

    /** Fills in the activation form and submits it; returns once the answer has replaced the form's page. */
    private static void submit(WebDriver page, String activationKey, String computerId, String computerName) {
        type(page, "activationKey", activationKey);
        type(page, "computerId", computerId);
        if (computerName != null) {
            type(page, "computerName", computerName);
        }
        page.findElement(By.id("activate")).click();
        // The form page has neither element, the answer one of them. Asking the old page whether it
        // is stale races with the navigation (ChromeDriver then answers with an unknown error), so
        // the wait only looks at what the answer has, and asks again while the page changes.
        new WebDriverWait(page, Chromium.PAGE_TIMEOUT)
                .ignoring(WebDriverException.class)
                .until(d -> !d.findElements(By.id("computerKey")).isEmpty()
                        || !d.findElements(By.id("error")).isEmpty());
    }

    private static void type(WebDriver page, String field, String text) {
        WebElement input = page.findElement(By.id(field));
        input.clear();
        input.sendKeys(text);
    }

    /** The computer key on the answer page, or a failure that says what the page said instead. */
    private static String computerKeyShown(WebDriver page) {
        List<WebElement> key = page.findElements(By.id("computerKey"));
        if (key.isEmpty()) {
            List<WebElement> error = page.findElements(By.id("error"));
            fail("no computer key; the page says: "
                    + (error.isEmpty() ? page.getPageSource() : error.get(0).getText()));
        }
        String text = key.get(0).getText();
        assertFalse(text.isBlank(), "the computer key is shown");
        return text;
    }

    private static String withoutSpaces(String text) {
        return text.replaceAll("\\s", "");
    }
}
