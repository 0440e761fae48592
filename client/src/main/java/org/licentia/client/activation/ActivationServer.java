package org.licentia.client.activation;

import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Map;
import org.licentia.client.http.ServerApi;
import org.licentia.client.http.ServerUnreachableException;

/**
 * The public activation calls of a Licentia server (docs/node-locked.md), which need no sign-in:
 * the activation key or the deactivation code is the proof. Answers are read here and trusted no
 * further than that; {@link NodeLock} verifies the computer key before it keeps anything.
 */
final class ActivationServer {

    private static final String ACTIVATIONS = "/api/v1/activations";

    /** What an activation answer carries that the computer needs: the key, still unverified, and the status. */
    record Issued(String computerKey, ActivationStatus status) {}

    private final ServerApi api;

    /** @throws IllegalArgumentException when {@code server} is no http or https URL with a host */
    ActivationServer(URI server, HttpClient http) {
        this.api = new ServerApi(
                server.toString(), http, Map.of(), ActivationRefusedException::new, ServerUnreachableException::new);
    }

    Issued activate(
            ActivationKey activationKey, ComputerId computerId, String computerName, Map<String, String> fields) {
        JsonObjectBuilder body = jakarta.json.Json.createObjectBuilder()
                .add("activationKey", activationKey.toString())
                .add("computerId", computerId.toString());
        if (computerName != null && !computerName.isBlank()) {
            body.add("computerName", computerName.strip());
        }
        if (fields != null && !fields.isEmpty()) {
            JsonObjectBuilder members = jakarta.json.Json.createObjectBuilder();
            fields.forEach(members::add);
            body.add("fields", members);
        }
        String path = ACTIVATIONS + "/online";
        JsonObject answer = object(api.send("POST", path, body.build()), path);
        String computerKey = text(answer, "computerKey");
        if (computerKey == null) {
            throw ActivationRefusedException.unexpected(200, api.serverUrl() + path, "no computer key");
        }
        ActivationStatus status = text(answer, "status") == null ? ActivationStatus.ACTIVE : status(answer, path);
        return new Issued(computerKey, status);
    }

    RecordedActivation status(ActivationKey activationKey, ComputerId computerId) {
        String path = ACTIVATIONS + "/status";
        JsonObject body = jakarta.json.Json.createObjectBuilder()
                .add("activationKey", activationKey.toString())
                .add("computerId", computerId.toString())
                .build();
        return recorded(object(api.send("POST", path, body), path), path);
    }

    RecordedActivation deactivate(DeactivationCode code) {
        String path = ACTIVATIONS + "/deactivations";
        JsonObject body = jakarta.json.Json.createObjectBuilder()
                .add("dvc", code.toString())
                .build();
        return recorded(object(api.send("POST", path, body), path), path);
    }

    private RecordedActivation recorded(JsonObject answer, String path) {
        String deactivatedAt = text(answer, "deactivatedAt");
        try {
            return new RecordedActivation(
                    status(answer, path),
                    text(answer, "activationId"),
                    text(answer, "license"),
                    deactivatedAt == null
                            ? null
                            : OffsetDateTime.parse(deactivatedAt).toInstant());
        } catch (DateTimeParseException e) {
            throw ActivationRefusedException.unexpected(
                    200, api.serverUrl() + path, "deactivatedAt is no time: " + deactivatedAt);
        }
    }

    private ActivationStatus status(JsonObject answer, String path) {
        String status = text(answer, "status");
        try {
            return ActivationStatus.valueOf(String.valueOf(status));
        } catch (IllegalArgumentException unknown) {
            throw ActivationRefusedException.unexpected(200, api.serverUrl() + path, "unknown status " + status);
        }
    }

    private JsonObject object(String body, String path) {
        try (var reader = jakarta.json.Json.createReader(new StringReader(body))) {
            if (reader.readValue() instanceof JsonObject object) {
                return object;
            }
        } catch (JsonException notJson) {
            // Reported below like any other answer that is not an object.
        }
        throw ActivationRefusedException.unexpected(200, api.serverUrl() + path, "not a JSON object");
    }

    /** A member as text (an ID may come as a number), or null when absent or JSON null. */
    private static String text(JsonObject object, String name) {
        JsonValue value = object.get(name);
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        return value instanceof JsonString s ? s.getString() : value.toString();
    }
}
