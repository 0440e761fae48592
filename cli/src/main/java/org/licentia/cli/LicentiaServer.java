package org.licentia.cli;

import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.StringJoiner;

/**
 * The Licentia REST API as the CLI sees it: JSON in, JSON out, and every error status turned into
 * a {@link ServerError} carrying the problem's code and detail.
 */
final class LicentiaServer {

    /** Lets the server tell CLI traffic apart from the web UI and integrations in its audit trail. */
    static final String CHANNEL_HEADER = "X-Licentia-Channel";

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

    private final String baseUrl;
    private final String authorization;
    private final String credentialsMissing;
    private final HttpClient http;

    /**
     * Without {@code email} and {@code password}, requests go out anonymously (the public keys
     * need no account) and a 401 becomes a usage error saying {@code credentialsMissing}.
     */
    LicentiaServer(String baseUrl, String email, String password, String credentialsMissing) {
        this.baseUrl = baseUrl.replaceAll("/+$", "");
        this.authorization = email == null || password == null ? null
                : "Basic " + Base64.getEncoder().encodeToString((email + ":" + password).getBytes(StandardCharsets.UTF_8));
        this.credentialsMissing = credentialsMissing;
        this.http = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT).build();
    }

    String baseUrl() {
        return baseUrl;
    }

    JsonValue get(String path) {
        return send("GET", path, null);
    }

    JsonValue get(String path, Map<String, ?> query) {
        StringJoiner parameters = new StringJoiner("&", "?", "").setEmptyValue("");
        query.forEach((name, value) -> {
            if (value != null) {
                parameters.add(name + "=" + URLEncoder.encode(value.toString(), StandardCharsets.UTF_8));
            }
        });
        return send("GET", path + parameters, null);
    }

    JsonValue post(String path, JsonObject body) {
        return send("POST", path, body);
    }

    JsonValue patch(String path, JsonObject body) {
        return send("PATCH", path, body);
    }

    JsonValue delete(String path) {
        return send("DELETE", path, null);
    }

    JsonValue put(String path, JsonObject body) {
        return send("PUT", path, body);
    }

    /** One path segment, so that an e-mail address or account name cannot change the path. */
    static String segment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private JsonValue send(String method, String path, JsonObject body) {
        String url = baseUrl + path;
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .timeout(REQUEST_TIMEOUT)
                .header("Accept", "application/json")
                .header(CHANNEL_HEADER, "CLI")
                .method(method, body == null ? BodyPublishers.noBody() : BodyPublishers.ofString(body.toString()));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new CliFailure(CliExit.UNREACHABLE, "cannot reach the Licentia server at " + baseUrl + ": " + reason(e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CliFailure(CliExit.UNREACHABLE, "interrupted while waiting for the Licentia server at " + baseUrl);
        }
        if (response.statusCode() == 401 && authorization == null) {
            throw new CliFailure(CliExit.USAGE, credentialsMissing != null ? credentialsMissing : "credentials required");
        }
        if (response.statusCode() >= 400) {
            throw problem(response, url);
        }
        if (response.body().isBlank()) {
            return JsonValue.EMPTY_JSON_OBJECT;
        }
        try {
            return Json.parse(response.body());
        } catch (JsonException e) {
            throw new CliFailure(CliExit.CLIENT_ERROR,
                    "Unexpected answer from " + url + ": not JSON (HTTP " + response.statusCode() + ")");
        }
    }

    private static ServerError problem(HttpResponse<String> response, String url) {
        int status = response.statusCode();
        boolean problemJson = response.headers().firstValue("Content-Type")
                .map(type -> type.startsWith("application/problem+json") || type.startsWith("application/json"))
                .orElse(false);
        if (problemJson) {
            try {
                if (Json.parse(response.body()) instanceof JsonObject problem) {
                    String detail = Json.text(problem, "detail");
                    String code = Json.text(problem, "code");
                    return new ServerError(status, code, detail != null ? detail : Json.text(problem, "title"), url);
                }
            } catch (JsonException notJson) {
                // Falls through to the plain message: the body said JSON but was not.
            }
        }
        return new ServerError(status, null, null, url);
    }

    /** The JDK often throws with a null message (a refused connection, an unknown host), so say what happened instead. */
    private static String reason(IOException e) {
        if (e instanceof HttpTimeoutException) {
            return "timed out";
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof UnresolvedAddressException || t instanceof UnknownHostException) {
                return "unknown host";
            }
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getMessage() != null && !t.getMessage().isBlank()) {
                return t.getMessage();
            }
        }
        return e instanceof ConnectException ? "connection refused" : e.getClass().getSimpleName();
    }
}
