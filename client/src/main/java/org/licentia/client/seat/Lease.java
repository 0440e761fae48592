package org.licentia.client.seat;

import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * One seat lease, as a lease answer of the seat API describes it. A {@code Lease} exists only once
 * its signed {@link #document()} has been checked: signed by one of the server's keys, and naming
 * the same lease, license, client and expiry as the answer. That is why it cannot be built from its
 * parts, only {@linkplain #parse parsed}.
 */
public final class Lease {

    private final String id;
    private final String license;
    private final String product;
    private final String client;
    private final String host;
    private final String user;
    private final String tokenName;
    private final Instant reservedAt;
    private final Instant expiresAt;
    private final int heartbeatSeconds;
    private final boolean borrowed;
    private final LeaseDocument document;
    private final String json;

    private Lease(JsonObject lease, LeaseDocument document, String json) {
        this.id = required(lease, "id");
        this.license = required(lease, "license");
        this.product = text(lease, "product");
        this.client = required(lease, "client");
        this.host = text(lease, "host");
        this.user = text(lease, "user");
        this.tokenName = text(lease, "tokenName");
        this.reservedAt = instant(text(lease, "reservedAt"));
        this.expiresAt = Objects.requireNonNull(instant(required(lease, "expiresAt")));
        this.heartbeatSeconds = lease.get("heartbeatSeconds") instanceof JsonNumber n ? n.intValue() : 0;
        this.borrowed = lease.getBoolean("borrowed", false);
        this.document = document;
        this.json = json;
    }

    /**
     * Checks a lease answer saved earlier, e.g. a borrowed lease on a laptop that is offline, against
     * the server's keys (see {@link SeatClient#keys()}).
     *
     * @throws LeaseSignatureException when the answer is no signed lease, or one that does not verify
     */
    public static Lease parse(String answerJson, Collection<SeatKey> keys) {
        Map<String, SeatKey> byId = new HashMap<>();
        keys.forEach(k -> byId.put(k.keyId(), k));
        return parse(answerJson, byId::get);
    }

    /** {@code keys} answers null for a key id it does not know. */
    static Lease parse(String answerJson, Function<String, SeatKey> keys) {
        JsonObject answer = object(answerJson);
        if (!(answer.get("lease") instanceof JsonObject view)) {
            throw new LeaseSignatureException("not a lease answer: it holds no \"lease\"");
        }
        if (!(answer.get("document") instanceof JsonObject signed)) {
            throw new LeaseSignatureException("the answer holds no signed \"document\"");
        }
        if (!(answer.get("signature") instanceof JsonObject signature)
                || text(signature, "keyId") == null || text(signature, "value") == null) {
            throw new LeaseSignatureException("the answer holds no \"signature\" with a keyId and a value");
        }
        if (!(signature.get("batchPath") instanceof JsonArray path) || !path.stream().allMatch(JsonString.class::isInstance)) {
            throw new LeaseSignatureException("the answer's \"signature\" holds no \"batchPath\" of strings");
        }
        LeaseDocument document = new LeaseDocument(LeaseDocument.plainValues(signed), text(signature, "algorithm"),
                text(signature, "keyId"), text(signature, "value"), path.getValuesAs(JsonString::getString));
        Lease lease;
        try {
            lease = new Lease(view, document, answerJson);
        } catch (IllegalArgumentException e) {
            throw new LeaseSignatureException("not a lease answer: " + e.getMessage());
        }
        SeatKey key = keys.apply(document.keyId());
        if (key == null) {
            throw new LeaseSignatureException("lease " + lease.id + " is signed by key " + document.keyId()
                    + ", which is not among the server's keys");
        }
        if (!document.isSignedBy(key)) {
            throw new LeaseSignatureException("the signature of lease " + lease.id + " does not verify with key " + key.keyId()
                    + " (" + (document.algorithm() == null ? "no algorithm" : document.algorithm()) + ")");
        }
        lease.requireSameAsSigned();
        return lease;
    }

    /** The answer's lease view is unsigned; only when it says what the document says may it be used. */
    private void requireSameAsSigned() {
        requireSigned("type", LeaseDocument.TYPE, document.text("type"));
        requireSigned("lease", id, document.text("lease"));
        requireSigned("license", license, document.text("license"));
        requireSigned("client", client, document.text("client"));
        Instant signedExpiry = instant(document.text("expiresAt"));
        if (signedExpiry == null || !signedExpiry.truncatedTo(ChronoUnit.SECONDS).equals(expiresAt.truncatedTo(ChronoUnit.SECONDS))) {
            throw new LeaseSignatureException("lease " + id + " expires at " + expiresAt + " but its signed document says "
                    + document.text("expiresAt"));
        }
    }

    private void requireSigned(String member, String answered, String signed) {
        if (!answered.equals(signed)) {
            throw new LeaseSignatureException("the signed document of lease " + id + " has " + member + " " + signed
                    + ", not " + answered);
        }
    }

    private static JsonObject object(String json) {
        try (var reader = jakarta.json.Json.createReader(new StringReader(json))) {
            if (reader.readValue() instanceof JsonObject object) {
                return object;
            }
        } catch (JsonException notJson) {
            throw new LeaseSignatureException("not a lease answer: not JSON");
        }
        throw new LeaseSignatureException("not a lease answer: not a JSON object");
    }

    private static String text(JsonObject object, String name) {
        JsonValue value = object.get(name);
        return value instanceof JsonString s ? s.getString() : null;
    }

    private static String required(JsonObject object, String name) {
        String value = text(object, name);
        if (value == null) {
            throw new IllegalArgumentException("\"" + name + "\" is missing");
        }
        return value;
    }

    /** ISO-8601 with a zone or offset; {@code Instant.parse} would take only {@code Z}. */
    private static Instant instant(String text) {
        if (text == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("not a time: " + text);
        }
    }

    /** The lease id, e.g. {@code 96023021.q0Vw...}: what heartbeat and release name. */
    public String id() {
        return id;
    }

    /** The 8-digit number of the license the seat belongs to. */
    public String license() {
        return license;
    }

    public String product() {
        return product;
    }

    public String client() {
        return client;
    }

    public String host() {
        return host;
    }

    public String user() {
        return user;
    }

    /** The name of the client token the lease was taken with. */
    public String tokenName() {
        return tokenName;
    }

    public Instant reservedAt() {
        return reservedAt;
    }

    /** When the seat is freed unless renewed (or, for a borrowed lease, returned). */
    public Instant expiresAt() {
        return expiresAt;
    }

    /** How often the server advises renewing: a third of the lease time-to-live. */
    public int heartbeatSeconds() {
        return heartbeatSeconds;
    }

    public boolean borrowed() {
        return borrowed;
    }

    public LeaseDocument document() {
        return document;
    }

    /** The server's answer exactly as received, to print or to store and {@linkplain #parse check} later. */
    public String json() {
        return json;
    }

    @Override
    public String toString() {
        return "Lease[" + id + ", license " + license + ", client " + client + ", until " + expiresAt + (borrowed ? ", borrowed]" : "]");
    }
}
