package org.licentia.client.document;

import java.util.Base64;
import java.util.Map;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;

/**
 * Offline check of a Licentia document's detached Ed25519 signature.
 *
 * <p>Public keys travel as the 32 raw bytes of the Ed25519 point, Base64-encoded, exactly as
 * {@code GET /api/v1/keys} lists them; signatures as the 64 raw bytes, Base64-encoded.
 */
public final class DocumentSignature {

    public static final String ALGORITHM = "Ed25519";

    private DocumentSignature() {}

    /** True only when {@code signatureBase64} is a valid signature of the document's canonical bytes. */
    public static boolean verify(Map<String, ?> document, String signatureBase64, String publicKeyBase64) {
        return verify(CanonicalJson.encode(document), signatureBase64, publicKeyBase64);
    }

    public static boolean verify(byte[] canonical, String signatureBase64, String publicKeyBase64) {
        byte[] signature;
        byte[] publicKey;
        try {
            signature = Base64.getDecoder().decode(signatureBase64);
            publicKey = Base64.getDecoder().decode(publicKeyBase64);
        } catch (IllegalArgumentException notBase64) {
            return false;
        }
        if (signature.length != Ed25519PublicKeyParameters.KEY_SIZE * 2
                || publicKey.length != Ed25519PublicKeyParameters.KEY_SIZE) {
            return false;
        }
        Ed25519Signer verifier = new Ed25519Signer();
        verifier.init(false, new Ed25519PublicKeyParameters(publicKey, 0));
        verifier.update(canonical, 0, canonical.length);
        return verifier.verifySignature(signature);
    }
}
