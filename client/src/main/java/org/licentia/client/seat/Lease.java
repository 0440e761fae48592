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
 * its signed {@link #document()} has been checked: signed by one of the server's keys. Everything
 * it tells is read from that document; the answer's unsigned view must say the same, and its one
 * unsigned advice, the heartbeat interval, must fit in the signed validity. That is why it cannot
 * be built from its parts, only {@linkplain #parse parsed}.
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

    private Lease(LeaseDocument document, int heartbeatSeconds, String json) {
        this.id = signedText(document, "lease");
        this.license = signedText(document, "license");
        this.product = document.text("product");
        this.client = signedText(document, "client");
        this.host = document.text("host");
        this.user = document.text("user");
        this.tokenName = document.text("tokenName");
        this.reservedAt = signedInstant(document, "reservedAt");
        this.expiresAt = Objects.requireNonNull(signedInstant(document, "expiresAt"), "expiresAt");
        this.borrowed = Boolean.TRUE.equals(document.content().get("borrowed"));
        this.heartbeatSeconds = heartbeatSeconds;
        this.document = document;
        this.json = json;
    }

    private static String signedText(LeaseDocument document, String member) {
        String value = document.text(member);
        if (value == null) {
            throw new LeaseSignatureException("the signed lease document has no \"" + member + "\"");
        }
        return value;
    }

    private static Instant signedInstant(LeaseDocument document, String member) {
        try {
            return instant(document.text(member));
        } catch (IllegalArgumentException e) {
            throw new LeaseSignatureException("the signed lease document's " + member + " is " + e.getMessage());
        }
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
                || text(signature, "keyId") == null
                || text(signature, "value") == null) {
            throw new LeaseSignatureException("the answer holds no \"signature\" with a keyId and a value");
        }
        if (!(signature.get("batchPath") instanceof JsonArray path)
                || !path.stream().allMatch(JsonString.class::isInstance)) {
            throw new LeaseSignatureException("the answer's \"signature\" holds no \"batchPath\" of strings");
        }
        LeaseDocument document = new LeaseDocument(
                LeaseDocument.plainValues(signed),
                text(signature, "algorithm"),
                text(signature, "keyId"),
                text(signature, "value"),
                path.getValuesAs(JsonString::getString));
        String id = document.text("lease") != null ? document.text("lease") : text(view, "id");
        SeatKey key = keys.apply(document.keyId());
        if (key == null) {
            throw new LeaseSignatureException(
                    "lease " + id + " is signed by key " + document.keyId() + ", which is not among the server's keys");
        }
        if (!document.isSignedBy(key)) {
            throw new LeaseSignatureException(
                    "the signature of lease " + id + " does not verify with key " + key.keyId() + " ("
                            + (document.algorithm() == null ? "no algorithm" : document.algorithm()) + ")");
        }
        if (!LeaseDocument.TYPE.equals(document.text("type"))) {
            throw new LeaseSignatureException(
                    "the signed document is a " + document.text("type") + ", not a seat lease");
        }
        Lease lease = new Lease(document, heartbeatSeconds(view), answerJson);
        lease.requireViewSaysTheSame(view);
        return lease;
    }

    /**
     * The heartbeat interval is advice the server does not sign; it must be positive and shorter
     * than the signed time the lease was issued for, or a changed answer could let the lease lapse.
     */
    private static int heartbeatSeconds(JsonObject view) {
        if (view.get("heartbeatSeconds") instanceof JsonNumber n && n.isIntegral()) {
            try {
                return n.intValueExact();
            } catch (ArithmeticException tooLarge) {
                throw new LeaseSignatureException("the lease answer's heartbeatSeconds is out of range: " + n);
            }
        }
        throw new LeaseSignatureException("the lease answer has no whole heartbeatSeconds");
    }

    /** The answer's lease view is unsigned; only when it says what the document says may it be used. */
    private void requireViewSaysTheSame(JsonObject view) {
        requireSame("id", id, text(view, "id"));
        requireSame("license", license, text(view, "license"));
        requireSame("product", product, text(view, "product"));
        requireSame("client", client, text(view, "client"));
        requireSame("host", host, text(view, "host"));
        requireSame("user", user, text(view, "user"));
        if (document.content().containsKey("tokenName")) {
            requireSame("tokenName", tokenName, text(view, "tokenName"));
        }
        if (view.getBoolean("borrowed", false) != borrowed) {
            throw new LeaseSignatureException(
                    "the signed document of lease " + id + " has borrowed " + borrowed + ", not " + !borrowed);
        }
        requireSameTime("expiresAt", expiresAt, text(view, "expiresAt"));
        if (reservedAt != null) {
            requireSameTime("reservedAt", reservedAt, text(view, "reservedAt"));
        }
        Instant issuedAt = signedInstant(document, "issuedAt");
        long validSeconds =
                issuedAt == null ? Long.MAX_VALUE : Math.max(1, ChronoUnit.SECONDS.between(issuedAt, expiresAt));
        boolean fits = borrowed ? heartbeatSeconds == 0 : heartbeatSeconds >= 1 && heartbeatSeconds <= validSeconds;
        if (!fits) {
            throw new LeaseSignatureException("lease " + id + " advises a heartbeat every " + heartbeatSeconds
                    + " s, which does not fit"
                    + (borrowed ? " a borrowed lease (none)" : " the " + validSeconds + " s it was signed for"));
        }
    }

    private void requireSame(String member, String signed, String answered) {
        if (!Objects.equals(signed, answered)) {
            throw new LeaseSignatureException(
                    "the signed document of lease " + id + " has " + member + " " + signed + ", not " + answered);
        }
    }

    private void requireSameTime(String member, Instant signed, String answered) {
        Instant time;
        try {
            time = instant(answered);
        } catch (IllegalArgumentException e) {
            throw new LeaseSignatureException("the lease answer's " + member + " is " + e.getMessage());
        }
        if (time == null || !time.truncatedTo(ChronoUnit.SECONDS).equals(signed.truncatedTo(ChronoUnit.SECONDS))) {
            throw new LeaseSignatureException(
                    "lease " + id + " has " + member + " " + answered + " but its signed document says " + signed);
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
        return "Lease[" + id + ", license " + license + ", client " + client + ", until " + expiresAt
                + (borrowed ? ", borrowed]" : "]");
    }
}
