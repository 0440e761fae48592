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
import org.licentia.client.document.SignatureBatch;

/**
 * The signed part of a lease answer: the lease document ({@code type} {@code seat-lease}: lease,
 * license, product, features, client, host, instance, issuedAt, expiresAt, borrowed) and its
 * detached signature. Only this part is signed; the rest of the answer is for convenience, which is
 * why {@link Lease} checks that the two agree.
 *
 * @param content the document as the plain values {@link CanonicalJson} encodes: String, Boolean,
 *     Long, List and Map, with no nulls
 * @param signature the 64-byte Ed25519 batch signature, Base64: over the root of the batch of documents
 *     the server signed together (see {@link SignatureBatch})
 * @param batchPath the path from this document's canonical form to that root; empty for a batch of one
 */
public record LeaseDocument(
        Map<String, Object> content, String algorithm, String keyId, String signature, List<String> batchPath) {

    public static final String TYPE = "seat-lease";

    public LeaseDocument {
        content = Collections.unmodifiableMap(new LinkedHashMap<>(content));
        batchPath = List.copyOf(batchPath);
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
                && DocumentSignature.ALGORITHM.equals(
                        key.algorithm() == null ? DocumentSignature.ALGORITHM : key.algorithm())
                && SignatureBatch.verify(canonicalForm(), batchPath, signature, key.publicKey());
    }

    /** The document exactly as parsed (see {@link JsonDocuments}); a value no signed document holds fails the check. */
    static Map<String, Object> plainValues(JsonObject object) {
        try {
            return JsonDocuments.toMap(object);
        } catch (IllegalArgumentException e) {
            throw new LeaseSignatureException(
                    "a signed lease document " + e.getMessage().substring("a signed document ".length()));
        }
    }
}
