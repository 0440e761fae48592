package org.licentia.it;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.ReaderException;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Headless Debian Chromium driven by its own chromedriver, for the page tests: a profile and a
 * download folder of its own, deleted on close. {@code mvn verify} installs the browser
 * (arquillian-tests/browser/install-chromium.sh); Selenium never downloads one of its own.
 */
record Chromium(WebDriver driver, Path profile, Path downloads) implements AutoCloseable {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Duration PAGE_TIMEOUT = Duration.ofSeconds(30);
    private static final String PNG_DATA = "data:image/png;base64,";
    /** Where the page tests leave a screenshot of each page, for a reviewer to look at. */
    static final Path SCREENSHOTS = Path.of("target", "screenshots");

    /**
     * Skips the tests where there is no browser, unless under CI (where {@code mvn verify} installs
     * one, so a missing browser is a broken set-up, not a reason to skip).
     */
    static void require(String tests) {
        if (!Files.isExecutable(CHROMIUM)) {
            String ci = System.getenv("CI");
            String missing = CHROMIUM
                    + " is missing; arquillian-tests/browser/install-chromium.sh installs it (mvn verify runs it)";
            if (ci != null && !ci.isBlank() && !ci.equalsIgnoreCase("false")) {
                fail(missing + ". Under CI the " + tests + " must run, not be skipped.");
            }
            Assumptions.abort(missing + ": the " + tests + " are skipped (they fail instead when CI is set)");
        }
        if (!Files.isExecutable(CHROMEDRIVER)) {
            fail(CHROMEDRIVER + " is missing beside " + CHROMIUM
                    + "; arquillian-tests/browser/install-chromium.sh installs it");
        }
    }

    static Chromium start(boolean javaScript) {
        // The driver is given: Selenium Manager, which would look for (and download) one, never runs.
        System.setProperty(ChromeDriverService.CHROME_DRIVER_EXE_PROPERTY, CHROMEDRIVER.toString());
        Path profile;
        Path downloads;
        try {
            profile = Files.createTempDirectory("licentia-chromium-");
            downloads = Files.createDirectory(profile.resolve("downloads"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--window-size=1280,900",
                "--user-data-dir=" + profile);
        Map<String, Object> prefs = new HashMap<>();
        prefs.put("download.default_directory", downloads.toString());
        prefs.put("download.prompt_for_download", false);
        if (!javaScript) {
            prefs.put("profile.managed_default_content_settings.javascript", 2);
        }
        options.setExperimentalOption("prefs", prefs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        try {
            return new Chromium(new ChromeDriver(service, options), profile, downloads);
        } catch (RuntimeException e) {
            service.stop();
            delete(profile);
            throw e;
        }
    }

    /** The page as it is now, saved as {@code target/screenshots/NAME.png}. */
    void screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Files.write(
                    SCREENSHOTS.resolve(name + ".png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A phone's screen (390 by 844 CSS pixels) or a desktop's. */
    void phoneSized(boolean phone) {
        driver.manage().window().setSize(phone ? new Dimension(390, 844) : new Dimension(1280, 900));
    }

    /** The file the browser saved as {@code name}, once it is complete (Chromium writes a .crdownload first). */
    Path downloaded(String name) {
        Path file = downloads.resolve(name);
        long until = System.nanoTime() + PAGE_TIMEOUT.toNanos();
        while (System.nanoTime() < until) {
            if (Files.isRegularFile(file) && !Files.exists(downloads.resolve(name + ".crdownload"))) {
                return file;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        try (Stream<Path> files = Files.list(downloads)) {
            return fail("no download " + name + "; the folder has " + files.toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The text of the QR code in a {@code data:image/png;base64,...} image source. */
    static String qrCode(String src) {
        assertNotNull(src, "the QR code image has a source");
        assertTrue(src.startsWith(PNG_DATA), "a PNG data URI: " + src.substring(0, Math.min(40, src.length())));
        BufferedImage image;
        try {
            image = ImageIO.read(
                    new ByteArrayInputStream(Base64.getMimeDecoder().decode(src.substring(PNG_DATA.length()))));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertNotNull(image, "the data URI holds an image ImageIO can read");
        BinaryBitmap bitmap = new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image)));
        try {
            // The image is the generated symbol itself, not a photo of it: read it as such. ZXing's
            // detector for photos misses the alignment patterns of about 3 in 100 clean symbols
            // of this size, which the exact reading decodes every time.
            return new QRCodeReader()
                    .decode(bitmap, Map.of(DecodeHintType.PURE_BARCODE, Boolean.TRUE))
                    .getText();
        } catch (ReaderException e) {
            return fail("no readable QR code in the image (" + image.getWidth() + "x" + image.getHeight() + "): " + e);
        }
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            delete(profile);
        }
    }

    private static void delete(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException e) {
            // a temporary profile left behind harms nothing
        }
    }
}
