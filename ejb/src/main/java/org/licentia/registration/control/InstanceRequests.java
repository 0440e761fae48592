package org.licentia.registration.control;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.HexFormat;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;

/**
 * How an on-prem instance proves a request is its own when no user is at hand (sync): it signs
 * its ID, the time and the SHA-256 of the body with its Ed25519 key. The publisher checks the
 * signature with the key bound at registration and refuses stale or future timestamps, so a
 * captured request cannot be replayed later.
 */
public final class InstanceRequests {

    public static final String INSTANCE_HEADER = "X-Licentia-Instance";
    public static final String TIME_HEADER = "X-Licentia-Time";
    public static final String SIGNATURE_HEADER = "X-Licentia-Signature";
    /** With the three above, on a call carrying a user's credentials: the address they were typed at. */
    public static final String CLIENT_ADDRESS_HEADER = "X-Licentia-Client-Address";

    public static final Duration MAX_SKEW = Duration.ofMinutes(5);

    private InstanceRequests() {}

    public static byte[] message(String instanceId, String time, byte[] body) {
        try {
            String digest = HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(body));
            return ("licentia-instance-request\n" + instanceId + "\n" + time + "\n" + digest)
                    .getBytes(StandardCharsets.UTF_8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * What an instance signs when it forwards credentials: that this user's e-mail and password were
     * typed at its client address (see {@code SignInAttempts.Source#vouchedBy}).
     */
    public static byte[] forwardedSignIn(String user, String clientAddress) {
        return ("forwarded-sign-in\n" + user + "\n" + clientAddress).getBytes(StandardCharsets.UTF_8);
    }

    public static boolean verify(
            byte[] publicKey, String instanceId, String time, byte[] body, String signatureBase64, Instant now) {
        if (instanceId == null
                || time == null
                || signatureBase64 == null
                || publicKey.length != Ed25519PublicKeyParameters.KEY_SIZE) {
            return false;
        }
        try {
            Instant at = Instant.parse(time);
            if (Duration.between(at, now).abs().compareTo(MAX_SKEW) > 0) {
                return false;
            }
            byte[] signature = Base64.getDecoder().decode(signatureBase64);
            if (signature.length != 64) {
                return false;
            }
            byte[] message = message(instanceId, time, body);
            Ed25519Signer verifier = new Ed25519Signer();
            verifier.init(false, new Ed25519PublicKeyParameters(publicKey, 0));
            verifier.update(message, 0, message.length);
            return verifier.verifySignature(signature);
        } catch (DateTimeParseException | IllegalArgumentException e) {
            return false;
        }
    }
}
