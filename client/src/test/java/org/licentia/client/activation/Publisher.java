package org.licentia.client.activation;

import java.security.SecureRandom;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;

/** Stands in for a publisher's signing key, as the server holds it. */
final class Publisher {

    private final Ed25519PrivateKeyParameters key = new Ed25519PrivateKeyParameters(new SecureRandom());
    final byte[] publicKey = key.generatePublicKey().getEncoded();

    byte[] sign(byte[] message) {
        Ed25519Signer signer = new Ed25519Signer();
        signer.init(true, key);
        signer.update(message, 0, message.length);
        return signer.generateSignature();
    }

    ComputerKey issue(ComputerKey.Terms terms, ActivationKey activationKey, ComputerId computerId) {
        return ComputerKey.issue(terms, activationKey, computerId, publicKey, this::sign);
    }
}
