package org.licentia.cli;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.Map;
import org.licentia.client.document.DocumentSignature;
import org.licentia.client.document.JsonDocuments;

/**
 * A license as {@code GET /api/v1/licenses/{number}} returns it: the readable view, the signed
 * document and its detached signature. Only the document is signed; the view is for display.
 */
record SignedLicense(
        JsonObject license, Map<String, Object> document, String algorithm, String keyId, String signature) {

    /** Rejects anything that is not such an answer, with a message naming what is missing. */
    static SignedLicense from(JsonObject answer) {
        if (!(answer.get("document") instanceof JsonObject document)) {
            throw new IllegalArgumentException("it holds no signed \"document\"");
        }
        if (!(answer.get("signature") instanceof JsonObject signature)
                || Json.text(signature, "keyId") == null
                || Json.text(signature, "value") == null) {
            throw new IllegalArgumentException("it holds no \"signature\" with a keyId and a value");
        }
        JsonObject license = answer.get("license") instanceof JsonObject view ? view : JsonValue.EMPTY_JSON_OBJECT;
        return new SignedLicense(
                license,
                toMap(document),
                Json.text(signature, "algorithm"),
                Json.text(signature, "keyId"),
                Json.text(signature, "value"));
    }

    String number() {
        return document.get("number") instanceof String number ? number : Json.text(license, "number");
    }

    boolean isSignedBy(String publicKeyBase64) {
        return DocumentSignature.verify(document, signature, publicKeyBase64);
    }

    /** The document as the plain Java values the signature covers: {@link JsonDocuments#toMap}. */
    static Map<String, Object> toMap(JsonObject object) {
        return JsonDocuments.toMap(object);
    }
}
