package org.licentia.returns.control;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParsingException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.licentia.client.document.CanonicalJson;
import org.licentia.client.document.DocumentSignature;
import org.licentia.client.document.JsonDocuments;
import org.licentia.errors.ErrorCode;
import org.licentia.errors.LicensingException;

/**
 * The two documents of a license return and the one file form both travel in, over REST, SOAP and
 * the CLI alike: {@code {"document": {...}, "signature": {"algorithm": "Ed25519", "keyId": ...,
 * "value": ...}}}, the signature over the document's canonical JSON. A <em>return request</em>
 * ({@value #REQUEST_TYPE}) is signed by the instance, with the key the publisher bound to its ID; a
 * <em>return response</em> ({@value #RESPONSE_TYPE}) by the publisher. The {@code type} member keeps
 * either from passing for anything else its signer signs. Reading trusts nothing before the
 * signature and refuses every member it does not know, so a file means exactly what was signed.
 */
public final class ReturnDocuments {

    public static final String REQUEST_TYPE = "licentia.return-request.v1";
    public static final String RESPONSE_TYPE = "licentia.return-response.v1";

    /** A request gives back the licenses; a cancel asks the publisher to refuse that request from now on. */
    public enum Action {
        RETURN,
        CANCEL
    }

    /** What the publisher did with the request: freed the licenses, or recorded it as cancelled. */
    public enum Outcome {
        RETURNED,
        CANCELLED
    }

    /** An instance holds at most this many licenses in one registration or file. */
    public static final int MAX_LICENSES = 20_000;

    /** A file is at most this large: 20,000 numbers with their quotes, and room for the rest. */
    public static final int MAX_FILE_CHARS = 512 * 1024;

    private static final Pattern NUMBER = Pattern.compile("[0-9]{8}");
    private static final Pattern INSTANCE_ID =
            Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    private static final Set<String> REQUEST_MEMBERS =
            Set.of("type", "requestId", "action", "instanceId", "instanceKey", "createdAt", "licenses", "fileSerial");
    private static final Set<String> RESPONSE_MEMBERS = Set.of(
            "type",
            "requestId",
            "outcome",
            "instanceId",
            "instanceKey",
            "processedAt",
            "licenses",
            "voidsFileSerial",
            "keyId");

    private ReturnDocuments() {}

    /** A signed document as it travels. */
    public record SignedFile(Map<String, Object> document, String keyId, String signature) {

        public byte[] canonical() {
            return CanonicalJson.encode(document);
        }

        /** The file's text: the canonical document and its signature, one line without a line break (SOAP refuses control characters in text). */
        public String text() {
            return "{\"document\":" + new String(canonical(), StandardCharsets.UTF_8) + ",\"signature\":"
                    + Json.createObjectBuilder()
                            .add("algorithm", DocumentSignature.ALGORITHM)
                            .add("keyId", keyId)
                            .add("value", signature)
                            .build()
                    + "}";
        }

        public boolean isSignedBy(String publicKeyBase64) {
            return DocumentSignature.verify(canonical(), signature, publicKeyBase64);
        }
    }

    /**
     * An instance's return request.
     *
     * @param fileSerial the serial of the last license file the instance applied, 0 for none
     */
    public record Request(
            UUID requestId,
            Action action,
            String instanceId,
            String instanceKey,
            Instant createdAt,
            List<String> licenses,
            long fileSerial) {

        public Map<String, Object> document() {
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("type", REQUEST_TYPE);
            d.put("requestId", requestId.toString());
            d.put("action", action.name());
            d.put("instanceId", instanceId);
            d.put("instanceKey", instanceKey);
            d.put("createdAt", createdAt.toString());
            d.put("licenses", licenses);
            d.put("fileSerial", fileSerial);
            return d;
        }
    }

    /**
     * The publisher's answer to a request.
     *
     * @param licenses the licenses it freed (none for CANCELLED)
     * @param voidsFileSerial every license file up to this serial is void on the instance from now on
     */
    public record Response(
            UUID requestId,
            Outcome outcome,
            String instanceId,
            String instanceKey,
            Instant processedAt,
            List<String> licenses,
            long voidsFileSerial,
            String keyId) {

        public Map<String, Object> document() {
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("type", RESPONSE_TYPE);
            d.put("requestId", requestId.toString());
            d.put("outcome", outcome.name());
            d.put("instanceId", instanceId);
            d.put("instanceKey", instanceKey);
            d.put("processedAt", processedAt.toString());
            d.put("licenses", licenses);
            d.put("voidsFileSerial", voidsFileSerial);
            d.put("keyId", keyId);
            return d;
        }
    }

    public static SignedFile sign(Map<String, Object> document, String keyId, Function<byte[], byte[]> sign) {
        return new SignedFile(
                document, keyId, Base64.getEncoder().encodeToString(sign.apply(CanonicalJson.encode(document))));
    }

    /** The file's document and signature, not yet checked; {@code code} names what a bad file is. */
    public static SignedFile read(String text, ErrorCode code) {
        if (text != null && text.length() > MAX_FILE_CHARS) {
            throw new LicensingException(
                    ErrorCode.PAYLOAD_TOO_LARGE,
                    "A return file is at most " + MAX_FILE_CHARS + " characters. Nothing was changed.");
        }
        if (text == null || text.isBlank()) {
            throw new LicensingException(code, "The file is empty. Nothing was changed.");
        }
        JsonObject file;
        try (JsonParser parser = Json.createParser(new StringReader(text))) {
            if (!parser.hasNext() || parser.next() != JsonParser.Event.START_OBJECT) {
                throw bad(code, "it is not a JSON object");
            }
            file = parser.getObject();
            if (parser.hasNext()) {
                throw bad(code, "it has text after its JSON object");
            }
        } catch (JsonParsingException | IllegalStateException | java.util.NoSuchElementException e) {
            throw bad(code, "it is not well-formed JSON");
        }
        requireMembers(file, Set.of("document", "signature"), "the file", code);
        if (!(file.get("document") instanceof JsonObject document)
                || !(file.get("signature") instanceof JsonObject signature)) {
            throw bad(code, "it needs a \"document\" object and a \"signature\" object");
        }
        requireMembers(signature, Set.of("algorithm", "keyId", "value"), "its signature", code);
        if (!DocumentSignature.ALGORITHM.equals(text(signature, "algorithm", code))) {
            throw bad(code, "its signature's algorithm is not " + DocumentSignature.ALGORITHM);
        }
        try {
            return new SignedFile(
                    JsonDocuments.toMap(document), text(signature, "keyId", code), text(signature, "value", code));
        } catch (IllegalArgumentException e) {
            throw bad(code, e.getMessage());
        }
    }

    /** The request a file holds, once {@code publicKeyOf} (by instance ID) gives the key that signed it. */
    public static Request request(SignedFile file, Function<String, byte[]> publicKeyOf) {
        ErrorCode code = ErrorCode.RETURN_REQUEST_INVALID;
        JsonObject d = asJson(file.document());
        requireMembers(d, REQUEST_MEMBERS, "the request", code);
        if (!REQUEST_TYPE.equals(text(d, "type", code))) {
            throw bad(code, "it is not a return request (" + REQUEST_TYPE + ")");
        }
        String instanceId = text(d, "instanceId", code);
        if (!INSTANCE_ID.matcher(instanceId).matches()) {
            throw bad(code, "its instanceId is not an instance ID");
        }
        byte[] key = publicKeyOf.apply(instanceId);
        String keyId = key == null ? null : org.licentia.signing.control.Ed25519KeyPair.keyIdOf(key);
        if (key == null
                || !keyId.equals(file.keyId())
                || !keyId.equals(text(d, "instanceKey", code))
                || !file.isSignedBy(Base64.getEncoder().encodeToString(key))) {
            throw new LicensingException(
                    code,
                    "The return request is not signed by the key of an instance this publisher knows: it was changed,"
                            + " forged, or made by an instance that never registered here. Nothing was changed.",
                    Map.of("signature", "INVALID"));
        }
        return new Request(
                uuid(d, code),
                action(text(d, "action", code), code),
                instanceId,
                keyId,
                instant(d, "createdAt", code),
                numbers(d, code),
                natural(d, "fileSerial", code));
    }

    /** The response a file holds, checked against the publisher keys the instance trusts (key ID to Base64 key). */
    public static Response response(SignedFile file, Map<String, String> trustedKeys) {
        ErrorCode code = ErrorCode.RETURN_RESPONSE_INVALID;
        JsonObject d = asJson(file.document());
        String publicKey = trustedKeys.get(file.keyId());
        if (publicKey == null || !file.isSignedBy(publicKey)) {
            throw new LicensingException(
                    code,
                    "The return response is not signed by a publisher key this instance trusts: it was changed or"
                            + " forged. Nothing was changed.",
                    Map.of("signature", "INVALID"));
        }
        requireMembers(d, RESPONSE_MEMBERS, "the response", code);
        if (!RESPONSE_TYPE.equals(text(d, "type", code))) {
            throw bad(code, "it is not a return response (" + RESPONSE_TYPE + ")");
        }
        if (!file.keyId().equals(text(d, "keyId", code))) {
            throw bad(code, "its keyId is not the key that signed it");
        }
        Outcome outcome;
        try {
            outcome = Outcome.valueOf(text(d, "outcome", code));
        } catch (IllegalArgumentException e) {
            throw bad(code, "its outcome is neither RETURNED nor CANCELLED");
        }
        return new Response(
                uuid(d, code),
                outcome,
                text(d, "instanceId", code),
                text(d, "instanceKey", code),
                instant(d, "processedAt", code),
                numbers(d, code),
                natural(d, "voidsFileSerial", code),
                file.keyId());
    }

    private static JsonObject asJson(Map<String, Object> document) {
        return Json.createReader(new StringReader(new String(CanonicalJson.encode(document), StandardCharsets.UTF_8)))
                .readObject();
    }

    private static void requireMembers(JsonObject o, Set<String> members, String what, ErrorCode code) {
        if (!o.keySet().equals(members)) {
            Set<String> unknown = new TreeSet<>(o.keySet());
            unknown.removeAll(members);
            Set<String> missing = new TreeSet<>(members);
            missing.removeAll(o.keySet());
            throw bad(
                    code,
                    what
                            + (unknown.isEmpty() ? "" : " has members it must not: " + unknown)
                            + (missing.isEmpty() ? "" : (unknown.isEmpty() ? "" : ";") + " lacks " + missing));
        }
    }

    private static String text(JsonObject o, String name, ErrorCode code) {
        if (!(o.get(name) instanceof JsonString s)) {
            throw bad(code, "\"" + name + "\" is not a string");
        }
        return s.getString();
    }

    private static UUID uuid(JsonObject d, ErrorCode code) {
        String id = text(d, "requestId", code);
        try {
            UUID uuid = UUID.fromString(id);
            if (!uuid.toString().equals(id)) {
                throw bad(code, "its requestId is not a lower-case UUID");
            }
            return uuid;
        } catch (IllegalArgumentException e) {
            throw bad(code, "its requestId is not a UUID");
        }
    }

    private static Action action(String text, ErrorCode code) {
        try {
            return Action.valueOf(text);
        } catch (IllegalArgumentException e) {
            throw bad(code, "its action is neither RETURN nor CANCEL");
        }
    }

    private static Instant instant(JsonObject d, String name, ErrorCode code) {
        try {
            return Instant.parse(text(d, name, code));
        } catch (DateTimeParseException e) {
            throw bad(code, "its " + name + " is not an ISO-8601 instant");
        }
    }

    private static long natural(JsonObject d, String name, ErrorCode code) {
        if (!(d.get(name) instanceof JsonNumber n) || !n.isIntegral() || n.longValue() < 0) {
            throw bad(code, "its " + name + " is not a whole number of at least 0");
        }
        try {
            return n.longValueExact();
        } catch (ArithmeticException e) {
            throw bad(code, "its " + name + " is out of range");
        }
    }

    private static List<String> numbers(JsonObject d, ErrorCode code) {
        if (!(d.get("licenses") instanceof JsonArray list) || list.size() > MAX_LICENSES) {
            throw bad(code, "its licenses are not a list of at most " + MAX_LICENSES + " license numbers");
        }
        Set<String> seen = new TreeSet<>();
        List<String> numbers = new ArrayList<>(list.size());
        for (JsonValue v : list) {
            if (!(v instanceof JsonString s) || !NUMBER.matcher(s.getString()).matches() || !seen.add(s.getString())) {
                throw bad(code, "its licenses must be distinct 8-digit license numbers");
            }
            numbers.add(s.getString());
        }
        return List.copyOf(seen);
    }

    private static LicensingException bad(ErrorCode code, String why) {
        String what = code == ErrorCode.RETURN_RESPONSE_INVALID ? "return response" : "return request";
        return new LicensingException(code, "The file is not a " + what + ": " + why + ". Nothing was changed.");
    }
}
