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
 * Returns at scale beside online registration, in the same run, against a running server in its
 * embedded default (one server is the publisher and its own on-prem instance): for N = 1,000 and
 * 10,000 fresh licenses (after a warm-up round of 1,000), it times the online registration of all N
 * (the baseline), then the offline return of them in its three server steps (the instance's
 * request, the publisher's processing, the instance's confirm), then, registered again, the online
 * return in one call. A return takes every license the instance hosts: run it on a server whose
 * hosted licenses you can spare.
 *
 * <p>Run: {@code mvn -q -pl bench exec:java -Dexec.mainClass=org.licentia.bench.ReturnBench
 * -Dexec.args=http://localhost:8080}.
 */
public final class ReturnBench {

    private final AdminApi api;

    private ReturnBench(String base) {
        this.api = new AdminApi(
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build(), base);
    }

    public static void main(String[] args) throws Exception {
        ReturnBench bench = new ReturnBench(args.length > 0 ? args[0] : "http://localhost:8080");
        System.out.println("warm-up (1000 licenses, not reported)");
        bench.round(1000);
        System.out.printf(
                "%8s %11s %10s %10s %10s %11s %13s %15s %10s%n",
                "licenses",
                "register ms",
                "request ms",
                "process ms",
                "confirm ms",
                "offline/reg",
                "online ret ms",
                "online ret/reg",
                "file bytes");
        for (int n : new int[] {1000, 10000}) {
            Round r = bench.round(n);
            long offline = r.request + r.process + r.confirm;
            System.out.printf(
                    "%8d %11d %10d %10d %10d %11.2f %13d %15.2f %10d%n",
                    n,
                    r.register,
                    r.request,
                    r.process,
                    r.confirm,
                    (double) offline / r.register,
                    r.onlineReturn,
                    (double) r.onlineReturn / r.register,
                    r.fileBytes);
        }
    }

    private record Round(long register, long request, long process, long confirm, long onlineReturn, int fileBytes) {}

    private Round round(int n) throws Exception {
        String tag = Long.toString(System.nanoTime(), 36);
        String account = "Return bench " + tag + " " + n;
        String email = "return-bench." + tag + "@licentia.example";
        String password = "bench-" + tag;
        api.createAccount(account);
        api.createUser(email, password, account, "license-manager");
        List<String> numbers = new ArrayList<>(n);
        api.createLicenses(account, n, 10, 1).forEach(l -> numbers.add(l.getString("number")));

        long t0 = System.nanoTime();
        register(email, password, numbers);
        long t1 = System.nanoTime();
        String request = api.call("POST", "/api/v1/license-return/request", JsonObject.EMPTY_JSON_OBJECT, true)
                .getString("file");
        long t2 = System.nanoTime();
        byte[] response = api.exchangeFile("/api/v1/returns", "application/json", bytes(request), "application/json");
        long t3 = System.nanoTime();
        JsonObject confirmed = read(
                api.exchangeFile("/api/v1/license-return/confirm", "application/json", response, "application/json"));
        long t4 = System.nanoTime();
        requireReturned(confirmed, numbers);

        register(email, password, numbers);
        long t5 = System.nanoTime();
        JsonObject online = api.call(
                "POST",
                "/api/v1/registration/return",
                AdminApi.credentials(email, password).build(),
                false);
        long t6 = System.nanoTime();
        requireReturned(online, numbers);
        return new Round(ms(t1 - t0), ms(t2 - t1), ms(t3 - t2), ms(t4 - t3), ms(t6 - t5), request.length());
    }

    /** Hosts exactly {@code numbers} (the instance hosts nothing after a return), with the change summary first. */
    private void register(String email, String password, List<String> numbers) throws Exception {
        List<String> hosted = api.host(email, password, numbers);
        if (hosted.size() != numbers.size()) {
            throw new IllegalStateException("online registration hosted " + hosted.size() + " licenses");
        }
    }

    private static void requireReturned(JsonObject r, List<String> numbers) {
        if (!"RETURNED".equals(r.getString("state"))
                || r.getJsonArray("licenses").size() < numbers.size()) {
            throw new IllegalStateException("the return did not take every license: " + r.getString("state"));
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static JsonObject read(byte[] json) {
        return Json.createReader(new StringReader(new String(json, StandardCharsets.UTF_8)))
                .readObject();
    }

    private static long ms(long nanos) {
        return nanos / 1_000_000;
    }
}
