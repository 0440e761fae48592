package org.licentia.bench;

import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.licentia.client.activation.TypeableCode;

/**
 * Node-locked online activation under load (docs/node-locked.md), against a running server in its
 * embedded default (the quick start). It creates a fresh account with {@code bench.licenses}
 * licenses of {@code bench.max-activations} activations each, and builds {@code bench.activations}
 * request bodies before any clock starts, each with a fresh computer ID (18 random bytes in the
 * client library's {@link TypeableCode} form, which is a valid ID) and the activation key of the
 * licenses in turn, so that the generator costs nothing during the runs and no license runs out of
 * slots. Then it measures
 * <ol>
 * <li>the baseline: {@code GET /api/v1/ping} with 1, 16, 64 and 256 concurrent clients;</li>
 * <li>online activations, {@code POST /api/v1/activations/online} (no sign-in: the activation key
 * is the proof), with the same concurrency, and their throughput as a share of the baseline's;</li>
 * </ol>
 * each after a warm-up that is not reported. A fresh computer ID is a new activation, answered
 * 201; every other answer (200 would mean a computer ID was used twice) counts as an error. At the
 * end it compares the number of 201 answers with the activations the server lists for the
 * licenses. Its account, licenses and activations stay in the catalog.
 *
 * <p>Run (after {@code mvn install}, which puts the client library in the local repository):
 * {@code mvn -q -pl bench compile exec:java -Dexec.mainClass=org.licentia.bench.ActivationBench
 * -Dexec.args=http://localhost:8080}. Settings (system properties, durations in seconds):
 * {@code bench.duration} (10), {@code bench.warmup} (5), {@code bench.clients} (1,16,64,256),
 * {@code bench.licenses} (1000), {@code bench.max-activations} (1000), {@code bench.activations}
 * (300000: requests prepared for all runs together, warm-ups included; a run that uses the last
 * one ends early and says so).
 */
public final class ActivationBench {

    private static final String ACTIVATE = "/api/v1/activations/online";
    /** What the server allows a license at most (LicenseDraft). */
    private static final int MAX_ACTIVATIONS_ALLOWED = 10_000_000;

    /** What the command line's system properties ask for. */
    record Settings(
            Duration duration,
            Duration warmup,
            List<Integer> clients,
            int licenses,
            int maxActivations,
            int activations) {

        Settings {
            if (clients.isEmpty() || clients.stream().anyMatch(c -> c < 1) || licenses < 1 || activations < 1) {
                throw new IllegalArgumentException(
                        "bench.clients, bench.licenses and bench.activations must be at least 1");
            }
            if (maxActivations > MAX_ACTIVATIONS_ALLOWED) {
                throw new IllegalArgumentException("bench.max-activations is at most " + MAX_ACTIVATIONS_ALLOWED);
            }
            if ((long) licenses * maxActivations < activations) {
                throw new IllegalArgumentException(
                        "bench.licenses x bench.max-activations (" + (long) licenses * maxActivations
                                + ") must leave a slot for each of the bench.activations (" + activations + ")");
            }
        }

        static Settings fromSystemProperties() {
            return new Settings(
                    BenchProperties.seconds("bench.duration", 10),
                    BenchProperties.seconds("bench.warmup", 5),
                    BenchProperties.numbers("bench.clients", "1,16,64,256"),
                    Integer.getInteger("bench.licenses", 1_000),
                    Integer.getInteger("bench.max-activations", 1_000),
                    Integer.getInteger("bench.activations", 300_000));
        }
    }

    private final Settings settings;
    private final String base;
    private final AdminApi admin;
    private final TimedRequests requests;
    private final String tag = Long.toString(System.currentTimeMillis(), 36);
    /** The prepared activation requests, each used once, in the order {@link #next} hands them out. */
    private String[] bodies;

    private final AtomicInteger next = new AtomicInteger();
    /** 201 answers in all runs, warm-ups included. */
    private long activated;

    private ActivationBench(String base, Settings settings) {
        this.base = base;
        this.settings = settings;
        this.admin = new AdminApi(
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build(), base);
        this.requests = new TimedRequests(URI.create(base));
    }

    public static void main(String[] args) throws Exception {
        String base = args.length > 0 ? args[0] : "http://localhost:8080";
        new ActivationBench(base, Settings.fromSystemProperties()).run();
    }

    private void run() throws Exception {
        System.out.printf("Activation benchmark against %s%n", base);
        System.out.printf(
                "  %s s per level after %s s of warm-up; clients %s; %d licenses of %,d activations; "
                        + "%,d requests prepared; JVM %s, %d CPUs%n",
                seconds(settings.duration()),
                seconds(settings.warmup()),
                settings.clients(),
                settings.licenses(),
                settings.maxActivations(),
                settings.activations(),
                System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors());
        String account = "Activation bench " + tag;
        admin.createAccount(account);
        List<JsonObject> licenses = admin.createLicenses(account, settings.licenses(), 1, settings.maxActivations());
        List<String> numbers = licenses.stream().map(l -> l.getString("number")).toList();
        List<String> keys =
                licenses.stream().map(l -> l.getString("activationKey")).toList();
        System.out.printf(
                "account \"%s\": licenses %s to %s%n", account, numbers.get(0), numbers.get(numbers.size() - 1));

        long start = System.nanoTime();
        bodies = bodies(keys, settings.activations());
        System.out.printf(
                "%,d activation requests prepared in %.1f s, each with a fresh computer ID, e.g. %s%n",
                bodies.length, (System.nanoTime() - start) / 1e9, bodies[0]);

        Map<Integer, LoadRun.Result> baseline = baseline();
        activations(baseline);
        check(numbers);
    }

    /**
     * Request bodies for {@code n} activations, the licenses' keys in turn (consecutive requests,
     * which run at the same time, mostly lock different licenses). The computer IDs come from a
     * non-cryptographic generator: 144 random bits never repeat in a run, and the speed keeps the
     * preparation short.
     */
    private static String[] bodies(List<String> keys, int n) {
        SplittableRandom random = new SplittableRandom();
        byte[] id = new byte[18];
        String[] bodies = new String[n];
        for (int i = 0; i < n; i++) {
            random.nextBytes(id);
            // activation keys and computer IDs need no JSON escaping
            bodies[i] = "{\"activationKey\":\"" + keys.get(i % keys.size()) + "\",\"computerId\":\""
                    + TypeableCode.encode(id) + "\"}";
        }
        return bodies;
    }

    /** Measurement 1: the server's request handling alone, no licensing work, no sign-in. */
    private Map<Integer, LoadRun.Result> baseline() throws InterruptedException {
        System.out.printf("%n1. Baseline: GET /api/v1/ping%n");
        System.out.printf(
                "%8s %14s %9s %9s %9s %8s%n", "clients", "requests/s", "p50 ms", "p99 ms", "max ms", "errors");
        Map<Integer, LoadRun.Result> results = new LinkedHashMap<>();
        LoadRun.Worker ping = r -> {
            requests.ping(r);
            return true;
        };
        for (int clients : settings.clients()) {
            LoadRun.forDuration(clients, settings.warmup(), c -> ping);
            LoadRun.Result result = LoadRun.forDuration(clients, settings.duration(), c -> ping);
            print(result, Operation.PING);
            System.out.println();
            results.put(clients, result);
        }
        return results;
    }

    /** Measurement 2: each request activates a fresh computer; 201 is the only success. */
    private void activations(Map<Integer, LoadRun.Result> baseline) throws InterruptedException {
        System.out.printf("%n2. Online activations: POST %s (no sign-in, a fresh computer ID each)%n", ACTIVATE);
        System.out.printf(
                "%8s %14s %9s %9s %9s %8s%n", "clients", "activations/s", "p50 ms", "p99 ms", "max ms", "errors");
        for (int clients : settings.clients()) {
            activated += LoadRun.forDuration(clients, settings.warmup(), c -> activate())
                    .latencies(Operation.ACTIVATE)
                    .count();
            LoadRun.Result result = LoadRun.forDuration(clients, settings.duration(), c -> activate());
            activated += result.latencies(Operation.ACTIVATE).count();
            double pingRate = baseline.get(clients).rate(Operation.PING);
            print(result, Operation.ACTIVATE);
            System.out.printf(
                    "   %.2f x the baseline's %s requests/s%n",
                    result.rate(Operation.ACTIVATE) / pingRate, rate(pingRate));
            if (next.get() >= bodies.length) {
                System.out.printf(
                        "  ! all %,d prepared requests are used (this run lasted %.1f s): raise bench.activations for the "
                                + "remaining levels%n",
                        bodies.length, result.seconds());
                break;
            }
        }
        Map<String, Long> kinds = requests.errorKinds();
        System.out.printf(
                "  errors in all runs (warm-ups included): %d%s%n",
                requests.errorsSeen(), kinds.isEmpty() ? "" : ", " + kinds);
    }

    private LoadRun.Worker activate() {
        return r -> {
            int i = next.getAndIncrement();
            if (i >= bodies.length) {
                return false;
            }
            requests.exchange(r, Operation.ACTIVATE, status -> status == 201, "POST", ACTIVATE, null, bodies[i]);
            return true;
        };
    }

    /** The server's own count: every 201 is one activation, none lost and none made twice. */
    private void check(List<String> numbers) {
        System.out.printf("%n3. Check%n");
        try {
            long listed = 0;
            for (String number : numbers) {
                listed += admin.activations(number).stream()
                        .filter(a -> "ACTIVE".equals(a.getString("status", null)))
                        .count();
            }
            System.out.printf(
                    "  [%s] active activations the server lists for the %d licenses: %,d; 201 answers: %,d%n",
                    listed == activated ? "PASS" : "FAIL", numbers.size(), listed, activated);
        } catch (Exception e) {
            System.out.printf(
                    "  [ -- ] could not list the activations (GET /api/v1/activations?license=...): %s%n",
                    e.getMessage());
        }
    }

    private static void print(LoadRun.Result result, Operation op) {
        Latencies l = result.latencies(op);
        System.out.printf(
                "%8d %14s %9s %9s %9s %8d",
                result.clients(),
                rate(result.rate(op)),
                Latencies.millis(l.p50Nanos()),
                Latencies.millis(l.p99Nanos()),
                Latencies.millis(l.maxNanos()),
                result.errors(op));
    }

    private static String rate(double perSecond) {
        return String.format(Locale.ROOT, "%,.0f", perSecond);
    }

    private static String seconds(Duration d) {
        return String.format(Locale.ROOT, "%.1f", d.toMillis() / 1000.0);
    }
}
