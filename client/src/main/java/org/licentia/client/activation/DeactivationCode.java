package org.licentia.client.activation;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;

/**
 * A Deactivation Verification Code (DVC): the installation's proof that it gave up an activation,
 * which the user passes on to the publisher when the computer has no connection.
 *
 * <p>It is an Ed25519 signature by the {@link Installation}'s private key, not a hash over a shared
 * secret, which anyone who extracts the secret from the program could compute. The code carries
 * what the publisher needs to check it offline with nothing but the activation it recorded: the
 * format version (1 byte), the deactivation time (5 bytes, epoch seconds), the installation's public
 * key (32 bytes, whose fingerprint must be the one in the activation's {@link ComputerId}) and the
 * signature (64 bytes). The 102 bytes are shown as 165 symbols in 33 groups, the last symbol a
 * check symbol (see {@link TypeableCode}).
 *
 * <p>The signature covers, in this order: the ASCII bytes {@code licentia-deactivation}, the
 * version byte, the activation ID's UTF-8 bytes preceded by their number (2 bytes, big-endian), the
 * 18 bytes of the computer ID, and the deactivation time as 8 bytes (epoch seconds, big-endian).
 *
 * <p>A code works once, but that is the server's to enforce: {@link #id()} is the same for every
 * way the same code is typed, so the server can keep the IDs of codes it has accepted; and since a
 * deactivated activation cannot be deactivated again, it should also refuse any second code for the
 * same activation.
 */
public final class DeactivationCode {

    static final int VERSION = 1;
    static final int MAX_ACTIVATION_ID = 64;
    private static final int TIME_BYTES = 5;
    private static final int KEY_BYTES = Ed25519PublicKeyParameters.KEY_SIZE;
    private static final int SIGNATURE_BYTES = Ed25519PublicKeyParameters.KEY_SIZE * 2;
    static final int BYTES = 1 + TIME_BYTES + KEY_BYTES + SIGNATURE_BYTES;
    private static final long LATEST_SECOND = (1L << (8 * TIME_BYTES)) - 1;
    private static final byte[] DOMAIN = "licentia-deactivation".getBytes(StandardCharsets.US_ASCII);

    private final byte[] bytes;

    private DeactivationCode(byte[] bytes) {
        this.bytes = bytes;
    }

    /**
     * The code with which {@code installation} proves that it gave up the activation
     * {@code activationId} of {@code computerId} at {@code time}. The caller destroys the activation's
     * computer key first, so that a code exists only for an activation that is gone.
     *
     * @param computerId the computer ID the activation was made for, which must be of this installation's key
     * @throws IllegalArgumentException when {@code computerId} is not this installation's, the
     *     activation ID is empty or longer than 64 characters, or {@code time} is before 1970
     */
    public static DeactivationCode create(
            Installation installation, String activationId, ComputerId computerId, Instant time) {
        byte[] publicKey = installation.publicKey();
        if (!computerId.isOfKey(publicKey)) {
            throw new IllegalArgumentException("computer ID " + computerId
                    + " was not made with the key of the installation in " + installation.directory());
        }
        long seconds = time.getEpochSecond();
        if (seconds < 0 || seconds > LATEST_SECOND) {
            throw new IllegalArgumentException("deactivation time out of range: " + time);
        }
        byte[] signature = installation.sign(signed(activationId, computerId, seconds));
        ByteBuffer code = ByteBuffer.allocate(BYTES);
        code.put((byte) VERSION);
        for (int shift = 8 * (TIME_BYTES - 1); shift >= 0; shift -= 8) {
            code.put((byte) (seconds >>> shift));
        }
        code.put(publicKey).put(signature);
        return new DeactivationCode(code.array());
    }

    /**
     * The code as the user typed or pasted it. This checks only its form; {@link #verify(String, ComputerId)} checks what it proves.
     *
     * @throws InvalidDeactivationCodeException {@code MALFORMED} or {@code UNSUPPORTED_VERSION}
     */
    public static DeactivationCode parse(String typed) {
        byte[] bytes;
        try {
            bytes = TypeableCode.decode(typed, BYTES);
        } catch (MalformedCodeException e) {
            throw new InvalidDeactivationCodeException(
                    InvalidDeactivationCodeException.Reason.MALFORMED, "not a deactivation code: " + e.getMessage(), e);
        }
        if (bytes[0] != VERSION) {
            throw new InvalidDeactivationCodeException(
                    InvalidDeactivationCodeException.Reason.UNSUPPORTED_VERSION,
                    "a deactivation code of version " + (bytes[0] & 0xff)
                            + ", which this version of Licentia does not know",
                    null);
        }
        return new DeactivationCode(bytes);
    }

    /**
     * The deactivation time that the code {@code typed} proves for the activation {@code activationId}
     * recorded for {@code expected}.
     *
     * @throws InvalidDeactivationCodeException when it proves nothing of the kind, with the reason
     */
    public static Instant verify(String typed, String activationId, ComputerId expected) {
        return parse(typed).verify(activationId, expected);
    }

    /** @see #verify(String, String, ComputerId) */
    public Instant verify(String activationId, ComputerId expected) {
        byte[] publicKey = Arrays.copyOfRange(bytes, 1 + TIME_BYTES, 1 + TIME_BYTES + KEY_BYTES);
        if (!expected.isOfKey(publicKey)) {
            throw new InvalidDeactivationCodeException(
                    InvalidDeactivationCodeException.Reason.OTHER_COMPUTER,
                    "the deactivation code was made by another installation than the one activated as " + expected,
                    null);
        }
        long seconds = 0;
        for (int i = 1; i <= TIME_BYTES; i++) {
            seconds = (seconds << 8) | (bytes[i] & 0xff);
        }
        byte[] message = signed(activationId, expected, seconds);
        Ed25519Signer verifier = new Ed25519Signer();
        try {
            verifier.init(false, new Ed25519PublicKeyParameters(publicKey, 0));
        } catch (IllegalArgumentException notAPoint) {
            throw new InvalidDeactivationCodeException(
                    InvalidDeactivationCodeException.Reason.BAD_SIGNATURE,
                    "the deactivation code holds no valid public key",
                    notAPoint);
        }
        verifier.update(message, 0, message.length);
        if (!verifier.verifySignature(Arrays.copyOfRange(bytes, BYTES - SIGNATURE_BYTES, BYTES))) {
            throw new InvalidDeactivationCodeException(
                    InvalidDeactivationCodeException.Reason.BAD_SIGNATURE,
                    "the deactivation code is not signed for activation " + activationId + " on " + expected
                            + ": forged, altered, or made for another activation",
                    null);
        }
        return Instant.ofEpochSecond(seconds);
    }

    /**
     * The code's identity for refusing it a second time: the SHA-256 of its bytes, in hex, the same
     * whatever case, hyphens or spacing it was typed with. Only the installation can make another
     * valid code for the same activation (with another time), which is why the server also refuses a
     * second deactivation of one activation.
     */
    public String id() {
        return HexFormat.of().formatHex(Sha256.of(bytes));
    }

    /**
     * The fingerprint of the installation key that made this code, as {@link ComputerId#installationFingerprint()}
     * gives it: how a publisher that is handed only the code finds the activation it is for.
     */
    public String installationFingerprint() {
        return ComputerId.installationFingerprintOf(
                Arrays.copyOfRange(bytes, 1 + TIME_BYTES, 1 + TIME_BYTES + KEY_BYTES));
    }

    /** The deactivation time the code states, before anything is verified. */
    public Instant time() {
        long seconds = 0;
        for (int i = 1; i <= TIME_BYTES; i++) {
            seconds = (seconds << 8) | (bytes[i] & 0xff);
        }
        return Instant.ofEpochSecond(seconds);
    }

    private static byte[] signed(String activationId, ComputerId computerId, long seconds) {
        Objects.requireNonNull(activationId, "activationId");
        if (activationId.isEmpty() || activationId.length() > MAX_ACTIVATION_ID) {
            throw new IllegalArgumentException("an activation ID has 1 to " + MAX_ACTIVATION_ID + " characters");
        }
        byte[] id = activationId.getBytes(StandardCharsets.UTF_8);
        return ByteBuffer.allocate(DOMAIN.length + 1 + 2 + id.length + ComputerId.BYTES + 8)
                .put(DOMAIN)
                .put((byte) VERSION)
                .putShort((short) id.length)
                .put(id)
                .put(computerId.bytes())
                .putLong(seconds)
                .array();
    }

    /** The typeable form, upper case and grouped. */
    @Override
    public String toString() {
        return TypeableCode.encode(bytes);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof DeactivationCode code && Arrays.equals(code.bytes, bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }
}
