package org.licentia.bench;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Registration and sync at scale, against a running server in its embedded default (the on-prem
 * side registers from the publisher side of the same server, as after the quick start):
 * creates N licenses for a fresh account, registers all N on the instance with one explicit list,
 * syncs them, and deregisters them, for N = 1,000 and 10,000 (after a warm-up round).
 *
 * <p>Run: {@code mvn -q -pl bench exec:java -Dexec.args="http://localhost:8080"}. It leaves the
 * instance hosting nothing (whatever it hosted before is deregistered first) and leaves the
 * benchmark's accounts and licenses in the publisher's catalog.
 */
public final class RegistrationBench {

    private final AdminApi api;

    private RegistrationBench(String base) {
        this.api = new AdminApi(
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build(), base);
    }

    public static void main(String[] args) throws Exception {
        RegistrationBench bench = new RegistrationBench(args.length > 0 ? args[0] : "http://localhost:8080");
        System.out.println("warm-up (1000 licenses, not reported)");
        bench.round(1000);
        System.out.printf(
                "%8s %10s %12s %10s %14s %12s%n",
                "licenses", "plan ms", "register ms", "sync ms", "sync server ms", "deregister ms");
        for (int n : new int[] {1000, 10000}) {
            long[] t = bench.round(n);
            System.out.printf("%8d %10d %12d %10d %14d %12d%n", n, t[0], t[1], t[2], t[3], t[4]);
        }
    }

    private long[] round(int n) throws Exception {
        String tag = Long.toString(System.nanoTime(), 36);
        String account = "Bench " + tag + " " + n;
        String email = "bench." + tag + "@licentia.example";
        String password = "bench-" + tag;
        api.call(
                "POST",
                "/api/v1/accounts",
                Json.createObjectBuilder().add("name", account).build(),
                true);
        api.call(
                "POST",
                "/api/v1/users",
                Json.createObjectBuilder()
                        .add("email", email)
                        .add("password", password)
                        .add("account", account)
                        .add("role", "license-manager")
                        .build(),
                true);
        List<String> numbers = new ArrayList<>(n);
        for (int done = 0; done < n; done += 1000) {
            JsonArrayBuilder batch = Json.createArrayBuilder();
            for (int i = done; i < Math.min(n, done + 1000); i++) {
                batch.add(Json.createObjectBuilder().add("account", account).add("seats", 10));
            }
            JsonObject created = api.call(
                    "POST",
                    "/api/v1/licenses/batch",
                    Json.createObjectBuilder().add("licenses", batch).build(),
                    true);
            created.getJsonArray("licenses")
                    .getValuesAs(JsonObject.class)
                    .forEach(l -> numbers.add(l.getString("number")));
        }
        List<String> hosted = api.hosted();
        if (!hosted.isEmpty()) {
            api.call(
                    "POST",
                    "/api/v1/registration/deregister",
                    AdminApi.credentials(email, password)
                            .add("expectedCurrent", AdminApi.array(hosted))
                            .build(),
                    false);
        }

        long t0 = System.nanoTime();
        JsonObject summary = api.call(
                "POST",
                "/api/v1/registration/plan",
                AdminApi.credentials(email, password)
                        .add("licenses", AdminApi.array(numbers))
                        .build(),
                false);
        long t1 = System.nanoTime();
        JsonObject registered = api.call(
                "POST",
                "/api/v1/registration",
                AdminApi.credentials(email, password)
                        .add("licenses", AdminApi.array(numbers))
                        .add("expectedCurrent", summary.getJsonArray("current"))
                        .build(),
                false);
        long t2 = System.nanoTime();
        if (registered.getJsonArray("licenses").size() != n) {
            throw new IllegalStateException(
                    "registered " + registered.getJsonArray("licenses").size() + " of " + n);
        }
        JsonObject report = api.call("POST", "/api/v1/sync", JsonValue.EMPTY_JSON_OBJECT, true);
        long t3 = System.nanoTime();
        if (!"COMPLETED".equals(report.getString("outcome"))
                || report.getJsonArray("licenses").size() != n) {
            throw new IllegalStateException("sync: " + report.getString("outcome"));
        }
        api.call(
                "POST",
                "/api/v1/registration/deregister",
                AdminApi.credentials(email, password)
                        .add("expectedCurrent", AdminApi.array(numbers))
                        .build(),
                false);
        long t4 = System.nanoTime();
        return new long[] {
            ms(t1 - t0),
            ms(t2 - t1),
            ms(t3 - t2),
            report.getJsonNumber("durationMs").longValue(),
            ms(t4 - t3)
        };
    }

    private static long ms(long nanos) {
        return nanos / 1_000_000;
    }
}
