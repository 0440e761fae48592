package org.licentia.bench;

import jakarta.json.Json;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.licentia.pkcs11.TokenReading;

/**
 * How long a node takes to read its hardware keys (the seed allows "approximately 2 seconds" each
 * time the License page opens), with 0 to 16 SoftHSM2 keys in its port, beside the ping baseline in
 * the same run; and Synchronize with one key. The server must read {@code DIR/node}: start it with
 * {@code licentia.hardware-key.pkcs11-library=/usr/lib/softhsm/libsofthsm2.so} and
 * {@code licentia.hardware-key.pkcs11-environment=SOFTHSM2_CONF=DIR/node/softhsm2.conf} (the
 * benchmark prints the jboss-cli commands when they are missing). It preloads its keys with
 * licenses of a fresh account, through the publisher's REST API, as {@code licentia hardware-key
 * provision} does.
 *
 * <p>Run: {@code mvn -q -pl bench exec:java -Dexec.mainClass=org.licentia.bench.HardwareKeyBench
 * -Dexec.args="http://localhost:8080 /tmp/licentia-key-bench"}.
 */
public final class HardwareKeyBench {

    private static final String MODULE = "/usr/lib/softhsm/libsofthsm2.so";
    private static final String PIN = "246810";
    private static final int READS = 20;
    private static final int PINGS = 200;

    private final String base;
    private final Path dir;
    private final AdminApi api;
    private final HttpClient http = HttpClient.newHttpClient();

    private HardwareKeyBench(String base, Path dir) {
        this.base = base;
        this.dir = dir;
        this.api = new AdminApi(http, base);
    }

    public static void main(String[] args) throws Exception {
        String base = args.length > 0 ? args[0] : "http://localhost:8080";
        Path dir =
                Path.of(args.length > 1 ? args[1] : "/tmp/licentia-key-bench").toAbsolutePath();
        new HardwareKeyBench(base, dir).run();
    }

    private void run() throws Exception {
        Path node = place("node");
        Path drawer = place("drawer");
        int status = get("/api/v1/hardware-keys/status", true);
        if (status != 200) {
            System.out.println("The server does not read " + node + " (HTTP " + status + "). Set, then run again:");
            System.out.println("  jboss-cli.sh -c '/system-property=licentia.hardware-key.pkcs11-library:add(value="
                    + MODULE + ")'");
            System.out.println(
                    "  jboss-cli.sh -c '/system-property=licentia.hardware-key.pkcs11-environment:add(value=\""
                            + "SOFTHSM2_CONF=" + node.resolve("softhsm2.conf") + "\")'");
            System.exit(2);
        }
        try (Stream<Path> old = Files.list(node.resolve("tokens"))) {
            for (Path p : old.toList()) {
                Files.move(p, drawer.resolve("tokens").resolve(p.getFileName()));
            }
        }
        String account = "Key bench " + System.currentTimeMillis();
        api.createAccount(account);
        List<String> keys = new ArrayList<>();
        // labels of this run's own: a token left in the drawer by an earlier run is never picked up
        String run = Long.toString(System.currentTimeMillis() % 1_000_000, 36);
        for (int i = 0; i < 16; i++) {
            keys.add(preloaded("bench-" + run + "-" + i, api.createLicense(account, 5)));
        }
        System.out.printf(
                "%5s %14s %14s %22s %16s %10s%n",
                "keys", "status p50 ms", "status max ms", "signed-in ping p50 ms", "ping p50 ms", "p50 / 2 s");
        int plugged = 0;
        for (int k : new int[] {0, 1, 2, 4, 8, 16}) {
            for (; plugged < k; plugged++) {
                Files.move(
                        drawer.resolve("tokens").resolve(keys.get(plugged)),
                        node.resolve("tokens").resolve(keys.get(plugged)));
            }
            get("/api/v1/hardware-keys/status", true); // not counted: the first read after a change
            long[] reads = timed(READS, "/api/v1/hardware-keys/status", true);
            // the same sign-in (bcrypt) as the status call, and none: what the read itself adds
            long[] signedIn = timed(READS, "/api/v1/ping", true);
            long[] pings = timed(PINGS, "/api/v1/ping", false);
            System.out.printf(
                    "%5d %14.1f %14.1f %22.1f %16.2f %10.3f%n",
                    k,
                    median(reads) / 1e6,
                    reads[reads.length - 1] / 1e6,
                    median(signedIn) / 1e6,
                    median(pings) / 1e6,
                    median(reads) / 2e9);
            if (k == 1) {
                long start = System.nanoTime();
                api.call(
                        "POST",
                        "/api/v1/hardware-keys/sync",
                        Json.createObjectBuilder().build(),
                        true);
                System.out.printf("      Synchronize with one key: %.1f ms%n", (System.nanoTime() - start) / 1e6);
            }
        }
        for (String folder : keys) {
            Path in = node.resolve("tokens").resolve(folder);
            if (Files.exists(in)) {
                Files.move(in, drawer.resolve("tokens").resolve(folder));
            }
        }
        api.call("DELETE", "/api/v1/hardware-keys/installed", null, true);
    }

    /** A new token in the drawer with its key pair and a license bound to it; its SoftHSM2 folder. */
    private String preloaded(String label, String license) throws Exception {
        Path tokens = dir.resolve("drawer").resolve("tokens");
        Set<String> before = folders(tokens);
        run(List.of("softhsm2-util", "--init-token", "--free", "--label", label, "--so-pin", "13579", "--pin", PIN));
        Set<String> after = folders(tokens);
        after.removeAll(before);
        String folder = after.iterator().next();
        TokenReading key = TokenReading.parse(tool("keypair", label)).get(0);
        byte[] zip = api.exchangeFile(
                "/api/v1/hardware-keys",
                "application/json",
                Json.createObjectBuilder()
                        .add("keyId", key.keyId())
                        .add("publicKey", Base64.getEncoder().encodeToString(key.publicKey()))
                        .add("licenses", Json.createArrayBuilder().add(license))
                        .build()
                        .toString()
                        .getBytes(StandardCharsets.UTF_8),
                "application/zip");
        Path file = dir.resolve(label + ".zip");
        Files.write(file, zip);
        tool("preload", label, file.toString());
        return folder;
    }

    private String tool(String command, String label, String... more) throws Exception {
        Path pin = dir.resolve("pin.txt");
        Files.writeString(pin, PIN + "\n");
        String classes = Path.of(TokenReading.class
                        .getProtectionDomain()
                        .getCodeSource()
                        .getLocation()
                        .toURI())
                .toString();
        List<String> cmd = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--add-modules",
                "jdk.crypto.cryptoki",
                "--add-exports",
                "jdk.crypto.cryptoki/sun.security.pkcs11.wrapper=ALL-UNNAMED",
                "-cp",
                classes,
                TokenReading.SCANNER,
                command,
                MODULE,
                label,
                pin.toString()));
        cmd.addAll(Arrays.asList(more));
        return run(cmd);
    }

    private String run(List<String> command) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment()
                .put(
                        "SOFTHSM2_CONF",
                        dir.resolve("drawer").resolve("softhsm2.conf").toString());
        Process p = builder.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException(command + " failed: " + out);
        }
        return out;
    }

    private Path place(String name) throws Exception {
        Path place = dir.resolve(name);
        Files.createDirectories(place.resolve("tokens"));
        Files.writeString(
                place.resolve("softhsm2.conf"),
                "directories.tokendir = " + place.resolve("tokens")
                        + "\nobjectstore.backend = file\nlog.level = ERROR\n");
        return place;
    }

    private static Set<String> folders(Path dir) throws Exception {
        try (Stream<Path> list = Files.list(dir)) {
            return new HashSet<>(list.map(p -> p.getFileName().toString()).toList());
        }
    }

    private long[] timed(int n, String path, boolean signedIn) throws Exception {
        long[] times = new long[n];
        for (int i = 0; i < n; i++) {
            long start = System.nanoTime();
            int status = get(path, signedIn);
            times[i] = System.nanoTime() - start;
            if (status != 200) {
                throw new IllegalStateException("GET " + path + ": HTTP " + status);
            }
        }
        Arrays.sort(times);
        return times;
    }

    private static double median(long[] sorted) {
        return sorted[sorted.length / 2];
    }

    private int get(String path, boolean signedIn) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofMinutes(1))
                .header("Accept", "application/json")
                .GET();
        if (signedIn) {
            request.header(
                    "Authorization",
                    "Basic "
                            + Base64.getEncoder()
                                    .encodeToString(
                                            "admin@licentia.example:licentia-admin".getBytes(StandardCharsets.UTF_8)));
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return response.statusCode();
    }
}
