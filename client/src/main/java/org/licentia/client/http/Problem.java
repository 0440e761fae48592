package org.licentia.client.http;

import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An error answer of a Licentia server: the members of its {@code application/problem+json} body
 * that a program or a person acts on. {@code code} (the catalogue code, e.g. {@code NO_SEAT_AVAILABLE})
 * and {@code detail} are null when the body was no problem at all: a proxy's error page, an empty 502.
 *
 * @param detail the server's explanation for people, or the problem's title when it gave no detail
 * @param details the problem's {@code details}, numbers and the like kept as their JSON text, since they are shown to people
 * @param url the request's URL, named in the message when the server said nothing; may be null
 */
public record Problem(int status, String code, String detail, Map<String, String> details, String url) {

    public Problem {
        details = details == null ? Map.of() : Map.copyOf(details);
    }

    /** The problem an error answer states, whatever its body. */
    public static Problem of(int status, String contentType, String body, String url) {
        boolean json = contentType != null
                && (contentType.startsWith("application/problem+json") || contentType.startsWith("application/json"));
        if (json && body != null) {
            try (var reader = jakarta.json.Json.createReader(new StringReader(body))) {
                if (reader.readValue() instanceof JsonObject problem) {
                    String detail = text(problem.get("detail"));
                    Map<String, String> details = new LinkedHashMap<>();
                    if (problem.get("details") instanceof JsonObject members) {
                        members.forEach((name, value) -> {
                            if (text(value) != null) {
                                details.put(name, text(value));
                            }
                        });
                    }
                    return new Problem(
                            status,
                            text(problem.get("code")),
                            detail != null ? detail : text(problem.get("title")),
                            details,
                            url);
                }
            } catch (JsonException notJson) {
                // The header said JSON but the body was not: reported like any other body.
            }
        }
        return new Problem(status, null, null, Map.of(), url);
    }

    /** One line for people: the detail and the code, or the status and URL when the server gave no detail. */
    public String message() {
        if (detail == null) {
            return "HTTP " + status + (url == null ? "" : " from " + url);
        }
        return code == null ? detail : detail + " [" + code + "]";
    }

    private static String text(JsonValue value) {
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        return value instanceof JsonString s ? s.getString() : value.toString();
    }
}
