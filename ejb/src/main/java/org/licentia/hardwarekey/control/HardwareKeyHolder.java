package org.licentia.hardwarekey.control;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.Map;
import org.licentia.errors.ErrorCode;
import org.licentia.errors.LicensingException;
import org.licentia.licensefile.control.LicenseFileManifest;
import org.licentia.pkcs11.TokenReading;

/**
 * A hardware key as the holder of licenses, on both sides: the publisher registers a key's
 * licenses to {@code usb-key:KEYID} and binds its license files to that name and the key's
 * fingerprint, where an instance's would name the instance and its key; an instance checks a key's
 * challenge signature with the public key the token gives and the file names.
 */
public final class HardwareKeyHolder {

    public static final String PREFIX = "usb-key:";

    private HardwareKeyHolder() {}

    public static boolean isHolder(String instanceId) {
        return instanceId != null && instanceId.startsWith(PREFIX);
    }

    public static String of(String keyId) {
        return PREFIX + keyId;
    }

    public static String keyIdOf(String holder) {
        return holder.substring(PREFIX.length());
    }

    /** The key's ID, checked: the token's serial and label, {@code SERIAL:LABEL}. */
    public static String requireKeyId(String keyId) {
        if (!TokenReading.isKeyId(keyId)) {
            throw new LicensingException(
                    ErrorCode.HARDWARE_KEY_INVALID,
                    "A hardware key ID is the token's serial and label, SERIAL:LABEL (letters, digits, '.', '_'"
                            + " and '-'; up to 16 and 32 of them)",
                    Map.of("keyId", "SERIAL:LABEL"));
        }
        return keyId;
    }

    /** The fingerprint a license file names the key by: 16 hex digits of SHA-256 of its public key. */
    public static String fingerprint(byte[] subjectPublicKeyInfo) {
        return LicenseFileManifest.sha256(subjectPublicKeyInfo).substring(0, 16);
    }

    /** The key's public key, checked to be an EC P-256 key in X.509 form. */
    public static byte[] requirePublicKey(String base64) {
        byte[] spki;
        try {
            spki = Base64.getDecoder().decode(base64 == null ? "" : base64);
            PublicKey key = KeyFactory.getInstance("EC").generatePublic(new X509EncodedKeySpec(spki));
            if (!(key instanceof ECPublicKey ec)
                    || ec.getParams().getCurve().getField().getFieldSize() != 256) {
                throw new GeneralSecurityException("not P-256");
            }
            if (!java.util.Arrays.equals(key.getEncoded(), spki)) {
                throw new GeneralSecurityException("not in its canonical encoding");
            }
        } catch (IllegalArgumentException | GeneralSecurityException e) {
            throw new LicensingException(
                    ErrorCode.HARDWARE_KEY_INVALID,
                    "The hardware key's public key is not an EC P-256 key in X.509 form (Base64)",
                    Map.of("publicKey", "Base64 of an X.509 SubjectPublicKeyInfo, EC P-256"));
        }
        return spki;
    }

    /** True when {@code signature} (r and s, 32 bytes each) is the key's ECDSA signature of the challenge. */
    public static boolean signed(byte[] subjectPublicKeyInfo, byte[] challenge, byte[] signature) {
        if (subjectPublicKeyInfo == null || signature == null) {
            return false;
        }
        try {
            PublicKey key = KeyFactory.getInstance("EC").generatePublic(new X509EncodedKeySpec(subjectPublicKeyInfo));
            Signature verifier = Signature.getInstance("SHA256withECDSAinP1363Format");
            verifier.initVerify(key);
            verifier.update(challenge);
            return verifier.verify(signature);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }
}
