package org.licentia.client.activation;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** The one digest of the activation formats: key fingerprints, the machine fingerprint, a code's ID. */
final class Sha256 {

    private Sha256() {}

    static byte[] of(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (NoSuchAlgorithmException everyJavaHasIt) {
            throw new IllegalStateException(everyJavaHasIt);
        }
    }
}
