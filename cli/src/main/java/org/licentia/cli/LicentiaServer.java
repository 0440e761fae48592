package org.licentia.cli;

import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.InterruptedIOException;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;
import org.licentia.client.http.ServerApi;
import org.licentia.client.http.ServerUnreachableException;

/**
 * The Licentia REST API as the CLI sees it: JSON in, JSON out, and every error status turned into
 * a {@link ServerError} carrying the problem's code and detail. Requests go out as the client
 * library sends them ({@link ServerApi}); what the CLI makes of the answers is its own.
 */
final class LicentiaServer {

    /** How the CLI introduces itself; the server keeps it in its licensing records as the client's claim. */
    static final String USER_AGENT = "licentia-cli/"
            + java.util.Objects.requireNonNullElse(
                    LicentiaServer.class.getPackage().getImplementationVersion(), "dev");

    private final ServerApi api;
    private final boolean signedIn;
    private final String credentialsMissing;

    /**
     * Without {@code email} and {@code password}, requests go out anonymously (the public keys
     * need no account) and a 401 becomes a usage error saying {@code credentialsMissing}.
     */
    LicentiaServer(String baseUrl, String email, String password, String credentialsMissing) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("User-Agent", USER_AGENT);
        this.signedIn = email != null && password != null;
        if (signedIn) {
            headers.put(
                    "Authorization",
                    "Basic "
                            + Base64.getEncoder()
                                    .encodeToString((email + ":" + password).getBytes(StandardCharsets.UTF_8)));
        }
        this.credentialsMissing = credentialsMissing;
        this.api = new ServerApi(
                baseUrl, ServerApi.defaultHttpClient(), headers, ServerError::new, ServerUnreachableException::new);
    }

    String baseUrl() {
        return api.serverUrl();
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

    /** A GET whose answer is text of another type than JSON ({@code accept}, e.g. CSV). */
    String getText(String path, Map<String, ?> query, String accept) {
        StringJoiner parameters = new StringJoiner("&", "?", "").setEmptyValue("");
        query.forEach((name, value) -> {
            if (value != null) {
                parameters.add(name + "=" + URLEncoder.encode(value.toString(), StandardCharsets.UTF_8));
            }
        });
        return new String(bytes("GET", path + parameters, null, null, accept).body(), StandardCharsets.UTF_8);
    }

    /** A POST whose answer is a file ({@code accept}, e.g. a license file's zip): its bytes. */
    byte[] postForFile(String path, JsonObject body, String accept) {
        HttpResponse<byte[]> response =
                bytes("POST", path, "application/json", body.toString().getBytes(StandardCharsets.UTF_8), accept);
        return response.body();
    }

    /** A POST of a file whose answer is a file of the same kind (a return request in, its response out). */
    byte[] exchangeFile(String path, String contentType, byte[] file) {
        return bytes("POST", path, contentType, file, contentType).body();
    }

    /** A POST of a file ({@code contentType}) whose answer is JSON. */
    JsonValue postFile(String path, String contentType, byte[] file) {
        HttpResponse<byte[]> response = bytes("POST", path, contentType, file, "application/json");
        try {
            return Json.parse(new String(response.body(), StandardCharsets.UTF_8));
        } catch (JsonException e) {
            throw new CliFailure(
                    CliExit.CLIENT_ERROR,
                    "Unexpected answer from " + api.serverUrl() + path + ": not JSON (HTTP " + response.statusCode()
                            + ")");
        }
    }

    private HttpResponse<byte[]> bytes(String method, String path, String contentType, byte[] body, String accept) {
        HttpResponse<byte[]> response;
        try {
            response = api.exchangeBytes(method, path, contentType, body, accept);
        } catch (ServerUnreachableException e) {
            throw new CliFailure(CliExit.UNREACHABLE, e.getMessage());
        }
        if (response.statusCode() == 401 && !signedIn) {
            throw new CliFailure(
                    CliExit.USAGE, credentialsMissing != null ? credentialsMissing : "credentials required");
        }
        if (response.statusCode() >= 300) {
            throw api.refusal(
                    path,
                    response.statusCode(),
                    response.headers().firstValue("Content-Type").orElse(null),
                    response.body());
        }
        return response;
    }

    /** One path segment, so that an e-mail address or account name cannot change the path. */
    static String segment(String value) {
        return ServerApi.segment(value);
    }

    private JsonValue send(String method, String path, JsonObject body) {
        HttpResponse<String> response;
        try {
            response = api.exchange(method, path, body);
        } catch (ServerUnreachableException e) {
            throw new CliFailure(
                    CliExit.UNREACHABLE,
                    e.getCause() instanceof InterruptedIOException
                            ? "interrupted while waiting for the Licentia server at " + e.serverUrl()
                            : e.getMessage());
        }
        if (response.statusCode() == 401 && !signedIn) {
            throw new CliFailure(
                    CliExit.USAGE, credentialsMissing != null ? credentialsMissing : "credentials required");
        }
        if (response.statusCode() >= 400) {
            throw api.refusal(path, response);
        }
        if (response.statusCode() >= 300) {
            // A redirect (a proxy sending http to https, say) did not carry out the request: never report it as done.
            throw new CliFailure(
                    CliExit.CLIENT_ERROR,
                    "The server at " + api.serverUrl() + " redirected " + method + " " + path
                            + " (HTTP " + response.statusCode()
                            + response.headers()
                                    .firstValue("Location")
                                    .map(l -> " to " + l)
                                    .orElse("")
                            + "); use the address it redirects to with --url");
        }
        if (response.body().isBlank()) {
            return JsonValue.EMPTY_JSON_OBJECT;
        }
        try {
            return Json.parse(response.body());
        } catch (JsonException e) {
            throw new CliFailure(
                    CliExit.CLIENT_ERROR,
                    "Unexpected answer from " + api.serverUrl() + path + ": not JSON (HTTP " + response.statusCode()
                            + ")");
        }
    }
}
