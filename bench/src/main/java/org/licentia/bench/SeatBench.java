package org.licentia.bench;

import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeSet;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Floating seats under load, against a running server in its embedded default (the quick start:
 * the server is the publisher and its own on-prem instance). It creates a fresh account, a
 * license-manager for it and a license of 200,000 seats, adds that license to the ones the
 * instance hosts, and creates a client token; then it measures
 * <ol>
 * <li>with 1, 16, 64 and 256 concurrent clients, the baseline ({@code GET /api/v1/ping}) and seat
 * cycles (reserve, heartbeat, release), level by level in alternating slices, so that both meet
 * the machine in the same state;</li>
 * <li>100,000 live leases: reserve latency as their number grows, heartbeats on held leases, the
 * server's heap with and without them, and releasing them all;</li>
 * </ol>
 * and compares the figures with the targets. Each measurement follows a warm-up that is not
 * reported (the live reservations follow the seat cycles, which warm the same code). Every client
 * keeps its own keep-alive HTTP/1.1 connection ({@link TimedRequests}). At the end it deregisters
 * its license again (which leaves the instance hosting what it hosted before) and revokes its
 * token; its account, user and license stay in the catalog.
 *
 * <p>Run: {@code mvn -q -pl bench compile exec:java -Dexec.mainClass=org.licentia.bench.SeatBench
 * -Dexec.args=http://localhost:8080}. Settings (system properties, durations in seconds):
 * {@code bench.duration} (10), {@code bench.rounds} (5), {@code bench.warmup} (5), {@code bench.clients} (1,16,64,256),
 * {@code bench.leases} (100000), {@code bench.live.clients} (64), {@code bench.heartbeat.duration}
 * (5), {@code bench.seats} (200000), {@code bench.server.pid} (found from the URL's port).
 */
public final class SeatBench {

    /** The concurrency at which the throughput and p99 targets are set. */
    private static final int TARGET_CLIENTS = 64;

    private static final double TARGET_RESERVATIONS_PER_SECOND = 5_000;
    private static final double TARGET_RESERVE_P99_MILLIS = 25;
    private static final double TARGET_RATIO_TO_BASELINE = 0.5;
    private static final int TARGET_LIVE_LEASES = 100_000;
    private static final long TARGET_HEAP_BYTES = 1024L * 1024 * 1024;
    private static final Operation[] SEAT_OPERATIONS = {Operation.RESERVE, Operation.HEARTBEAT, Operation.RELEASE};

    /** What the command line's system properties ask for. */
    record Settings(
            Duration duration,
            int rounds,
            Duration warmup,
            List<Integer> clients,
            int leases,
            int liveClients,
            Duration heartbeatDuration,
            int seats) {

        Settings {
            if (clients.isEmpty()
                    || clients.stream().anyMatch(c -> c < 1)
                    || leases < 1
                    || liveClients < 1
                    || rounds < 1) {
                throw new IllegalArgumentException(
                        "bench.clients, bench.rounds, bench.leases and bench.live.clients must be at least 1");
            }
            if (seats
                    < leases
                            + clients.stream().mapToInt(Integer::intValue).max().orElse(1)) {
                throw new IllegalArgumentException("bench.seats (" + seats + ") must leave room for bench.leases ("
                        + leases + ") plus one seat per client");
            }
        }

        static Settings fromSystemProperties() {
            return new Settings(
                    BenchProperties.seconds("bench.duration", 10),
                    Integer.getInteger("bench.rounds", 5),
                    BenchProperties.seconds("bench.warmup", 5),
                    BenchProperties.numbers("bench.clients", "1,16,64,256"),
                    Integer.getInteger("bench.leases", 100_000),
                    Integer.getInteger("bench.live.clients", 64),
                    BenchProperties.seconds("bench.heartbeat.duration", 5),
                    Integer.getInteger("bench.seats", 200_000));
        }
    }

    /** What the live-lease phase measured. */
    private record LivePhase(
            int reserved,
            LoadRun.Result reserve,
            List<Latencies> buckets,
            int bucketSize,
            LoadRun.Result heartbeats,
            LoadRun.Result release,
            int leftOver,
            OptionalLong heapWithout,
            OptionalLong heapWith,
            OptionalLong heapAfter) {}

    private final Settings settings;
    private final String base;
    private final HttpClient http;
    private final AdminApi admin;
    private final String tag = Long.toString(System.currentTimeMillis(), 36);
    private SeatClient seats;
    private String license;

    private SeatBench(String base, Settings settings) {
        this.base = base;
        this.settings = settings;
        // for the set-up and clean-up calls only; the measured requests go through TimedRequests
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10))
                .build();
        this.admin = new AdminApi(http, base);
    }

    public static void main(String[] args) throws Exception {
        String base = args.length > 0 ? args[0] : "http://localhost:8080";
        Settings settings = Settings.fromSystemProperties();
        new SeatBench(base, settings).run();
    }

    private void run() throws Exception {
        printSettings();
        String account = "Seat bench " + tag;
        String email = "seat-bench." + tag + "@licentia.example";
        String password = "seat-bench-" + tag;
        String tokenName = "seat-bench-" + tag;
        admin.createAccount(account);
        admin.createUser(email, password, account, "license-manager");
        license = admin.createLicense(account, settings.seats());
        List<String> before = admin.hosted();
        List<String> wanted = new ArrayList<>(before);
        wanted.add(license);
        admin.host(email, password, wanted);
        System.out.printf(
                "license %s (%,d seats) added to the %d license(s) the instance hosted%n",
                license, settings.seats(), before.size());
        String token = null;
        try {
            token = admin.createToken(tokenName);
            seats = new SeatClient(new TimedRequests(URI.create(base)), token);
            cpu = ServerCpu.of(ServerHeap.find(URI.create(base)));
            Map<Integer, LoadRun.Result> baseline = new LinkedHashMap<>();
            Map<Integer, LoadRun.Result> cycles = new LinkedHashMap<>();
            pingAndCycles(baseline, cycles);
            LivePhase live = liveLeases();
            summary(baseline, cycles, live);
        } finally {
            cleanUp(email, password, before, token == null ? null : tokenName);
        }
    }

    /**
     * Leaves the instance as it was: the bench license deregistered (taking any lease still held
     * with it), the token revoked. A failure here is reported, not thrown, so that it cannot hide
     * the one that ended the run.
     */
    private void cleanUp(String email, String password, List<String> before, String tokenName) {
        try {
            List<String> wanted = new ArrayList<>(admin.hosted());
            wanted.remove(license);
            List<String> after = admin.host(email, password, wanted);
            System.out.printf(
                    "%nlicense %s deregistered; the instance hosts %d license(s)%s%n",
                    license,
                    after.size(),
                    new TreeSet<>(after).equals(new TreeSet<>(before))
                            ? ", as before"
                            : "; before the benchmark: " + before);
        } catch (Exception e) {
            System.out.printf("%n! could not deregister license %s: %s%n", license, e.getMessage());
        }
        if (tokenName != null) {
            try {
                admin.revokeToken(tokenName);
                System.out.printf("client token %s revoked%n", tokenName);
            } catch (Exception e) {
                System.out.printf("! could not revoke client token %s: %s%n", tokenName, e.getMessage());
            }
        }
    }

    private void printSettings() {
        System.out.printf("Seat benchmark against %s%n", base);
        System.out.printf(
                "  %s s per level and kind of request, in %d alternating slices, after %s s of warm-up; clients %s;"
                        + " %,d live leases with %d clients; JVM %s, %d CPUs%n",
                seconds(settings.duration()),
                settings.rounds(),
                seconds(settings.warmup()),
                settings.clients(),
                settings.leases(),
                settings.liveClients(),
                System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors());
    }

    /** The server's CPU time, when the server runs on this machine. */
    private Optional<ServerCpu> cpu = Optional.empty();

    /** Runs a measured slice and adds the server's CPU time during it to its operations' account. */
    private LoadRun.Result measured(
            int clients, Duration duration, IntFunction<LoadRun.Worker> workers, Operation... counted)
            throws InterruptedException {
        Optional<Duration> before = cpu.flatMap(ServerCpu::used);
        LoadRun.Result result = LoadRun.forDuration(clients, duration, workers);
        Optional<Duration> after = cpu.flatMap(ServerCpu::used);
        long requests = 0;
        for (Operation op : counted) {
            requests += result.latencies(op).count() + result.errors(op);
        }
        if (before.isPresent() && after.isPresent()) {
            long[] account = serverCpu.computeIfAbsent(counted[0] + "@" + clients, k -> new long[2]);
            account[0] += after.get().minus(before.get()).toNanos();
            account[1] += requests;
        }
        return result;
    }

    /** Server CPU nanoseconds and requests, by first operation and clients. */
    private final Map<String, long[]> serverCpu = new LinkedHashMap<>();

    private String serverMicros(Operation op, int clients) {
        long[] account = serverCpu.get(op + "@" + clients);
        return account == null || account[1] == 0 ? "unknown" : String.format("%,.0f", account[0] / 1e3 / account[1]);
    }

    /**
     * Measurement 1, level by level: the baseline ({@code GET /api/v1/ping}: the server's request
     * handling alone, no seat work, no sign-in) and the seat cycles (each virtual client, with its
     * own client identity, reserves, renews and releases a seat in a loop), each for the level's
     * duration in {@code bench.rounds} alternating slices, so that a machine whose speed changes
     * from minute to minute changes it for both.
     */
    private void pingAndCycles(Map<Integer, LoadRun.Result> baseline, Map<Integer, LoadRun.Result> cycles)
            throws InterruptedException {
        System.out.printf(
                "%n1. Baseline (GET /api/v1/ping) and seat cycles (reserve, heartbeat, release with a client token)%n");
        System.out.printf(
                "%8s %-10s %12s %9s %9s %9s %8s %14s%n",
                "clients", "operation", "requests/s", "p50 ms", "p99 ms", "max ms", "errors", "server CPU us");
        LoadRun.Worker ping = r -> {
            seats.ping(r);
            return true;
        };
        Duration slice = settings.duration().dividedBy(settings.rounds());
        for (int clients : settings.clients()) {
            int level = clients;
            LoadRun.forDuration(clients, settings.warmup(), c -> ping);
            LoadRun.forDuration(clients, settings.warmup(), c -> cycle("w" + level + "-" + c));
            List<LoadRun.Result> pings = new ArrayList<>();
            List<LoadRun.Result> seatRuns = new ArrayList<>();
            for (int round = 0; round < settings.rounds(); round++) {
                pings.add(measured(clients, slice, c -> ping, Operation.PING));
                seatRuns.add(measured(clients, slice, c -> cycle("c" + level + "-" + c), SEAT_OPERATIONS));
            }
            LoadRun.Result pingResult = LoadRun.Result.merge(pings);
            LoadRun.Result result = LoadRun.Result.merge(seatRuns);
            baseline.put(clients, pingResult);
            cycles.put(clients, result);
            row(clients, pingResult, Operation.PING, serverMicros(Operation.PING, clients));
            for (Operation op : SEAT_OPERATIONS) {
                row(clients, result, op, "");
            }
            double seatRate = result.rate(SEAT_OPERATIONS);
            double pingRate = pingResult.rate(Operation.PING);
            System.out.printf(
                    "%8d %-10s %12s %29s %8d %14s   reservations/s %s; %.2f x the baseline's %s requests/s%n",
                    clients,
                    "all seat",
                    rate(seatRate),
                    "",
                    result.errors(SEAT_OPERATIONS),
                    serverMicros(SEAT_OPERATIONS[0], clients),
                    rate(result.rate(Operation.RESERVE)),
                    seatRate / pingRate,
                    rate(pingRate));
        }
    }

    private static void row(int clients, LoadRun.Result result, Operation op, String serverMicros) {
        Latencies l = result.latencies(op);
        System.out.printf(
                "%8d %-10s %12s %9s %9s %9s %8d %14s%n",
                clients,
                op.label(),
                rate(result.rate(op)),
                Latencies.millis(l.p50Nanos()),
                Latencies.millis(l.p99Nanos()),
                Latencies.millis(l.maxNanos()),
                result.errors(op),
                serverMicros);
    }

    /** One virtual client's cycle: a failed reserve skips the rest; a failed heartbeat still releases. */
    private LoadRun.Worker cycle(String clientSuffix) {
        String client = "seat-bench-" + tag + "-" + clientSuffix;
        return r -> {
            SeatClient.Reply reserved = seats.reserve(r, license, client);
            if (!reserved.ok()) {
                return true;
            }
            String lease = reserved.leaseId();
            seats.heartbeat(r, lease);
            seats.release(r, lease);
            return true;
        };
    }

    /** Measurement 2: many leases held at once. */
    private LivePhase liveLeases() throws Exception {
        int n = settings.leases();
        int bucketSize = Math.max(1, n / 10);
        System.out.printf(
                "%n2. Live leases: %,d reservations by %d clients, each with its own client identity%n",
                n, settings.liveClients());
        Optional<ServerHeap> heap = ServerHeap.find(URI.create(base));
        heap.ifPresent(h -> System.out.printf(
                "  server JVM: pid %d, max heap %s%n",
                h.pid(),
                h.maxHeap().stream().mapToObj(SeatBench::mib).findFirst().orElse("unknown")));
        OptionalLong heapWithout = heap.map(ServerHeap::usedAfterGc).orElse(OptionalLong.empty());

        String[] ids = new String[n];
        long[] nanos = new long[n];
        Arrays.fill(nanos, -1);
        AtomicInteger next = new AtomicInteger();
        LoadRun.Result reserve = LoadRun.untilDone(settings.liveClients(), c -> r -> {
            int i = next.getAndIncrement();
            if (i >= n) {
                return false;
            }
            SeatClient.Reply reply = seats.reserve(r, license, "seat-bench-" + tag + "-live-" + i);
            if (reply.ok()) {
                ids[i] = reply.leaseId();
                nanos[i] = reply.nanos();
            }
            return true;
        });
        int reserved = (int) Arrays.stream(ids).filter(id -> id != null).count();
        System.out.printf("%12s %9s %9s %9s %8s%n", "leases held", "p50 ms", "p99 ms", "max ms", "errors");
        List<Latencies> buckets = new ArrayList<>();
        for (int from = 0; from < n; from += bucketSize) {
            int to = Math.min(n, from + bucketSize);
            Latencies l = Latencies.ofRange(nanos, from, to);
            buckets.add(l);
            System.out.printf(
                    "%,12d %9s %9s %9s %8d%n",
                    to,
                    Latencies.millis(l.p50Nanos()),
                    Latencies.millis(l.p99Nanos()),
                    Latencies.millis(l.maxNanos()),
                    (to - from) - l.count());
        }
        System.out.printf(
                "  %,d leases reserved in %.1f s: %s reservations/s, %d errors%n",
                reserved, reserve.seconds(), rate(reserve.rate(Operation.RESERVE)), reserve.errors(Operation.RESERVE));

        int[] held = IntStream.range(0, n).filter(i -> ids[i] != null).toArray();
        LoadRun.Result heartbeats = null;
        if (held.length > 0) {
            LoadRun.Worker heartbeat = r -> {
                seats.heartbeat(r, ids[held[ThreadLocalRandom.current().nextInt(held.length)]]);
                return true;
            };
            LoadRun.forDuration(settings.liveClients(), settings.warmup(), c -> heartbeat);
            heartbeats = LoadRun.forDuration(settings.liveClients(), settings.heartbeatDuration(), c -> heartbeat);
            Latencies l = heartbeats.latencies(Operation.HEARTBEAT);
            System.out.printf(
                    "  heartbeats on random held leases, %d clients, %s s: %s requests/s, p50 %s ms, p99 %s ms, %d errors%n",
                    settings.liveClients(),
                    seconds(settings.heartbeatDuration()),
                    rate(heartbeats.rate(Operation.HEARTBEAT)),
                    Latencies.millis(l.p50Nanos()),
                    Latencies.millis(l.p99Nanos()),
                    heartbeats.errors(Operation.HEARTBEAT));
        }

        OptionalLong heapWith = heap.map(ServerHeap::usedAfterGc).orElse(OptionalLong.empty());

        AtomicInteger nextRelease = new AtomicInteger();
        LoadRun.Result release = LoadRun.untilDone(settings.liveClients(), c -> r -> {
            int k = nextRelease.getAndIncrement();
            if (k >= held.length) {
                return false;
            }
            seats.release(r, ids[held[k]]);
            return true;
        });
        Latencies l = release.latencies(Operation.RELEASE);
        System.out.printf(
                "  %,d leases released in %.1f s: %s releases/s, p50 %s ms, p99 %s ms, %d errors%n",
                l.count(),
                release.seconds(),
                rate(release.rate(Operation.RELEASE)),
                Latencies.millis(l.p50Nanos()),
                Latencies.millis(l.p99Nanos()),
                release.errors(Operation.RELEASE));
        OptionalLong heapAfter = heap.map(ServerHeap::usedAfterGc).orElse(OptionalLong.empty());

        List<JsonObject> left = admin.leases(license);
        System.out.printf(
                "  leases of license %s left (GET /api/v1/reservations): %d%s%n",
                license,
                left.size(),
                left.isEmpty()
                        ? ""
                        : ", e.g. clients "
                                + left.stream()
                                        .limit(5)
                                        .map(o -> o.getString("client", "?"))
                                        .collect(Collectors.joining(", ")));
        if (heap.isPresent()) {
            System.out.printf(
                    "  server heap used after a full GC: %s without leases, %s with %,d leases (%s per lease), %s after releasing them%n",
                    mib(heapWithout),
                    mib(heapWith),
                    reserved,
                    perLease(heapWithout, heapWith, reserved),
                    mib(heapAfter));
        }
        return new LivePhase(
                reserved,
                reserve,
                buckets,
                bucketSize,
                heartbeats,
                release,
                left.size(),
                heapWithout,
                heapWith,
                heapAfter);
    }

    /** Measurement 3: the figures against the targets. */
    private void summary(Map<Integer, LoadRun.Result> baseline, Map<Integer, LoadRun.Result> cycles, LivePhase live) {
        System.out.printf("%n3. Targets%n");
        LoadRun.Result at64 = cycles.get(TARGET_CLIENTS);
        if (at64 == null) {
            System.out.printf(
                    "  [ -- ] reservations/s and reserve p99 at %d clients: not measured (bench.clients=%s)%n",
                    TARGET_CLIENTS, settings.clients());
        } else {
            double reservations = at64.rate(Operation.RESERVE);
            verdict(
                    reservations >= TARGET_RESERVATIONS_PER_SECOND,
                    String.format(
                            Locale.ROOT,
                            ">= %,.0f reservations/s at %d clients (seat cycles): %s/s (pure reservations, live phase with %d clients: %s/s)",
                            TARGET_RESERVATIONS_PER_SECOND,
                            TARGET_CLIENTS,
                            rate(reservations),
                            settings.liveClients(),
                            rate(live.reserve().rate(Operation.RESERVE))));
            double p99 = at64.latencies(Operation.RESERVE).p99Millis();
            verdict(
                    p99 < TARGET_RESERVE_P99_MILLIS,
                    String.format(
                            Locale.ROOT,
                            "reserve p99 < %.0f ms at %d clients: %.2f ms",
                            TARGET_RESERVE_P99_MILLIS,
                            TARGET_CLIENTS,
                            p99));
        }
        double worst = Double.MAX_VALUE;
        int worstAt = 0;
        for (Map.Entry<Integer, LoadRun.Result> e : cycles.entrySet()) {
            double ratio = e.getValue().rate(SEAT_OPERATIONS)
                    / baseline.get(e.getKey()).rate(Operation.PING);
            if (ratio < worst) {
                worst = ratio;
                worstAt = e.getKey();
            }
        }
        verdict(
                worst >= TARGET_RATIO_TO_BASELINE,
                String.format(
                        Locale.ROOT,
                        "seat throughput >= %.1f x the baseline's at every concurrency: lowest %.2f x (at %d clients)",
                        TARGET_RATIO_TO_BASELINE,
                        worst,
                        worstAt));
        verdict(
                live.reserved() >= TARGET_LIVE_LEASES,
                String.format(Locale.ROOT, "%,d live leases: %,d held", TARGET_LIVE_LEASES, live.reserved()));
        Latencies first = live.buckets().get(0);
        Latencies last = live.buckets().get(live.buckets().size() - 1);
        boolean flat = last.p50Millis() <= 1.5 * first.p50Millis() + 1 && last.p99Millis() <= 2 * first.p99Millis() + 5;
        verdict(
                flat,
                String.format(
                        Locale.ROOT,
                        "flat reserve latency (last %,d vs first: p50 at most 1.5 x + 1 ms, p99 at most 2 x + 5 ms): p50 %.2f -> %.2f ms, p99 %.2f -> %.2f ms",
                        live.bucketSize(),
                        first.p50Millis(),
                        last.p50Millis(),
                        first.p99Millis(),
                        last.p99Millis()));
        if (live.heapWith().isPresent()) {
            verdict(
                    live.heapWith().getAsLong() < TARGET_HEAP_BYTES,
                    String.format(
                            Locale.ROOT,
                            "server heap < 1 GiB with %,d leases (used after a full GC): %s",
                            live.reserved(),
                            mib(live.heapWith())));
        } else {
            System.out.println("  [ -- ] server heap < 1 GiB: not measured (see above)");
        }
        verdict(live.leftOver() == 0, "no leases left after releasing them all: " + live.leftOver() + " left");
        System.out.printf("  errors in all runs (warm-ups included): %d%n", seats.errorsSeen());
    }

    private static void verdict(boolean met, String what) {
        System.out.printf("  [%s] %s%n", met ? "PASS" : "FAIL", what);
    }

    private static String rate(double perSecond) {
        return String.format(Locale.ROOT, "%,.0f", perSecond);
    }

    private static String seconds(Duration d) {
        return String.format(Locale.ROOT, "%.1f", d.toMillis() / 1000.0);
    }

    private static String mib(long bytes) {
        return String.format(Locale.ROOT, "%,.0f MiB", bytes / (1024.0 * 1024));
    }

    private static String mib(OptionalLong bytes) {
        return bytes.isPresent() ? mib(bytes.getAsLong()) : "unknown";
    }

    private static String perLease(OptionalLong without, OptionalLong with, int leases) {
        if (without.isEmpty() || with.isEmpty() || leases == 0) {
            return "unknown";
        }
        return String.format(Locale.ROOT, "%,d bytes", (with.getAsLong() - without.getAsLong()) / leases);
    }
}
