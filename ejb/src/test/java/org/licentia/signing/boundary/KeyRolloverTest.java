package org.licentia.signing.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.licentia.client.document.CanonicalJson;
import org.licentia.signing.control.Ed25519KeyPair;

class KeyRolloverTest {

    static final Ed25519KeyPair FIRST = Ed25519KeyPair.generate();
    static final Ed25519KeyPair SECOND = Ed25519KeyPair.generate();
    static final Ed25519KeyPair THIRD = Ed25519KeyPair.generate();
    static final Ed25519KeyPair STRANGER = Ed25519KeyPair.generate();

    static String base64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }

    static KeyRollover rollover(Ed25519KeyPair from, Ed25519KeyPair to, Ed25519KeyPair signer) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("type", KeyRollover.TYPE);
        doc.put("keyId", to.keyId());
        doc.put("publicKey", base64(to.publicKey()));
        doc.put("previousKeyId", from.keyId());
        doc.put("issuedAt", "2026-11-29T05:00:00Z");
        byte[] canonical = CanonicalJson.encode(doc);
        return new KeyRollover(
                to.keyId(),
                from.keyId(),
                new String(canonical, StandardCharsets.UTF_8),
                base64(signer.sign(canonical)));
    }

    static Map<String, String> trusting(Ed25519KeyPair key) {
        return Map.of(key.keyId(), base64(key.publicKey()));
    }

    @Test
    void followsAChainOfRotationsFromATrustedKeyInAnyOrder() {
        List<KeyRollover> rollovers = List.of(rollover(SECOND, THIRD, SECOND), rollover(FIRST, SECOND, FIRST));
        assertEquals(
                Map.of(SECOND.keyId(), base64(SECOND.publicKey()), THIRD.keyId(), base64(THIRD.publicKey())),
                KeyRollover.endorsed(trusting(FIRST), rollovers));
        assertEquals(
                Map.of(THIRD.keyId(), base64(THIRD.publicKey())),
                KeyRollover.endorsed(trusting(SECOND), rollovers),
                "a newer installation starts further down the chain");
    }

    @Test
    void endorsesNothingThatATrustedKeyDidNotSign() {
        assertEquals(Map.of(), KeyRollover.endorsed(trusting(FIRST), List.of(rollover(FIRST, STRANGER, STRANGER))));
        assertEquals(Map.of(), KeyRollover.endorsed(trusting(FIRST), List.of(rollover(STRANGER, SECOND, STRANGER))));
        KeyRollover honest = rollover(FIRST, SECOND, FIRST);
        KeyRollover swapped =
                new KeyRollover(STRANGER.keyId(), honest.previousKeyId(), honest.document(), honest.signature());
        assertEquals(
                Map.of(), KeyRollover.endorsed(trusting(FIRST), List.of(swapped)), "fields must match the document");
        KeyRollover tampered = new KeyRollover(
                honest.keyId(),
                honest.previousKeyId(),
                honest.document().replace(base64(SECOND.publicKey()), base64(STRANGER.publicKey())),
                honest.signature());
        assertEquals(Map.of(), KeyRollover.endorsed(trusting(FIRST), List.of(tampered)));
    }
}
