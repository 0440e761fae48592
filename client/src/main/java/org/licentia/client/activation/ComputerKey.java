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
 * QR code or pasted from a page, so it is a {@link TypeableCode}. The 64-byte signature alone is 103
 * symbols; a shorter key would need a shared secret in the program, which anyone who extracts it
 * can use to mint keys. So the rest is kept small.
 *
 * <h2>The compact form (version 2), at most 28 groups</h2>
 *
 * The server issues this form whenever the terms fit it: a license number of 1 to 12 digits, an
 * activation number below 2<sup>32</sup>, a last day before 2149. Bytes: the version and the
 * license number's digit count (1: {@code 0x20 | digits}), the first byte of the SHA-256 of the
 * publisher's public key, the activation number (4, big-endian), the issue time (3, hours since
 * the epoch), the last valid day (2, epoch day, {@code FFFF} for no end), the license number (as a
 * number, in as few bytes as its digit count needs), the catalog check (2), the features (a bit per
 * entry of the product's feature catalog, most significant bit first, no trailing zero byte), the
 * signature (64). A license of eight digits with up to eight features is 82 bytes: 27 groups.
 *
 * <p>Features are not spelled out: bit <i>i</i> grants the <i>i</i>-th feature of the product's
 * catalog (its editions' features in the order the publisher added them, {@code featureCatalog} in
 * {@code GET /api/v1/products/{code}}), which the application lists as well
 * ({@link NodeLock#withFeatureCatalog}). The catalog check is the first two bytes of the SHA-256 of
 * the catalog's names up to the last one granted, one per line, so an application whose catalog
 * differs from the publisher's is told so ({@code FEATURE_CATALOG_MISMATCH}) rather than reading
 * other features; a catalog that grew since the key was issued still reads it. The signature
 * covers the ASCII bytes {@code licentia-computer-key-2}, every byte before the signature, the
 * activation key's canonical form (1 byte length, ASCII) and the computer ID's 18 bytes.
 *
 * <h2>The spelled-out form (version 1)</h2>
 *
 * Issued for terms the compact form cannot hold, and read as before: about 51 groups. Bytes: version
 * (1), the first 4 bytes of the SHA-256 of the publisher's public key, the activation number (6,
 * big-endian; the activation ID is its decimal form), the issue time (5, epoch seconds), the last
 * valid day (3, epoch day, {@code FFFFFF} for no end), the license number (1 byte length, ASCII),
 * the features (1 byte count, each 1 byte length and UTF-8), the signature (64). The signature
 * covers the ASCII bytes {@code licentia-computer-key}, every byte before the signature, the
 * activation key's canonical form (1 byte length, ASCII) and the computer ID's 18 bytes.
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

    static final int COMPACT = 2;
    private static final int COMPACT_FINGERPRINT_BYTES = 1;
    private static final int COMPACT_ACTIVATION_BYTES = 4;
    private static final int HOUR_BYTES = 3;
    private static final int COMPACT_DAY_BYTES = 2;
    private static final int COMPACT_NO_END = (1 << (8 * COMPACT_DAY_BYTES)) - 1;
    private static final int CATALOG_CHECK_BYTES = 2;
    private static final int MAX_DIGITS = 12;
    private static final byte[] COMPACT_DOMAIN = "licentia-computer-key-2".getBytes(StandardCharsets.US_ASCII);

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
    /** Null for a compact key that grants features and was read without the application's catalog. */
    private final Terms terms;

    private final long activationNumber;

    private ComputerKey(byte[] bytes, Terms terms, long activationNumber) {
        this.bytes = bytes;
        this.terms = terms;
        this.activationNumber = activationNumber;
    }

    /** The activation ID, which a deactivation names: readable without the feature catalog. */
    public String activationId() {
        return Long.toString(activationNumber);
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
        byte[] signature = sign.apply(signed(DOMAIN, body, activationKey, computerId));
        if (signature.length != SIGNATURE_BYTES) {
            throw new IllegalArgumentException("an Ed25519 signature has 64 bytes, not " + signature.length);
        }
        byte[] bytes = Arrays.copyOf(body, body.length + SIGNATURE_BYTES);
        System.arraycopy(signature, 0, bytes, body.length, SIGNATURE_BYTES);
        return new ComputerKey(bytes, terms, terms.activationNumber());
    }

    /** Whether {@link #issueCompact} can hold {@code terms} with this feature catalog. */
    public static boolean fitsCompact(Terms terms, List<String> featureCatalog) {
        return terms.activationNumber() < 1L << (8 * COMPACT_ACTIVATION_BYTES)
                && terms.licenseNumber().matches("[0-9]{1," + MAX_DIGITS + "}")
                && terms.issuedAt().getEpochSecond() / 3600 < 1L << (8 * HOUR_BYTES)
                && (terms.expires() == null || terms.expires().toEpochDay() < COMPACT_NO_END)
                && featureCatalog.containsAll(terms.features())
                && terms.features().stream().distinct().count()
                        == terms.features().size()
                && featureCatalog.stream().distinct().count() == featureCatalog.size();
    }

    /**
     * The compact computer key (at most 28 groups for up to 24 catalog features): the features as
     * bits over {@code featureCatalog}, the product's catalog in the publisher's order.
     *
     * @throws IllegalArgumentException when the terms do not fit ({@link #fitsCompact})
     */
    public static ComputerKey issueCompact(
            Terms terms,
            List<String> featureCatalog,
            ActivationKey activationKey,
            ComputerId computerId,
            byte[] publisherPublicKey,
            UnaryOperator<byte[]> sign) {
        if (!fitsCompact(terms, featureCatalog)) {
            throw new IllegalArgumentException("these terms do not fit a compact computer key: " + terms);
        }
        int last = -1;
        for (String f : terms.features()) {
            last = Math.max(last, featureCatalog.indexOf(f));
        }
        byte[] bits = new byte[(last + 8) / 8];
        for (String f : terms.features()) {
            int i = featureCatalog.indexOf(f);
            bits[i / 8] |= (byte) (0x80 >>> (i % 8));
        }
        String number = terms.licenseNumber();
        ByteArrayOutputStream out = new ByteArrayOutputStream(32);
        out.write(COMPACT << 4 | number.length());
        out.write(Sha256.of(publisherPublicKey), 0, COMPACT_FINGERPRINT_BYTES);
        writeNumber(out, terms.activationNumber(), COMPACT_ACTIVATION_BYTES);
        writeNumber(out, terms.issuedAt().getEpochSecond() / 3600, HOUR_BYTES);
        writeNumber(
                out, terms.expires() == null ? COMPACT_NO_END : terms.expires().toEpochDay(), COMPACT_DAY_BYTES);
        writeNumber(out, Long.parseLong(number), numberBytes(number.length()));
        out.write(catalogCheck(featureCatalog.subList(0, last + 1)), 0, CATALOG_CHECK_BYTES);
        out.write(bits, 0, bits.length);
        byte[] body = out.toByteArray();
        byte[] signature = sign.apply(signed(COMPACT_DOMAIN, body, activationKey, computerId));
        if (signature.length != SIGNATURE_BYTES) {
            throw new IllegalArgumentException("an Ed25519 signature has 64 bytes, not " + signature.length);
        }
        byte[] bytes = Arrays.copyOf(body, body.length + SIGNATURE_BYTES);
        System.arraycopy(signature, 0, bytes, body.length, SIGNATURE_BYTES);
        Terms read = new Terms(
                terms.activationNumber(),
                number,
                Instant.ofEpochSecond(terms.issuedAt().getEpochSecond() / 3600 * 3600),
                terms.expires(),
                featuresIn(bits, featureCatalog));
        return new ComputerKey(bytes, read, read.activationNumber());
    }

    /**
     * The computer key as the user typed or pasted it, read without a feature catalog: enough to
     * check its form and signature, and to read the terms of a key that grants no features by
     * catalog; {@link #terms} of a compact key that does throws {@code FEATURE_CATALOG_MISMATCH}.
     *
     * @throws InvalidComputerKeyException {@code MALFORMED} or {@code UNSUPPORTED_VERSION}
     */
    public static ComputerKey parse(String typed) {
        return read(typed, null);
    }

    /**
     * The computer key as the user typed or pasted it, its features read with the application's
     * copy of the product's feature catalog. This checks only its form; {@link #verify} checks that
     * the publisher made it for this activation key and computer.
     *
     * @throws InvalidComputerKeyException {@code MALFORMED}, {@code UNSUPPORTED_VERSION} or {@code
     *     FEATURE_CATALOG_MISMATCH}
     */
    public static ComputerKey parse(String typed, List<String> featureCatalog) {
        return read(typed, List.copyOf(featureCatalog));
    }

    private static ComputerKey read(String typed, List<String> featureCatalog) {
        byte[] bytes;
        try {
            bytes = TypeableCode.decode(typed);
        } catch (MalformedCodeException e) {
            throw new InvalidComputerKeyException(
                    InvalidComputerKeyException.Reason.MALFORMED, "not a computer key: " + e.getMessage(), e);
        }
        boolean compact = bytes.length > 0 && (bytes[0] & 0xff) >>> 4 == COMPACT;
        if (bytes.length > 0 && bytes[0] != VERSION && !compact) {
            throw new InvalidComputerKeyException(
                    InvalidComputerKeyException.Reason.UNSUPPORTED_VERSION,
                    "a computer key of version " + (bytes[0] & 0xff) + ", which this version of Licentia does not know",
                    null);
        }
        Compact parts;
        try {
            if (!compact) {
                Terms spelledOut = read(ByteBuffer.wrap(bytes, 0, bytes.length - SIGNATURE_BYTES));
                return new ComputerKey(bytes, spelledOut, spelledOut.activationNumber());
            }
            parts = Compact.read(bytes);
        } catch (RuntimeException truncated) {
            throw new InvalidComputerKeyException(
                    InvalidComputerKeyException.Reason.MALFORMED,
                    "not a computer key: its parts do not add up",
                    truncated);
        }
        if (featureCatalog == null && parts.grantsFeatures()) {
            return new ComputerKey(bytes, null, parts.activation());
        }
        return new ComputerKey(
                bytes, parts.terms(featureCatalog == null ? List.of() : featureCatalog), parts.activation());
    }

    /**
     * Checks that one of {@code publisherPublicKeys} signed this key for {@code activationKey} and
     * {@code computerId}; changing any bound field, or using the key on another computer or with
     * another activation key, fails.
     *
     * @throws InvalidComputerKeyException {@code UNKNOWN_PUBLISHER_KEY} or {@code BAD_SIGNATURE}
     */
    public void verify(ActivationKey activationKey, ComputerId computerId, Collection<byte[]> publisherPublicKeys) {
        boolean compact = bytes[0] != VERSION;
        int fingerprint = compact ? COMPACT_FINGERPRINT_BYTES : FINGERPRINT_BYTES;
        byte[] body = Arrays.copyOf(bytes, bytes.length - SIGNATURE_BYTES);
        byte[] message = signed(compact ? COMPACT_DOMAIN : DOMAIN, body, activationKey, computerId);
        byte[] signature = Arrays.copyOfRange(bytes, body.length, bytes.length);
        // a one-byte fingerprint may match more than one trusted key: any of them may have signed
        List<byte[]> candidates = publisherPublicKeys.stream()
                .filter(k -> Arrays.equals(Sha256.of(k), 0, fingerprint, bytes, 1, 1 + fingerprint))
                .toList();
        if (candidates.isEmpty()) {
            throw new InvalidComputerKeyException(
                    InvalidComputerKeyException.Reason.UNKNOWN_PUBLISHER_KEY,
                    "the computer key is signed with a key this application does not know",
                    null);
        }
        for (byte[] publicKey : candidates) {
            Ed25519Signer verifier = new Ed25519Signer();
            verifier.init(false, new Ed25519PublicKeyParameters(publicKey, 0));
            verifier.update(message, 0, message.length);
            if (verifier.verifySignature(signature)) {
                return;
            }
        }
        throw new InvalidComputerKeyException(
                InvalidComputerKeyException.Reason.BAD_SIGNATURE,
                "the computer key was not issued for activation key " + activationKey + " on computer " + computerId
                        + ": mistyped, altered, or meant for another computer",
                null);
    }

    /**
     * What the key grants.
     *
     * @throws InvalidComputerKeyException {@code FEATURE_CATALOG_MISMATCH} for a compact key that
     *     grants features, read without the application's feature catalog
     */
    public Terms terms() {
        if (terms == null) {
            throw noCatalog();
        }
        return terms;
    }

    private static InvalidComputerKeyException noCatalog() {
        return new InvalidComputerKeyException(
                InvalidComputerKeyException.Reason.FEATURE_CATALOG_MISMATCH,
                "the computer key grants features by the product's feature catalog, and the application gave"
                        + " none: read it with the catalog (NodeLock.withFeatureCatalog)",
                null);
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

    private static byte[] signed(byte[] domain, byte[] body, ActivationKey activationKey, ComputerId computerId) {
        byte[] key = activationKey.toString().getBytes(StandardCharsets.US_ASCII);
        return ByteBuffer.allocate(domain.length + body.length + 1 + key.length + ComputerId.BYTES)
                .put(domain)
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

    /** The parts of a compact key before its signature. */
    private record Compact(long activation, long hours, long day, String license, byte[] check, byte[] bits) {

        static Compact read(byte[] bytes) {
            ByteBuffer in = ByteBuffer.wrap(bytes, 0, bytes.length - SIGNATURE_BYTES);
            int digits = in.get() & 0x0f;
            if (digits < 1 || digits > MAX_DIGITS) {
                throw new IllegalArgumentException("a license number of " + digits + " digits");
            }
            in.position(in.position() + COMPACT_FINGERPRINT_BYTES);
            long activation = readNumber(in, COMPACT_ACTIVATION_BYTES);
            long hours = readNumber(in, HOUR_BYTES);
            long day = readNumber(in, COMPACT_DAY_BYTES);
            long number = readNumber(in, numberBytes(digits));
            if (activation == 0 || number >= POWERS_OF_TEN[digits]) {
                throw new IllegalArgumentException("out of range");
            }
            byte[] check = new byte[CATALOG_CHECK_BYTES];
            in.get(check);
            byte[] bits = new byte[in.remaining()];
            in.get(bits);
            if (bits.length > 0 && bits[bits.length - 1] == 0) {
                throw new IllegalArgumentException("a trailing zero byte of features");
            }
            String license = String.format("%0" + digits + "d", number);
            return new Compact(activation, hours, day, license, check, bits);
        }

        boolean grantsFeatures() {
            return bits.length > 0;
        }

        Terms terms(List<String> catalog) {
            int granted = bits.length == 0
                    ? 0
                    : 8 * bits.length - Integer.numberOfTrailingZeros(bits[bits.length - 1] & 0xff);
            if (granted > 0 && catalog.isEmpty()) {
                throw noCatalog();
            }
            if (granted > catalog.size()
                    || !Arrays.equals(
                            catalogCheck(catalog.subList(0, granted)),
                            0,
                            CATALOG_CHECK_BYTES,
                            check,
                            0,
                            CATALOG_CHECK_BYTES)) {
                throw new InvalidComputerKeyException(
                        InvalidComputerKeyException.Reason.FEATURE_CATALOG_MISMATCH,
                        "the computer key grants features of a product catalog of at least " + granted
                                + " features that does not begin as this application's (" + catalog.size()
                                + " features): update the application's feature catalog to the publisher's",
                        null);
            }
            return new Terms(
                    activation,
                    license,
                    Instant.ofEpochSecond(hours * 3600),
                    day == COMPACT_NO_END ? null : LocalDate.ofEpochDay(day),
                    featuresIn(bits, catalog));
        }
    }

    private static final long[] POWERS_OF_TEN = new long[MAX_DIGITS + 1];

    static {
        POWERS_OF_TEN[0] = 1;
        for (int i = 1; i <= MAX_DIGITS; i++) {
            POWERS_OF_TEN[i] = POWERS_OF_TEN[i - 1] * 10;
        }
    }

    /** The bytes a number of {@code digits} decimal digits needs. */
    private static int numberBytes(int digits) {
        int bits = 64 - Long.numberOfLeadingZeros(POWERS_OF_TEN[digits] - 1);
        return (bits + 7) / 8;
    }

    /** The first bytes of the SHA-256 of the catalog's names, one per line. */
    private static byte[] catalogCheck(List<String> catalog) {
        return Sha256.of(String.join("\n", catalog).getBytes(StandardCharsets.UTF_8));
    }

    private static List<String> featuresIn(byte[] bits, List<String> catalog) {
        List<String> features = new ArrayList<>();
        for (int i = 0; i < 8 * bits.length; i++) {
            if ((bits[i / 8] & (0x80 >>> (i % 8))) != 0) {
                features.add(catalog.get(i));
            }
        }
        return features;
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
