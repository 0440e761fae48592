package org.licentia.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.ThreadLocalRandom;

/** A REST client for the tests: real HTTP to the server under test, JSON via Jakarta JSON-P. */
final class Api {

    static final String ADMIN = "admin@licentia.example";
    static final String ADMIN_PASSWORD = "licentia-admin";
    static final String BASE = "http://localhost:8280";

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private final String base;
    private final String authorization;

    private Api(String base, String authorization) {
        this.base = base;
        this.authorization = authorization;
    }

    static Api as(String email, String password) {
        return as(BASE, email, password);
    }

    static Api as(String base, String email, String password) {
        return new Api(
                base,
                "Basic "
                        + Base64.getEncoder()
                                .encodeToString((email + ":" + password).getBytes(StandardCharsets.UTF_8)));
    }

    static Api admin() {
        return as(ADMIN, ADMIN_PASSWORD);
    }

    /** Signs in as a seat client, with a client token. */
    static Api bearer(String token) {
        return bearer(BASE, token);
    }

    static Api bearer(String base, String token) {
        return new Api(base, "Bearer " + token);
    }

    static Api anonymous() {
        return new Api(BASE, null);
    }

    static Api anonymous(String base) {
        return new Api(base, null);
    }

    /** A license number no other test uses: tests never depend on each other's data. */
    static String uniqueNumber() {
        return Long.toString(ThreadLocalRandom.current().nextLong(20_000_000L, 99_999_999L));
    }

    record Reply(int status, String contentType, String body) {
        JsonObject json() {
            if (body == null || body.isBlank()) {
                throw new AssertionError("HTTP " + status + " with no body");
            }
            return Json.createReader(new StringReader(body)).readObject();
        }

        String code() {
            return json().getString("code");
        }
    }

    /** The Authorization header this client sends, for a test that makes its own requests (a license file's bytes). */
    String authorization() {
        return authorization;
    }

    Reply get(String path) {
        return send("GET", path, null);
    }

    Reply post(String path, String json) {
        return send("POST", path, json);
    }

    Reply patch(String path, String json) {
        return send("PATCH", path, json);
    }

    Reply put(String path, String json) {
        return send("PUT", path, json);
    }

    /** A POST that signs in with nothing: the on-prem registration calls carry their credentials in the body. */
    Reply postAnonymous(String path, String json) {
        return new Api(base, null).send("POST", path, json);
    }

    /** A POST of an HTML form (application/x-www-form-urlencoded), as a browser sends it. */
    Reply form(String path, String encodedForm) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(encodedForm))
                .build();
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            return new Reply(
                    response.statusCode(),
                    response.headers().firstValue("Content-Type").orElse(""),
                    response.body());
        } catch (Exception e) {
            throw new IllegalStateException("POST " + path + " failed", e);
        }
    }

    Reply delete(String path) {
        return send("DELETE", path, null);
    }

    Reply send(String method, String path, String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofSeconds(60))
                .header("Accept", "application/json");
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        request.method(
                method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(
                    response.statusCode(),
                    response.headers().firstValue("Content-Type").orElse(""),
                    response.body());
        } catch (Exception e) {
            throw new IllegalStateException(method + " " + path + " failed", e);
        }
    }
}
