package org.licentia.cli;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.licentia.client.document.DocumentSignature;

/**
 * A license as {@code GET /api/v1/licenses/{number}} returns it: the readable view, the signed
 * document and its detached signature. Only the document is signed; the view is for display.
 */
record SignedLicense(JsonObject license, Map<String, Object> document, String algorithm, String keyId, String signature) {

    /** Rejects anything that is not such an answer, with a message naming what is missing. */
    static SignedLicense from(JsonObject answer) {
        if (!(answer.get("document") instanceof JsonObject document)) {
            throw new IllegalArgumentException("it holds no signed \"document\"");
        }
        if (!(answer.get("signature") instanceof JsonObject signature)
                || Json.text(signature, "keyId") == null || Json.text(signature, "value") == null) {
            throw new IllegalArgumentException("it holds no \"signature\" with a keyId and a value");
        }
        JsonObject license = answer.get("license") instanceof JsonObject view ? view : JsonValue.EMPTY_JSON_OBJECT;
        return new SignedLicense(license, toMap(document),
                Json.text(signature, "algorithm"), Json.text(signature, "keyId"), Json.text(signature, "value"));
    }

    String number() {
        return document.get("number") instanceof String number ? number : Json.text(license, "number");
    }

    boolean isSignedBy(String publicKeyBase64) {
        return DocumentSignature.verify(document, signature, publicKeyBase64);
    }

    /**
     * The document as the plain Java values {@link org.licentia.client.document.CanonicalJson}
     * encodes. Signed documents hold integers only, so a fraction fails here rather than being
     * rounded into a different document; null members are dropped, as the signer dropped them.
     */
    static Map<String, Object> toMap(JsonObject object) {
        Map<String, Object> map = new LinkedHashMap<>();
        object.forEach((name, value) -> {
            if (value.getValueType() != JsonValue.ValueType.NULL) {
                map.put(name, toJava(value));
            }
        });
        return map;
    }

    static Object toJava(JsonValue value) {
        return switch (value.getValueType()) {
            case OBJECT -> toMap(value.asJsonObject());
            case ARRAY -> {
                List<Object> list = new ArrayList<>();
                for (JsonValue item : (JsonArray) value) {
                    list.add(toJava(item));
                }
                yield list;
            }
            case STRING -> ((JsonString) value).getString();
            case NUMBER -> {
                try {
                    yield ((JsonNumber) value).longValueExact();
                } catch (ArithmeticException notAnInteger) {
                    throw new IllegalArgumentException("a signed document holds integers only, not " + value);
                }
            }
            case TRUE -> Boolean.TRUE;
            case FALSE -> Boolean.FALSE;
            case NULL -> throw new IllegalArgumentException("a signed document holds no null in arrays");
        };
    }
}
