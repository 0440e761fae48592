package org.licentia.bench;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Request-key licensing at scale beside online registration, in the same run, against a running
 * server in its embedded default (one server is the publisher and its own on-prem instance): for
 * N = 1,000 and 10,000 fresh licenses (after a warm-up round of 1,000), it times the online
 * registration of all N (change summary and change), then, after deregistering them, the license
 * file path: making the file at the publisher from the instance's request code, and uploading it
 * to the instance. Target: the file path no slower than the online one.
 *
 * <p>Run: {@code mvn -q -pl bench exec:java -Dexec.mainClass=org.licentia.bench.LicenseFileBench
 * -Dexec.args=http://localhost:8080}. A license file's licenses stay the instance's until a
 * return, which takes every license the instance hosts ({@link ReturnBench} times it): so that
 * rounds and runs do not pile up without taking the server's other licenses too, each round
 * revokes its licenses afterwards (a batch revocation) and applies one more, untimed file of one
 * fresh license, which leaves the revoked ones out and so takes them off the instance.
 */
public final class LicenseFileBench {

    private final AdminApi api;

    private LicenseFileBench(String base) {
        this.api = new AdminApi(
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build(), base);
    }

    public static void main(String[] args) throws Exception {
        LicenseFileBench bench = new LicenseFileBench(args.length > 0 ? args[0] : "http://localhost:8080");
        System.out.println("warm-up (1000 licenses, not reported)");
        bench.round(1000);
        System.out.printf(
                "%8s %10s %10s %10s %10s %8s %10s %10s%n",
                "licenses", "online ms", "code ms", "create ms", "upload ms", "file ms", "file/online", "zip bytes");
        for (int n : new int[] {1000, 10000}) {
            Round r = bench.round(n);
            long file = r.code + r.create + r.upload;
            System.out.printf(
                    "%8d %10d %10d %10d %10d %8d %10.2f %10d%n",
                    n, r.online, r.code, r.create, r.upload, file, (double) file / r.online, r.zipBytes);
        }
    }

    private record Round(long online, long code, long create, long upload, int zipBytes) {}

    private Round round(int n) throws Exception {
        String tag = Long.toString(System.nanoTime(), 36);
        String account = "File bench " + tag + " " + n;
        String email = "file-bench." + tag + "@licentia.example";
        String password = "bench-" + tag;
        api.createAccount(account);
        api.createUser(email, password, account, "license-manager");
        List<String> numbers = new ArrayList<>(n);
        api.createLicenses(account, n, 10, 1).forEach(l -> numbers.add(l.getString("number")));
        List<String> before = api.hosted();

        long t0 = System.nanoTime();
        List<String> hosted = api.host(email, password, union(before, numbers));
        long t1 = System.nanoTime();
        if (!hosted.containsAll(numbers)) {
            throw new IllegalStateException("online registration hosted " + hosted.size() + " licenses");
        }
        api.host(email, password, before);

        long t2 = System.nanoTime();
        String code = api.call("GET", "/api/v1/license-files/request-code", null, true)
                .getString("code");
        long t3 = System.nanoTime();
        byte[] zip = api.exchangeFile(
                "/api/v1/license-files",
                "application/json",
                Json.createObjectBuilder()
                        .add("requestCode", code)
                        .add("licenses", AdminApi.array(numbers))
                        .build()
                        .toString()
                        .getBytes(StandardCharsets.UTF_8),
                "application/zip");
        long t4 = System.nanoTime();
        JsonObject applied = Json.createReader(new StringReader(new String(
                        api.exchangeFile("/api/v1/license-files/upload", "application/zip", zip, "application/json"),
                        StandardCharsets.UTF_8)))
                .readObject();
        long t5 = System.nanoTime();
        if (applied.getJsonArray("added").size() != n) {
            throw new IllegalStateException(
                    "the upload added " + applied.getJsonArray("added").size() + " licenses");
        }
        revokeAll(numbers);
        settle(account);
        return new Round(ms(t1 - t0), ms(t3 - t2), ms(t4 - t3), ms(t5 - t4), zip.length);
    }

    /**
     * Applies one more file, of one fresh license, untimed: the next file leaves the revoked
     * licenses out, so this upload takes them off the instance, and the next round's timed upload
     * does not pay for that.
     */
    private void settle(String account) throws Exception {
        String code = api.call("GET", "/api/v1/license-files/request-code", null, true)
                .getString("code");
        byte[] zip = api.exchangeFile(
                "/api/v1/license-files",
                "application/json",
                Json.createObjectBuilder()
                        .add("requestCode", code)
                        .add("licenses", AdminApi.array(List.of(api.createLicense(account, 1))))
                        .build()
                        .toString()
                        .getBytes(StandardCharsets.UTF_8),
                "application/zip");
        api.exchangeFile("/api/v1/license-files/upload", "application/zip", zip, "application/json");
    }

    private void revokeAll(List<String> numbers) throws Exception {
        for (int done = 0; done < numbers.size(); done += 1000) {
            api.call(
                    "POST",
                    "/api/v1/licenses/batch/revocation",
                    Json.createObjectBuilder()
                            .add(
                                    "licenses",
                                    AdminApi.array(numbers.subList(done, Math.min(numbers.size(), done + 1000))))
                            .add("reason", "license file benchmark")
                            .build(),
                    true);
        }
    }

    private static List<String> union(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    private static long ms(long nanos) {
        return nanos / 1_000_000;
    }
}
