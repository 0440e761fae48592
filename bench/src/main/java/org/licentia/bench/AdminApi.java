package org.licentia.bench;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * The calls that set the benchmark up and clean after it, as the quick start's publisher-admin
 * (the embedded default: one server is the publisher and its own on-prem instance). Any refusal
 * stops the benchmark with the server's answer.
 */
final class AdminApi {

    private static final String ADMIN = "admin@licentia.example";
    private static final String ADMIN_PASSWORD = "licentia-admin";

    private final HttpClient http;
    private final String base;

    AdminApi(HttpClient http, String base) {
        this.http = http;
        this.base = base;
    }

    void createAccount(String name) throws Exception {
        call(
                "POST",
                "/api/v1/accounts",
                Json.createObjectBuilder().add("name", name).build(),
                true);
    }

    void createUser(String email, String password, String account, String role) throws Exception {
        call(
                "POST",
                "/api/v1/users",
                Json.createObjectBuilder()
                        .add("email", email)
                        .add("password", password)
                        .add("account", account)
                        .add("role", role)
                        .build(),
                true);
    }

    /** A license of the default product and edition with {@code seats} seats (quota metric seats); its number. */
    String createLicense(String account, int seats) throws Exception {
        return call(
                        "POST",
                        "/api/v1/licenses",
                        Json.createObjectBuilder()
                                .add("account", account)
                                .add("seats", seats)
                                .add("quotaMetric", "seats")
                                .build(),
                        true)
                .getString("number");
    }

    /**
     * {@code count} licenses of the default product and edition for {@code account}, created in
     * batches of up to 1,000 (the server's limit), each with {@code seats} seats and
     * {@code maxActivations} activations; their views, activation keys included.
     */
    List<JsonObject> createLicenses(String account, int count, int seats, int maxActivations) throws Exception {
        List<JsonObject> created = new ArrayList<>(count);
        for (int done = 0; done < count; done += 1000) {
            JsonArrayBuilder batch = Json.createArrayBuilder();
            for (int i = done; i < Math.min(count, done + 1000); i++) {
                batch.add(Json.createObjectBuilder()
                        .add("account", account)
                        .add("seats", seats)
                        .add("maxActivations", maxActivations));
            }
            created.addAll(call(
                            "POST",
                            "/api/v1/licenses/batch",
                            Json.createObjectBuilder().add("licenses", batch).build(),
                            true)
                    .getJsonArray("licenses")
                    .getValuesAs(JsonObject.class));
        }
        return created;
    }

    /** The license's activations as its staff see them (docs/node-locked.md). */
    List<JsonObject> activations(String license) throws Exception {
        return call(
                        "GET",
                        "/api/v1/activations?license=" + URLEncoder.encode(license, StandardCharsets.UTF_8),
                        null,
                        true)
                .getJsonArray("activations")
                .getValuesAs(JsonObject.class);
    }

    /** The licenses the instance hosts now through online registration (what registration changes). */
    List<String> hosted() throws Exception {
        List<String> numbers = new ArrayList<>();
        call("GET", "/api/v1/hosted-licenses", null, true)
                .getJsonArray("licenses")
                .getValuesAs(JsonObject.class)
                .stream()
                .filter(l -> "online".equals(l.getString("source")))
                .forEach(l -> numbers.add(l.getString("number")));
        return numbers;
    }

    /**
     * Makes the instance host exactly {@code wanted}, as a user does: the change summary first, then
     * the change with the summary's current set as the expected one (so nothing is applied if
     * someone changed the hosted set in between). Returns the hosted set after the change.
     */
    List<String> host(String email, String password, List<String> wanted) throws Exception {
        JsonObject summary = call(
                "POST",
                "/api/v1/registration/plan",
                credentials(email, password).add("licenses", array(wanted)).build(),
                false);
        JsonObject hosted = call(
                "POST",
                "/api/v1/registration",
                credentials(email, password)
                        .add("licenses", array(wanted))
                        .add("expectedCurrent", summary.getJsonArray("current"))
                        .build(),
                false);
        List<String> numbers = new ArrayList<>();
        hosted.getJsonArray("licenses").getValuesAs(JsonObject.class).forEach(l -> numbers.add(l.getString("number")));
        return numbers;
    }

    /** A new client token; the secret is shown only in this answer. */
    String createToken(String name) throws Exception {
        return call(
                        "POST",
                        "/api/v1/client-tokens",
                        Json.createObjectBuilder().add("name", name).build(),
                        true)
                .getString("token");
    }

    void revokeToken(String name) throws Exception {
        call("DELETE", "/api/v1/client-tokens/" + URLEncoder.encode(name, StandardCharsets.UTF_8), null, true);
    }

    /** The license's leases as the instance's administrator sees them. */
    List<JsonObject> leases(String license) throws Exception {
        return call(
                        "GET",
                        "/api/v1/reservations?license=" + URLEncoder.encode(license, StandardCharsets.UTF_8),
                        null,
                        true)
                .getJsonArray("leases")
                .getValuesAs(JsonObject.class);
    }

    static JsonObjectBuilder credentials(String email, String password) {
        return Json.createObjectBuilder().add("email", email).add("password", password);
    }

    static JsonArrayBuilder array(List<String> values) {
        JsonArrayBuilder a = Json.createArrayBuilder();
        values.forEach(a::add);
        return a;
    }

    /** A POST as the admin whose body or answer is a file: {@code body} as {@code contentType}, the answer's bytes. */
    byte[] exchangeFile(String path, String contentType, byte[] body, String accept) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofMinutes(5))
                .header("Accept", accept)
                .header("Content-Type", contentType)
                .header("Authorization", adminAuthorization())
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() >= 400) {
            throw new IllegalStateException("POST " + path + ": HTTP " + response.statusCode() + " "
                    + new String(response.body(), StandardCharsets.UTF_8));
        }
        return response.body();
    }

    private static String adminAuthorization() {
        return "Basic "
                + Base64.getEncoder().encodeToString((ADMIN + ":" + ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8));
    }

    /** One call, as the admin or (for calls that carry credentials in the body) signed in as nobody; refusals throw. */
    JsonObject call(String method, String path, JsonObject body, boolean asAdmin) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofMinutes(5))
                .header("Accept", "application/json")
                .method(
                        method,
                        body == null
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofString(body.toString()));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (asAdmin) {
            request.header("Authorization", adminAuthorization());
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 400) {
            throw new IllegalStateException(
                    method + " " + path + ": HTTP " + response.statusCode() + " " + response.body());
        }
        if (response.body() == null || response.body().isBlank()) {
            return JsonValue.EMPTY_JSON_OBJECT;
        }
        return Json.createReader(new StringReader(response.body())).readObject();
    }
}
