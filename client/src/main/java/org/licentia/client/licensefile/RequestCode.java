package org.licentia.client.licensefile;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.UUID;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;
import org.licentia.client.activation.MalformedCodeException;
import org.licentia.client.activation.TypeableCode;

/**
 * An on-prem instance's request code: what the publisher needs to make a license file for it,
 * signed by the instance's own key, in the same typeable form as activation codes ({@link
 * TypeableCode}: Crockford base32 in groups of five with a check symbol), so a typo is caught
 * before anything is sent.
 *
 * <p>137 bytes: version (1), instance ID (16), the instance's Ed25519 public key (32), the serial of
 * the last license file it applied (8), the hosts and CPU sockets it counts (4 + 4), the time in
 * seconds (8), and the Ed25519 signature of all that (64). The whole key travels, not only its
 * fingerprint, because an air-gapped instance may never have shown it to the publisher before; the
 * publisher binds it to the instance ID the first time and refuses another key for that ID later.
 *
 * @param instanceId the instance (one per cluster: every node gives the same)
 * @param publicKey the instance's raw 32-byte Ed25519 public key
 * @param lastSerial the serial of the last license file applied, 0 before the first
 */
public record RequestCode(
        UUID instanceId,
        byte[] publicKey,
        long lastSerial,
        int hosts,
        int cpuSockets,
        Instant madeAt,
        byte[] signature) {

    public static final int LENGTH = 137;
    private static final int SIGNED_LENGTH = LENGTH - 64;
    private static final byte VERSION = 1;
    private static final byte[] DOMAIN = "licentia-request-code\n".getBytes(StandardCharsets.US_ASCII);

    public RequestCode {
        publicKey = publicKey.clone();
        signature = signature.clone();
    }

    /** A request code signed by {@code sign}, the instance's signing function. */
    public static RequestCode signed(
            UUID instanceId,
            byte[] publicKey,
            long lastSerial,
            int hosts,
            int cpuSockets,
            Instant madeAt,
            UnaryOperator<byte[]> sign) {
        if (publicKey.length != 32 || lastSerial < 0 || hosts < 0 || cpuSockets < 0) {
            throw new IllegalArgumentException("a request code's key is 32 bytes and its counts are not negative");
        }
        Instant second = Instant.ofEpochSecond(madeAt.getEpochSecond());
        byte[] unsigned = signedPart(instanceId, publicKey, lastSerial, hosts, cpuSockets, second);
        return new RequestCode(
                instanceId, publicKey, lastSerial, hosts, cpuSockets, second, sign.apply(message(unsigned)));
    }

    /**
     * The request code that {@code text} spells: the code alone, or the file form, whose lines
     * starting with {@code #} are comments.
     *
     * @throws MalformedCodeException when it is not a request code: a typo, symbols missing or
     *     extra, or a code of another kind
     */
    public static RequestCode parse(String text) {
        String code = text == null
                ? ""
                : text.lines().filter(l -> !l.strip().startsWith("#")).collect(Collectors.joining("\n"));
        byte[] bytes = TypeableCode.decode(code, LENGTH);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        if (in.get() != VERSION) {
            throw notARequestCode("it is not a request code of this version");
        }
        UUID instanceId = new UUID(in.getLong(), in.getLong());
        byte[] publicKey = new byte[32];
        in.get(publicKey);
        long lastSerial = in.getLong();
        int hosts = in.getInt();
        int cpuSockets = in.getInt();
        long seconds = in.getLong();
        if (lastSerial < 0 || hosts < 0 || cpuSockets < 0 || seconds < 0 || seconds > Instant.MAX.getEpochSecond()) {
            throw notARequestCode("it holds numbers no instance writes");
        }
        byte[] signature = new byte[64];
        in.get(signature);
        return new RequestCode(
                instanceId, publicKey, lastSerial, hosts, cpuSockets, Instant.ofEpochSecond(seconds), signature);
    }

    /** True when the code is signed by the key it carries: it was made by that instance and not changed since. */
    public boolean isSignedByItsInstance() {
        byte[] message = message(signedPart(instanceId, publicKey, lastSerial, hosts, cpuSockets, madeAt));
        Ed25519Signer verifier = new Ed25519Signer();
        verifier.init(false, new Ed25519PublicKeyParameters(publicKey, 0));
        verifier.update(message, 0, message.length);
        return verifier.verifySignature(signature);
    }

    /** The typeable text: 221 symbols in groups of five. */
    public String text() {
        ByteBuffer out = ByteBuffer.allocate(LENGTH);
        out.put(signedPart(instanceId, publicKey, lastSerial, hosts, cpuSockets, madeAt));
        out.put(signature);
        return TypeableCode.encode(out.array());
    }

    /** The file form: a few comment lines for the person handling it, then the code in lines of eight groups. */
    public String fileText() {
        String[] groups = text().split("-");
        StringBuilder file = new StringBuilder()
                .append("# Licentia request code: send it to your software publisher to get a license file.\n")
                .append("# Instance ")
                .append(instanceId)
                .append(", key ")
                .append(keyFingerprint())
                .append(", last license file ")
                .append(lastSerial)
                .append(", made ")
                .append(madeAt)
                .append('\n');
        for (int i = 0; i < groups.length; i += 8) {
            file.append(String.join("-", Arrays.copyOfRange(groups, i, Math.min(groups.length, i + 8))))
                    .append('\n');
        }
        return file.toString();
    }

    /** The key's ID as the publisher's keys have theirs: the first 16 hex digits of its SHA-256. */
    public String keyFingerprint() {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(publicKey), 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] signedPart(
            UUID instanceId, byte[] publicKey, long lastSerial, int hosts, int cpuSockets, Instant madeAt) {
        return ByteBuffer.allocate(SIGNED_LENGTH)
                .put(VERSION)
                .putLong(instanceId.getMostSignificantBits())
                .putLong(instanceId.getLeastSignificantBits())
                .put(publicKey)
                .putLong(lastSerial)
                .putInt(hosts)
                .putInt(cpuSockets)
                .putLong(madeAt.getEpochSecond())
                .array();
    }

    /** What the instance signs: the bytes behind a domain prefix, so no other Licentia signature can pass for one. */
    private static byte[] message(byte[] signedPart) {
        byte[] message = Arrays.copyOf(DOMAIN, DOMAIN.length + signedPart.length);
        System.arraycopy(signedPart, 0, message, DOMAIN.length, signedPart.length);
        return message;
    }

    private static MalformedCodeException notARequestCode(String why) {
        return new MalformedCodeException(MalformedCodeException.Problem.SYMBOL, 0, "not a request code: " + why);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RequestCode r
                && instanceId.equals(r.instanceId)
                && Arrays.equals(publicKey, r.publicKey)
                && lastSerial == r.lastSerial
                && hosts == r.hosts
                && cpuSockets == r.cpuSockets
                && madeAt.equals(r.madeAt)
                && Arrays.equals(signature, r.signature);
    }

    @Override
    public int hashCode() {
        return instanceId.hashCode() ^ Arrays.hashCode(signature);
    }

    @Override
    public String toString() {
        return "RequestCode[" + instanceId + ", key " + keyFingerprint() + ", serial " + lastSerial + "]";
    }
}
