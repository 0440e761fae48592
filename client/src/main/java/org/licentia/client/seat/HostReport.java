package org.licentia.client.seat;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/**
 * The instance's answer to a host report: the license the host counts against, whether it
 * counts, and when to report again.
 */
public record HostReport(
        String hostId,
        String product,
        String license,
        int cpuSockets,
        boolean counted,
        Instant lastReportedAt,
        long reportEverySeconds) {

    static HostReport parse(String body, String serverUrl) {
        try (var reader = Json.createReader(new StringReader(body))) {
            JsonObject answer = reader.readObject();
            JsonObject host = answer.getJsonObject("host");
            return new HostReport(
                    host.getString("hostId"),
                    host.getString("product"),
                    host.getString("license"),
                    host.getInt("cpuSockets"),
                    host.getBoolean("counted"),
                    OffsetDateTime.parse(host.getString("lastReportedAt")).toInstant(),
                    answer.getJsonNumber("reportEverySeconds").longValueExact());
        } catch (JsonException
                | ClassCastException
                | NullPointerException
                | ArithmeticException
                | DateTimeParseException e) {
            throw new SeatException(
                    200, null, "Unexpected answer from " + serverUrl + ": not a host report", java.util.Map.of());
        }
    }
}
