package org.licentia.client.seat;

import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The server refused a seat request. {@link #code()} is the catalogue code of its
 * {@code application/problem+json} answer ({@link #NO_SEAT_AVAILABLE}, {@link #LEASE_ENDED}, ...),
 * which is what a program should branch on; it is null only when the answer was no problem body at
 * all (a proxy's error page, an empty 502).
 */
public class SeatException extends RuntimeException {

    public static final String NO_SEAT_AVAILABLE = "NO_SEAT_AVAILABLE";
    public static final String LICENSE_EXPIRED = "LICENSE_EXPIRED";
    public static final String LICENSE_UNCERTAIN = "LICENSE_UNCERTAIN";
    public static final String QUOTA_EXCEEDED = "QUOTA_EXCEEDED";
    public static final String LICENSE_NOT_HOSTED = "LICENSE_NOT_HOSTED";
    public static final String LEASE_NOT_FOUND = "LEASE_NOT_FOUND";
    public static final String LEASE_ENDED = "LEASE_ENDED";
    public static final String INVALID_CLIENT_TOKEN = "INVALID_CLIENT_TOKEN";
    public static final String BORROW_TOO_LONG = "BORROW_TOO_LONG";
    public static final String INVALID_INPUT = "INVALID_INPUT";

    private final int status;
    private final String code;
    private final String detail;
    private final Map<String, String> details;

    public SeatException(int status, String code, String detail, Map<String, String> details) {
        this(status, code, detail, details, "HTTP " + status);
    }

    private SeatException(int status, String code, String detail, Map<String, String> details, String withoutDetail) {
        super(detail == null ? withoutDetail : code == null ? detail : detail + " [" + code + "]");
        this.status = status;
        this.code = code;
        this.detail = detail;
        this.details = details == null ? Map.of() : Map.copyOf(details);
    }

    /** The error answer {@code response} to a request for {@code url}, whatever its body. */
    static SeatException from(HttpResponse<String> response, String url) {
        return from(response.statusCode(), response.headers().firstValue("Content-Type").orElse(null), response.body(), url);
    }

    static SeatException from(int status, String contentType, String body, String url) {
        String withoutDetail = "HTTP " + status + " from " + url;
        boolean json = contentType != null
                && (contentType.startsWith("application/problem+json") || contentType.startsWith("application/json"));
        if (!json || body == null) {
            return new SeatException(status, null, null, null, withoutDetail);
        }
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
                return new SeatException(status, text(problem.get("code")), detail != null ? detail : text(problem.get("title")),
                        details, withoutDetail);
            }
        } catch (JsonException notJson) {
            // The header said JSON but the body was not: reported like any other body.
        }
        return new SeatException(status, null, null, null, withoutDetail);
    }

    /** Details are shown to people, so numbers and the like are kept as their JSON text. */
    private static String text(JsonValue value) {
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        return value instanceof JsonString s ? s.getString() : value.toString();
    }

    /** The HTTP status of the refusal. */
    public int status() {
        return status;
    }

    /** The problem's catalogue code, or null when the server sent no problem body. */
    public String code() {
        return code;
    }

    /** The server's explanation for people, or null when it sent none. */
    public String detail() {
        return detail;
    }

    /** The problem's {@code details}, e.g. {@code seatsInUse} and {@code nextExpiry} for {@link #NO_SEAT_AVAILABLE}. */
    public Map<String, String> details() {
        return details;
    }
}
