package org.licentia.client.seat;

import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.licentia.client.document.CanonicalJson;
import org.licentia.client.document.DocumentSignature;
import org.licentia.client.document.JsonDocuments;

/**
 * The signed part of a lease answer: the lease document ({@code type} {@code seat-lease}: lease,
 * license, product, features, client, host, instance, issuedAt, expiresAt, borrowed) and its
 * detached signature. Only this part is signed; the rest of the answer is for convenience, which is
 * why {@link Lease} checks that the two agree.
 *
 * @param content the document as the plain values {@link CanonicalJson} encodes: String, Boolean,
 *     Long, List and Map, with no nulls
 * @param signature the 64-byte Ed25519 signature over the canonical form of {@code content}, Base64
 */
public record LeaseDocument(Map<String, Object> content, String algorithm, String keyId, String signature) {

    public static final String TYPE = "seat-lease";

    public LeaseDocument {
        content = Collections.unmodifiableMap(new LinkedHashMap<>(content));
    }

    /** A string member of the document, or null when it has none. */
    public String text(String member) {
        return content.get(member) instanceof String s ? s : null;
    }

    /** The license features the seat grants, as signed. */
    public List<String> features() {
        List<String> features = new ArrayList<>();
        if (content.get("features") instanceof List<?> list) {
            list.forEach(f -> features.add(String.valueOf(f)));
        }
        return List.copyOf(features);
    }

    /** The bytes the signature covers. */
    public byte[] canonicalForm() {
        return CanonicalJson.encode(content);
    }

    /** True only when {@code key} is the key this document names and its signature verifies with it. */
    public boolean isSignedBy(SeatKey key) {
        return key.keyId().equals(keyId)
                && DocumentSignature.ALGORITHM.equals(algorithm == null ? DocumentSignature.ALGORITHM : algorithm)
                && DocumentSignature.ALGORITHM.equals(key.algorithm() == null ? DocumentSignature.ALGORITHM : key.algorithm())
                && DocumentSignature.verify(canonicalForm(), signature, key.publicKey());
    }

    /** The document exactly as parsed (see {@link JsonDocuments}); a value no signed document holds fails the check. */
    static Map<String, Object> plainValues(JsonObject object) {
        try {
            return JsonDocuments.toMap(object);
        } catch (IllegalArgumentException e) {
            throw new LeaseSignatureException("a signed lease document " + e.getMessage().substring("a signed document ".length()));
        }
    }
}
