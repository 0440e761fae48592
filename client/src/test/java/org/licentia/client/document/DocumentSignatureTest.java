package org.licentia.client.document;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;
import org.junit.jupiter.api.Test;

class DocumentSignatureTest {

    private final Ed25519PrivateKeyParameters key = new Ed25519PrivateKeyParameters(new SecureRandom());
    private final String publicKey =
            Base64.getEncoder().encodeToString(key.generatePublicKey().getEncoded());

    private String sign(byte[] bytes) {
        Ed25519Signer signer = new Ed25519Signer();
        signer.init(true, key);
        signer.update(bytes, 0, bytes.length);
        return Base64.getEncoder().encodeToString(signer.generateSignature());
    }

    private static Map<String, Object> document() {
        Map<String, Object> doc = new HashMap<>();
        doc.put("number", "11554731");
        doc.put("seats", 20);
        doc.put("expires", "2027-12-31");
        return doc;
    }

    @Test
    void acceptsTheSignatureOfTheSameDocument() {
        String signature = sign(CanonicalJson.encode(document()));
        assertTrue(DocumentSignature.verify(document(), signature, publicKey));
    }

    @Test
    void rejectsEveryChangedByte() {
        byte[] canonical = CanonicalJson.encode(document());
        String signature = sign(canonical);
        for (int i = 0; i < canonical.length; i++) {
            byte[] tampered = canonical.clone();
            tampered[i] ^= 0x01;
            assertFalse(DocumentSignature.verify(tampered, signature, publicKey), "byte " + i + " changed");
        }
    }

    @Test
    void rejectsAChangedFieldAnotherKeyAndGarbage() {
        String signature = sign(CanonicalJson.encode(document()));
        Map<String, Object> more = document();
        more.put("seats", 21);
        assertFalse(DocumentSignature.verify(more, signature, publicKey));

        String otherKey = Base64.getEncoder()
                .encodeToString(new Ed25519PrivateKeyParameters(new SecureRandom())
                        .generatePublicKey()
                        .getEncoded());
        assertFalse(DocumentSignature.verify(document(), signature, otherKey));
        assertFalse(DocumentSignature.verify(document(), "not base64!", publicKey));
        assertFalse(DocumentSignature.verify(document(), Base64.getEncoder().encodeToString(new byte[10]), publicKey));
    }
}
