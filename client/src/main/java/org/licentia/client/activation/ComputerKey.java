package org.licentia.client.activation;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.function.UnaryOperator;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;

/**
 * What the publisher gives a computer for an activation: its terms (activation, license, features,
 * expiry) and the publisher's Ed25519 signature over them, the activation key and the computer ID,
 * so that the client library can check offline, with nothing but the publisher's public key, that
 * this computer may use this license.
 *
 * <p>It travels the way the user can carry it, typed from an e-mail, read off a phone that scanned a
 * QR code or pasted from the self-help page, so it is a {@link TypeableCode}: about 30 groups of five
 * symbols, most of them the 64-byte signature. A shorter key would need a shared secret in the
 * program, which anyone who extracts it can use to mint keys.
 *
 * <p>Bytes: version (1), the first 4 bytes of the SHA-256 of the publisher's public key, the
 * activation number (6, big-endian; the activation ID is its decimal form), the issue time (5, epoch
 * seconds), the last valid day (3, epoch day, {@code FFFFFF} for no end), the license number (1 byte
 * length, ASCII), the features (1 byte count, each 1 byte length and UTF-8), the signature (64). The
 * signature covers the ASCII bytes {@code licentia-computer-key}, every byte before the signature,
 * the activation key's canonical form (1 byte length, ASCII) and the computer ID's 18 bytes.
 */
public final class ComputerKey {

    static final int VERSION = 1;
    private static final int FINGERPRINT_BYTES = 4;
    private static final int ACTIVATION_BYTES = 6;
    private static final int TIME_BYTES = 5;
    private static final int DAY_BYTES = 3;
    private static final int NO_END = (1 << (8 * DAY_BYTES)) - 1;
    private static final int SIGNATURE_BYTES = 64;
    private static final int MAX_TEXT = 255;
    private static final byte[] DOMAIN = "licentia-computer-key".getBytes(StandardCharsets.US_ASCII);

    /**
     * What a computer key grants.
     *
     * @param expires the last day (UTC) the activation may be used, or null for no end
     */
    public record Terms(
            long activationNumber, String licenseNumber, Instant issuedAt, LocalDate expires, List<String> features) {

        public Terms {
            if (activationNumber < 1 || activationNumber >= 1L << (8 * ACTIVATION_BYTES)) {
                throw new IllegalArgumentException("activation number out of range: " + activationNumber);
            }
            if (licenseNumber == null
                    || licenseNumber.isEmpty()
                    || licenseNumber.length() > MAX_TEXT
                    || !StandardCharsets.US_ASCII.newEncoder().canEncode(licenseNumber)) {
                throw new IllegalArgumentException("a license number has 1 to 255 ASCII characters");
            }
            // Written in 5 bytes: a time outside them would silently become another one.
            if (issuedAt == null
                    || issuedAt.getEpochSecond() < 0
                    || issuedAt.getEpochSecond() >= 1L << (8 * TIME_BYTES)) {
                throw new IllegalArgumentException("issue time out of range: " + issuedAt);
            }
            issuedAt = Instant.ofEpochSecond(issuedAt.getEpochSecond());
            if (expires != null && (expires.toEpochDay() < 0 || expires.toEpochDay() >= NO_END)) {
                throw new IllegalArgumentException("expiry out of range: " + expires);
            }
            features = features == null ? List.of() : List.copyOf(features);
            if (features.size() > MAX_TEXT
                    || features.stream()
                            .anyMatch(f -> f.isEmpty() || f.getBytes(StandardCharsets.UTF_8).length > MAX_TEXT)) {
                throw new IllegalArgumentException("at most 255 features of 1 to 255 bytes each");
            }
        }

        /** The activation ID as the server and the {@link DeactivationCode} name it. */
        public String activationId() {
            return Long.toString(activationNumber);
        }

        /** True when the activation may still be used on {@code today}. */
        public boolean isValidOn(LocalDate today) {
            return expires == null || !today.isAfter(expires);
        }
    }

    private final byte[] bytes;
    private final Terms terms;

    private ComputerKey(byte[] bytes, Terms terms) {
        this.bytes = bytes;
        this.terms = terms;
    }

    /**
     * The computer key for {@code terms}, signed by the publisher; what the server makes when it
     * records an activation.
     *
     * @param publisherPublicKey the 32 raw bytes of the key that {@code sign} signs with
     * @param sign an Ed25519 signature by the publisher's private key over the bytes given to it
     */
    public static ComputerKey issue(
            Terms terms,
            ActivationKey activationKey,
            ComputerId computerId,
            byte[] publisherPublicKey,
            UnaryOperator<byte[]> sign) {
        byte[] body = body(terms, publisherPublicKey);
        byte[] signature = sign.apply(signed(body, activationKey, computerId));
        if (signature.length != SIGNATURE_BYTES) {
            throw new IllegalArgumentException("an Ed25519 signature has 64 bytes, not " + signature.length);
        }
        byte[] bytes = Arrays.copyOf(body, body.length + SIGNATURE_BYTES);
        System.arraycopy(signature, 0, bytes, body.length, SIGNATURE_BYTES);
        return new ComputerKey(bytes, terms);
    }

    /**
     * The computer key as the user typed or pasted it. This checks only its form;
     * {@link #verify} checks that the publisher made it for this activation key and computer.
     *
     * @throws InvalidComputerKeyException {@code MALFORMED} or {@code UNSUPPORTED_VERSION}
     */
    public static ComputerKey parse(String typed) {
        byte[] bytes;
        try {
            bytes = TypeableCode.decode(typed);
        } catch (MalformedCodeException e) {
            throw new InvalidComputerKeyException(
                    InvalidComputerKeyException.Reason.MALFORMED, "not a computer key: " + e.getMessage(), e);
        }
        if (bytes.length > 0 && bytes[0] != VERSION) {
            throw new InvalidComputerKeyException(
                    InvalidComputerKeyException.Reason.UNSUPPORTED_VERSION,
                    "a computer key of version " + (bytes[0] & 0xff) + ", which this version of Licentia does not know",
                    null);
        }
        try {
            return new ComputerKey(bytes, read(ByteBuffer.wrap(bytes, 0, bytes.length - SIGNATURE_BYTES)));
        } catch (RuntimeException truncated) {
            throw new InvalidComputerKeyException(
                    InvalidComputerKeyException.Reason.MALFORMED,
                    "not a computer key: its parts do not add up",
                    truncated);
        }
    }

    /**
     * Checks that one of {@code publisherPublicKeys} signed this key for {@code activationKey} and
     * {@code computerId}; changing any bound field, or using the key on another computer or with
     * another activation key, fails.
     *
     * @throws InvalidComputerKeyException {@code UNKNOWN_PUBLISHER_KEY} or {@code BAD_SIGNATURE}
     */
    public void verify(ActivationKey activationKey, ComputerId computerId, Collection<byte[]> publisherPublicKeys) {
        byte[] body = Arrays.copyOf(bytes, bytes.length - SIGNATURE_BYTES);
        byte[] publicKey = publisherPublicKeys.stream()
                .filter(k -> Arrays.equals(Sha256.of(k), 0, FINGERPRINT_BYTES, bytes, 1, 1 + FINGERPRINT_BYTES))
                .findFirst()
                .orElseThrow(() -> new InvalidComputerKeyException(
                        InvalidComputerKeyException.Reason.UNKNOWN_PUBLISHER_KEY,
                        "the computer key is signed with a key this application does not know",
                        null));
        byte[] message = signed(body, activationKey, computerId);
        Ed25519Signer verifier = new Ed25519Signer();
        verifier.init(false, new Ed25519PublicKeyParameters(publicKey, 0));
        verifier.update(message, 0, message.length);
        if (!verifier.verifySignature(Arrays.copyOfRange(bytes, body.length, bytes.length))) {
            throw new InvalidComputerKeyException(
                    InvalidComputerKeyException.Reason.BAD_SIGNATURE,
                    "the computer key was not issued for activation key " + activationKey + " on computer " + computerId
                            + ": mistyped, altered, or meant for another computer",
                    null);
        }
    }

    public Terms terms() {
        return terms;
    }

    private static byte[] body(Terms terms, byte[] publisherPublicKey) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(64);
        out.write(VERSION);
        out.write(Sha256.of(publisherPublicKey), 0, FINGERPRINT_BYTES);
        writeNumber(out, terms.activationNumber(), ACTIVATION_BYTES);
        writeNumber(out, terms.issuedAt().getEpochSecond(), TIME_BYTES);
        writeNumber(out, terms.expires() == null ? NO_END : terms.expires().toEpochDay(), DAY_BYTES);
        writeText(out, terms.licenseNumber().getBytes(StandardCharsets.US_ASCII));
        out.write(terms.features().size());
        terms.features().forEach(f -> writeText(out, f.getBytes(StandardCharsets.UTF_8)));
        return out.toByteArray();
    }

    private static Terms read(ByteBuffer in) {
        in.get();
        in.position(in.position() + FINGERPRINT_BYTES);
        long activation = readNumber(in, ACTIVATION_BYTES);
        long issued = readNumber(in, TIME_BYTES);
        long day = readNumber(in, DAY_BYTES);
        String license = new String(readText(in), StandardCharsets.US_ASCII);
        int count = in.get() & 0xff;
        List<String> features = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            features.add(new String(readText(in), StandardCharsets.UTF_8));
        }
        if (in.hasRemaining()) {
            throw new IllegalArgumentException("bytes left over");
        }
        return new Terms(
                activation,
                license,
                Instant.ofEpochSecond(issued),
                day == NO_END ? null : LocalDate.ofEpochDay(day),
                features);
    }

    private static byte[] signed(byte[] body, ActivationKey activationKey, ComputerId computerId) {
        byte[] key = activationKey.toString().getBytes(StandardCharsets.US_ASCII);
        return ByteBuffer.allocate(DOMAIN.length + body.length + 1 + key.length + ComputerId.BYTES)
                .put(DOMAIN)
                .put(body)
                .put((byte) key.length)
                .put(key)
                .put(computerId.bytes())
                .array();
    }

    private static void writeNumber(ByteArrayOutputStream out, long value, int width) {
        for (int shift = 8 * (width - 1); shift >= 0; shift -= 8) {
            out.write((int) (value >>> shift));
        }
    }

    private static long readNumber(ByteBuffer in, int width) {
        long value = 0;
        for (int i = 0; i < width; i++) {
            value = (value << 8) | (in.get() & 0xff);
        }
        return value;
    }

    private static void writeText(ByteArrayOutputStream out, byte[] text) {
        out.write(text.length);
        out.write(text, 0, text.length);
    }

    private static byte[] readText(ByteBuffer in) {
        byte[] text = new byte[in.get() & 0xff];
        in.get(text);
        return text;
    }

    /** The typeable form, upper case and grouped. */
    @Override
    public String toString() {
        return TypeableCode.encode(bytes);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ComputerKey key && Arrays.equals(key.bytes, bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }
}
