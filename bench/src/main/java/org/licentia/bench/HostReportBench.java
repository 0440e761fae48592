package org.licentia.bench;

import jakarta.json.Json;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Quota by hosts (docs/status.md) under load, against a running server in its embedded default
 * (the quick start: one server is the publisher and its own instance). It hosts one fresh license
 * of a fresh product with a quota of {@code bench.hosts} hosts, and measures
 * <ol>
 * <li>the baseline, {@code GET /api/v1/ping}, with 1, 16 and 64 concurrent clients;</li>
 * <li>admissions: {@code bench.hosts} new hosts reporting ({@code POST /api/v1/hosts}, each under
 * the lock on the product's licenses), by 16 clients at once, as a rate and a share of the
 * baseline's;</li>
 * <li>renewals: counted hosts reporting again (no lock), with 1, 16 and 64 clients, as a share of
 * the baseline's at the same concurrency;</li>
 * <li>{@code GET /api/v1/status} with the hosts counted, one client.</li>
 * </ol>
 * The admissions must be exactly {@code bench.hosts}, and one more host is refused
 * ({@code INSUFFICIENT_QUOTA}): the quota holds under load. The license, product and hosts stay.
 *
 * <p>Run: {@code mvn -q -pl bench exec:java -Dexec.mainClass=org.licentia.bench.HostReportBench
 * -Dexec.args=http://localhost:8080}; settings {@code bench.duration} (10), {@code bench.warmup}
 * (5), {@code bench.clients} (1,16,64), {@code bench.hosts} (10000). The server's
 * {@code licentia.hosts.report-ttl} (PT15M) must outlast the run.
 */
public final class HostReportBench {

    private final String base;
    private final AdminApi admin;
    private final TimedRequests requests;
    private final Duration duration = BenchProperties.seconds("bench.duration", 10);
    private final Duration warmup = BenchProperties.seconds("bench.warmup", 5);
    private final List<Integer> clients = BenchProperties.numbers("bench.clients", "1,16,64");
    private final int hosts = Integer.getInteger("bench.hosts", 10_000);
    private final String tag = Long.toString(System.currentTimeMillis(), 36);
    private String product;
    private String authorization;

    private HostReportBench(String base) {
        this.base = base;
        this.admin = new AdminApi(
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build(), base);
        this.requests = new TimedRequests(URI.create(base));
    }

    public static void main(String[] args) throws Exception {
        new HostReportBench(args.length > 0 ? args[0] : "http://localhost:8080").run();
    }

    private void run() throws Exception {
        System.out.printf(
                "Host report benchmark against %s: %d hosts; %s s per level after %s s of warm-up; JVM %s, %d CPUs%n",
                base,
                hosts,
                duration.toSeconds(),
                warmup.toSeconds(),
                System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors());
        String license = prepare();
        Map<Integer, LoadRun.Result> baseline = baseline();

        System.out.printf("%n2. Admissions: %d new hosts, 16 clients%n", hosts);
        AtomicInteger next = new AtomicInteger();
        LoadRun.Result admitted = LoadRun.untilDone(16, c -> r -> {
            int i = next.getAndIncrement();
            if (i >= hosts) {
                return false;
            }
            report(r, Operation.HOST_ADMIT, "host-" + i);
            return true;
        });
        print(admitted, Operation.HOST_ADMIT);
        double pingAt16 = baseline.containsKey(16) ? baseline.get(16).rate(Operation.PING) : Double.NaN;
        System.out.printf(
                "   %.2f x the baseline's requests/s at 16 clients%n", admitted.rate(Operation.HOST_ADMIT) / pingAt16);
        if (admitted.latencies(Operation.HOST_ADMIT).count() != hosts) {
            throw new IllegalStateException(
                    "admitted " + admitted.latencies(Operation.HOST_ADMIT).count() + " hosts of " + hosts);
        }
        TimedRequests.Reply over = requests.exchange(
                new Recorder(),
                Operation.HOST_ADMIT,
                s -> s == 409,
                "POST",
                "/api/v1/hosts",
                authorization,
                body("one-too-many"));
        if (!over.ok() || !over.body().contains("INSUFFICIENT_QUOTA")) {
            throw new IllegalStateException(
                    "the host past the quota was not refused: " + over.status() + " " + over.body());
        }
        System.out.printf("   host %d refused: INSUFFICIENT_QUOTA (the quota held)%n", hosts + 1);

        System.out.printf("%n3. Renewals of counted hosts%n");
        System.out.printf("%8s %14s %9s %9s %9s %8s%n", "clients", "reports/s", "p50 ms", "p99 ms", "max ms", "errors");
        for (int c : clients) {
            LoadRun.Worker renew = r -> {
                report(
                        r,
                        Operation.HOST_RENEW,
                        "host-" + ThreadLocalRandom.current().nextInt(hosts));
                return true;
            };
            LoadRun.forDuration(c, warmup, x -> renew);
            LoadRun.Result result = LoadRun.forDuration(c, duration, x -> renew);
            print(result, Operation.HOST_RENEW);
            System.out.printf(
                    "   %.2f x the baseline's requests/s%n",
                    result.rate(Operation.HOST_RENEW) / baseline.get(c).rate(Operation.PING));
        }

        System.out.printf("%n4. GET /api/v1/status with %d hosts counted, 1 client%n", hosts);
        String adminAuthorization = "Basic "
                + java.util.Base64.getEncoder()
                        .encodeToString("admin@licentia.example:licentia-admin"
                                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        LoadRun.Result status = LoadRun.forDuration(1, duration, x -> r -> {
            requests.exchange(
                    r, Operation.STATUS, TimedRequests::isSuccess, "GET", "/api/v1/status", adminAuthorization, null);
            return true;
        });
        print(status, Operation.STATUS);
        Map<String, Long> kinds = requests.errorKinds();
        System.out.printf("  errors in all runs: %d%s%n", requests.errorsSeen(), kinds.isEmpty() ? "" : ", " + kinds);
    }

    /** A product of its own and one license of it by hosts, hosted next to what the instance hosts. */
    private String prepare() throws Exception {
        product = "HOSTS-" + tag.toUpperCase(java.util.Locale.ROOT);
        admin.call(
                "POST",
                "/api/v1/products",
                Json.createObjectBuilder()
                        .add("code", product)
                        .add("name", "Host bench " + tag)
                        .add(
                                "editions",
                                Json.createArrayBuilder()
                                        .add(Json.createObjectBuilder()
                                                .add("code", "STANDARD")
                                                .add("name", "Standard")
                                                .add("isDefault", true)
                                                .add(
                                                        "features",
                                                        Json.createArrayBuilder()
                                                                .add("core"))))
                        .build(),
                true);
        String account = "Host bench " + tag;
        String email = "host-bench." + tag + "@licentia.example";
        String password = "bench-" + tag;
        admin.createAccount(account);
        admin.createUser(email, password, account, "license-manager");
        String license = admin.call(
                        "POST",
                        "/api/v1/licenses",
                        Json.createObjectBuilder()
                                .add("account", account)
                                .add("product", product)
                                .add("seats", 1)
                                .add("quotaMetric", "hosts")
                                .add("quota", hosts)
                                .build(),
                        true)
                .getString("number");
        List<String> wanted = new java.util.ArrayList<>(admin.hosted());
        wanted.add(license);
        admin.host(email, password, wanted);
        authorization = "Bearer " + admin.createToken("host-bench-" + tag);
        System.out.printf("product %s, license %s (quota %d hosts) hosted%n", product, license, hosts);
        return license;
    }

    private Map<Integer, LoadRun.Result> baseline() throws InterruptedException {
        System.out.printf("%n1. Baseline: GET /api/v1/ping%n");
        System.out.printf(
                "%8s %14s %9s %9s %9s %8s%n", "clients", "requests/s", "p50 ms", "p99 ms", "max ms", "errors");
        Map<Integer, LoadRun.Result> results = new LinkedHashMap<>();
        LoadRun.Worker ping = r -> {
            requests.ping(r);
            return true;
        };
        java.util.Set<Integer> levels = new java.util.TreeSet<>(clients);
        levels.add(16);
        for (int c : levels) {
            LoadRun.forDuration(c, warmup, x -> ping);
            LoadRun.Result result = LoadRun.forDuration(c, duration, x -> ping);
            print(result, Operation.PING);
            results.put(c, result);
        }
        return results;
    }

    private void report(Recorder r, Operation op, String host) {
        requests.exchange(r, op, s -> s == 200, "POST", "/api/v1/hosts", authorization, body(host));
    }

    private String body(String host) {
        return "{\"hostId\":\"" + host + "\",\"cpuSockets\":2,\"product\":\"" + product + "\"}";
    }

    private static void print(LoadRun.Result result, Operation op) {
        Latencies l = result.latencies(op);
        System.out.printf(
                "%8d %14.0f %9.2f %9.2f %9.2f %8d%n",
                result.clients(), result.rate(op), l.p50Millis(), l.p99Millis(), l.maxNanos() / 1e6, result.errors(op));
    }
}
