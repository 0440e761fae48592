package org.licentia.client.seat;

import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.net.http.HttpClient;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.licentia.client.http.ServerApi;

/**
 * The seat API of one Licentia instance, used with one client token. Every lease it returns has
 * been checked against the instance's signature keys, which it fetches once and keeps; a lease
 * signed by a key it does not know makes it fetch them once more, since the server may have rotated
 * its key while this client ran. Thread-safe: one client serves an application's every seat.
 *
 * <p>Failures: {@link SeatException} when the server refuses, {@link SeatServerUnreachableException}
 * when it does not answer, {@link LeaseSignatureException} when its answer cannot be trusted.
 */
public final class SeatClient {

    private static final String SEATS = "/api/v1/seats";

    private final ServerApi api;
    private volatile Map<String, SeatKey> keys;

    /**
     * @param serverUrl the instance, e.g. {@code https://licentia.example.com}
     * @param clientToken a token made by the instance's administrator, {@code lct_<id>.<secret>}
     */
    public SeatClient(String serverUrl, String clientToken) {
        this(serverUrl, clientToken, ServerApi.defaultHttpClient());
    }

    /** With an HTTP client of the application's own, e.g. for a proxy or its trust store. */
    public SeatClient(String serverUrl, String clientToken, HttpClient http) {
        if (clientToken == null || clientToken.isBlank()) {
            throw new IllegalArgumentException("a client token is required");
        }
        this.api = new ServerApi(
                serverUrl,
                http,
                Map.of("Authorization", "Bearer " + clientToken.strip()),
                SeatException::new,
                SeatServerUnreachableException::new);
    }

    public String serverUrl() {
        return api.serverUrl();
    }

    /** Takes a seat of the license for {@code client}, or renews the lease {@code client} already holds on it. */
    public Lease reserve(String license, ClientIdentity client) {
        return leaseAnswer("POST", SEATS, request(byLicense(license), client, null));
    }

    /** Takes a seat of any hosted license of the product that has {@code feature} (null: any feature) and a free seat. */
    public Lease reserveByProduct(String product, String feature, ClientIdentity client) {
        return leaseAnswer("POST", SEATS, request(byProduct(product, feature), client, null));
    }

    /** Renews the lease for another lease time-to-live; call it every {@link Lease#heartbeatSeconds()}. */
    public Lease heartbeat(String leaseId) {
        Lease renewed = leaseAnswer("POST", SEATS + "/" + segment(leaseId) + "/heartbeat", JsonValue.EMPTY_JSON_OBJECT);
        if (!renewed.id().equals(leaseId)) {
            throw new LeaseSignatureException(
                    "the server renewed lease " + renewed.id() + " when asked to renew " + leaseId);
        }
        return renewed;
    }

    /** Gives the seat back; a borrowed lease is returned this way too. */
    public void release(String leaseId) {
        api.send("DELETE", SEATS + "/" + segment(leaseId), null);
    }

    /** Takes a seat for offline use for {@code days}; the lease needs no heartbeat until it expires. */
    public Lease borrow(String license, ClientIdentity client, int days) {
        return leaseAnswer("POST", SEATS + "/borrow", request(byLicense(license), client, days));
    }

    public Lease borrowByProduct(String product, String feature, ClientIdentity client, int days) {
        return leaseAnswer("POST", SEATS + "/borrow", request(byProduct(product, feature), client, days));
    }

    /** Reserves a seat and keeps it renewed in the background until {@link FloatingSeat#close()}. */
    public FloatingSeat hold(String license, ClientIdentity client) {
        return hold(license, client, null);
    }

    /** As {@link #hold(String, ClientIdentity)}, telling {@code onLoss} (may be null) if the seat is lost. */
    public FloatingSeat hold(String license, ClientIdentity client, SeatLossListener onLoss) {
        return new FloatingSeat(this, reserve(license, client), onLoss);
    }

    public FloatingSeat holdByProduct(String product, String feature, ClientIdentity client, SeatLossListener onLoss) {
        return new FloatingSeat(this, reserveByProduct(product, feature, client), onLoss);
    }

    /**
     * Reports this host of the product, to be counted against a license by hosts or CPU sockets;
     * report again every {@link HostReport#reportEverySeconds()}, or let {@link #keepReporting} do it.
     *
     * @throws SeatException {@code INSUFFICIENT_QUOTA} when no license of the product has room for a new host
     */
    public HostReport reportHost(String hostId, int cpuSockets, String product) {
        JsonObject body = jakarta.json.Json.createObjectBuilder()
                .add("hostId", Objects.requireNonNull(hostId, "hostId"))
                .add("cpuSockets", cpuSockets)
                .add("product", Objects.requireNonNull(product, "product"))
                .build();
        return HostReport.parse(api.send("POST", "/api/v1/hosts", body), api.serverUrl());
    }

    /** Reports the host now and then in the background until {@link HostReporting#close()}; {@code onRefusal} may be null. */
    public HostReporting keepReporting(String hostId, int cpuSockets, String product, HostRefusalListener onRefusal) {
        return new HostReporting(this, hostId, cpuSockets, product, reportHost(hostId, cpuSockets, product), onRefusal);
    }

    /** The server's signature keys, fetched on first use and kept. */
    public List<SeatKey> keys() {
        return List.copyOf(knownKeys().values());
    }

    private Map<String, SeatKey> knownKeys() {
        Map<String, SeatKey> known = keys;
        return known != null ? known : fetchKeys();
    }

    /** Called for each lease answer; an unknown key id costs one more fetch before the lease is refused. */
    private SeatKey key(String keyId, Map<String, SeatKey> knownBeforeRequest) {
        SeatKey key = knownBeforeRequest.get(keyId);
        if (key == null) {
            key = fetchKeys().get(keyId);
        }
        return key;
    }

    private synchronized Map<String, SeatKey> fetchKeys() {
        String url = api.serverUrl() + SEATS + "/keys";
        String body = api.send("GET", SEATS + "/keys", null);
        Map<String, SeatKey> fetched = new LinkedHashMap<>();
        try (var reader = jakarta.json.Json.createReader(new StringReader(body))) {
            JsonObject answer = reader.readObject();
            for (JsonValue item : answer.getJsonArray("keys")) {
                JsonObject k = item.asJsonObject();
                SeatKey key = new SeatKey(
                        k.getString("keyId"),
                        text(k, "algorithm"),
                        k.getString("publicKey"),
                        instant(text(k, "createdAt")),
                        k.getBoolean("active", true));
                fetched.put(key.keyId(), key);
            }
        } catch (JsonException | ClassCastException | NullPointerException | DateTimeParseException e) {
            throw new SeatException(200, null, "Unexpected answer from " + url + ": not a key list", Map.of());
        }
        keys = Map.copyOf(fetched);
        return keys;
    }

    /** Fetches the keys first, so that a lease is never taken only to be refused for want of them. */
    private Lease leaseAnswer(String method, String path, JsonObject body) {
        Map<String, SeatKey> known = knownKeys();
        return Lease.parse(api.send(method, path, body), keyId -> key(keyId, known));
    }

    private static Map<String, String> byLicense(String license) {
        return Map.of("license", Objects.requireNonNull(license, "license"));
    }

    private static Map<String, String> byProduct(String product, String feature) {
        Map<String, String> target = new LinkedHashMap<>();
        target.put("product", Objects.requireNonNull(product, "product"));
        if (feature != null) {
            target.put("feature", feature);
        }
        return target;
    }

    private static JsonObject request(Map<String, String> target, ClientIdentity client, Integer days) {
        Objects.requireNonNull(client, "client");
        JsonObjectBuilder body = jakarta.json.Json.createObjectBuilder();
        target.forEach(body::add);
        body.add("client", client.client());
        if (client.host() != null) {
            body.add("host", client.host());
        }
        if (client.user() != null) {
            body.add("user", client.user());
        }
        if (days != null) {
            body.add("days", days);
        }
        return body.build();
    }

    /** One path segment, so that a lease id cannot change the path. */
    private static String segment(String value) {
        return ServerApi.segment(Objects.requireNonNull(value, "leaseId"));
    }

    private static String text(JsonObject object, String name) {
        return object.get(name) instanceof JsonString s ? s.getString() : null;
    }

    private static Instant instant(String text) {
        return text == null ? null : OffsetDateTime.parse(text).toInstant();
    }

    @Override
    public String toString() {
        return "SeatClient[" + api.serverUrl() + "]";
    }
}
