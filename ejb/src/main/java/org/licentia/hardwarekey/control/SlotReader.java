package org.licentia.hardwarekey.control;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.licentia.errors.ErrorCode;
import org.licentia.errors.LicensingException;
import org.licentia.pkcs11.TokenReading;

/**
 * Reads this node's slots in a new child process each time: a PKCS#11 module lists its tokens as
 * they were when it was initialized, and the JDK initializes a module once per process, so a key
 * plugged in later would never be seen by the server's own process. A child also keeps a vendor
 * module that hangs or crashes out of the server. A scan takes about a quarter of a second.
 */
@ApplicationScoped
public class SlotReader {

    private static final Logger LOG = Logger.getLogger(SlotReader.class.getName());

    /** The seed allows about 2 seconds to read the keys; a module that takes much longer is stuck. */
    private static final long TIMEOUT_SECONDS = 15;

    private static final int MAX_OUTPUT = 4 * 1024 * 1024;

    private volatile Path classes;

    /** Every initialized token in this node's slots, each Licentia key signing {@code challenge}. */
    public List<TokenReading> read(byte[] challenge) {
        String library = KeySettings.requireLibrary();
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx32m",
                "-XX:TieredStopAtLevel=1",
                "-Xshare:auto",
                "--add-modules",
                "jdk.crypto.cryptoki",
                "--add-exports",
                "jdk.crypto.cryptoki/sun.security.pkcs11.wrapper=ALL-UNNAMED",
                "-cp",
                classes().toString(),
                TokenReading.SCANNER,
                "scan",
                library,
                Base64.getEncoder().encodeToString(challenge)));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().putAll(KeySettings.environment());
        builder.redirectErrorStream(false);
        Process p;
        try {
            p = builder.start();
        } catch (IOException e) {
            throw unreadable("the reader could not start: " + e.getMessage());
        }
        // a stuck module is killed, which ends the reads below
        java.util.concurrent.atomic.AtomicBoolean killed = new java.util.concurrent.atomic.AtomicBoolean();
        java.util.concurrent.CompletableFuture<Void> watchdog = java.util.concurrent.CompletableFuture.runAsync(
                () -> {
                    killed.set(true);
                    p.destroyForcibly();
                },
                java.util.concurrent.CompletableFuture.delayedExecutor(TIMEOUT_SECONDS, TimeUnit.SECONDS));
        try (InputStream out = p.getInputStream();
                InputStream err = p.getErrorStream()) {
            p.getOutputStream().close();
            byte[] stdout = out.readNBytes(MAX_OUTPUT + 1);
            byte[] stderr = err.readNBytes(4096);
            p.waitFor();
            if (killed.get()) {
                throw unreadable("the PKCS#11 module did not answer within " + TIMEOUT_SECONDS + " s");
            }
            if (stdout.length > MAX_OUTPUT) {
                throw unreadable("the reader said more than any set of keys would");
            }
            if (p.exitValue() != 0) {
                String reason = new String(stderr, StandardCharsets.UTF_8).strip();
                throw unreadable(reason.isEmpty() ? "the reader failed (exit " + p.exitValue() + ")" : reason);
            }
            return TokenReading.parse(new String(stdout, StandardCharsets.US_ASCII));
        } catch (IOException | IllegalArgumentException e) {
            throw unreadable("the reader's answer could not be read: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unreadable("interrupted");
        } finally {
            watchdog.cancel(false);
            p.destroyForcibly();
        }
    }

    /** The copied class files go with the deployment: a redeployment copies its own. */
    @jakarta.annotation.PreDestroy
    void removeClasses() {
        Path dir = classes;
        if (dir == null) {
            return;
        }
        try (java.util.stream.Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            LOG.log(Level.FINE, "Could not remove " + dir, e);
        }
    }

    /** The scanner's class files, copied once out of the deployment into the server's temporary folder. */
    private Path classes() {
        Path dir = classes;
        if (dir != null) {
            return dir;
        }
        synchronized (this) {
            if (classes == null) {
                try {
                    Path base =
                            Path.of(System.getProperty("jboss.server.temp.dir", System.getProperty("java.io.tmpdir")));
                    Path made = Files.createTempDirectory(base, "licentia-pkcs11-");
                    for (String name : TokenReading.CLASS_FILES) {
                        try (InputStream in =
                                TokenReading.class.getClassLoader().getResourceAsStream(name)) {
                            if (in == null) {
                                throw new IllegalStateException("missing from the deployment: " + name);
                            }
                            Path target = made.resolve(name);
                            Files.createDirectories(target.getParent());
                            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
                        }
                    }
                    classes = made;
                } catch (IOException e) {
                    throw unreadable("the reader could not be prepared: " + e.getMessage());
                }
            }
            return classes;
        }
    }

    private static LicensingException unreadable(String reason) {
        LOG.log(Level.WARNING, "Hardware keys could not be read: {0}", reason);
        return new LicensingException(
                ErrorCode.HARDWARE_KEY_READ_FAILED, "The hardware keys of this node could not be read: " + reason);
    }
}
