package org.licentia.signing.boundary;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.licentia.client.document.DocumentSignature;
import org.licentia.signing.control.Ed25519KeyPair;

/**
 * A publisher key rotation as instances learn of it: the new key, in a document signed by the key
 * it replaces. An instance that trusts the old key can so trust the new one, and no one who merely
 * answers at the upstream URL can slip a key of their own in.
 *
 * @param document the canonical JSON the signature covers: type, keyId, publicKey, previousKeyId, issuedAt
 * @param signature Base64 Ed25519 signature of {@code document} by {@code previousKeyId}
 */
public record KeyRollover(String keyId, String previousKeyId, String document, String signature) {

    public static final String TYPE = "licentia.key-rollover.v1";

    /**
     * The keys that {@code rollovers} endorse, starting from {@code trusted} (key ID to Base64 key)
     * and following chains of rotations; a rollover that is not signed by a trusted (or endorsed)
     * key, or whose document does not say what its fields say, endorses nothing.
     */
    public static Map<String, String> endorsed(Map<String, String> trusted, List<KeyRollover> rollovers) {
        Map<String, String> known = new LinkedHashMap<>(trusted);
        Map<String, String> endorsed = new LinkedHashMap<>();
        List<KeyRollover> pending = new ArrayList<>(rollovers);
        boolean progress = true;
        while (progress) {
            progress = false;
            for (var it = pending.iterator(); it.hasNext(); ) {
                KeyRollover r = it.next();
                String signer = known.get(r.previousKeyId());
                if (signer == null) {
                    continue;
                }
                it.remove();
                String key = r.verifiedKey(signer);
                if (key != null && !known.containsKey(r.keyId())) {
                    known.put(r.keyId(), key);
                    endorsed.put(r.keyId(), key);
                    progress = true;
                }
            }
        }
        return endorsed;
    }

    /** The new key, Base64, when the document is signed by {@code signerKey} and says what the fields say; else null. */
    private String verifiedKey(String signerKey) {
        if (document == null
                || signature == null
                || !DocumentSignature.verify(document.getBytes(StandardCharsets.UTF_8), signature, signerKey)) {
            return null;
        }
        try {
            JsonObject doc = Json.createReader(new StringReader(document)).readObject();
            String publicKey = doc.getString("publicKey");
            byte[] raw = Base64.getDecoder().decode(publicKey);
            if (!TYPE.equals(doc.getString("type"))
                    || !keyId.equals(doc.getString("keyId"))
                    || !previousKeyId.equals(doc.getString("previousKeyId"))
                    || raw.length != 32
                    || !keyId.equals(Ed25519KeyPair.keyIdOf(raw))) {
                return null;
            }
            return publicKey;
        } catch (RuntimeException malformed) {
            return null;
        }
    }
}
