package org.licentia.pkcs11;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Pattern;

/**
 * One token as a scan found it: its serial, label and model, and, when it is a Licentia hardware
 * key, the public half of its key pair (X.509 SubjectPublicKeyInfo, EC P-256), the license
 * preloaded on it, and its signature of the scan's challenge. Nothing here is trusted: the server
 * checks the signature against the public key, and the license against the publisher's keys.
 *
 * <p>Also the text a scanning child process prints, one line per token, so that a server can read
 * tokens without loading the JDK's PKCS#11 wrapper itself (this class uses nothing but the JDK).
 *
 * @param problem why a Licentia key could not be read or could not sign, or null
 */
public record TokenReading(
        String serial, String label, String model, byte[] publicKey, byte[] license, byte[] signature, String problem) {

    /** A Licentia key's label: what provisioning accepts, and what the key's ID is made of. */
    public static final Pattern KEY_LABEL = Pattern.compile("[A-Za-z0-9._-]{1,32}");

    /**
     * What a server copies out of its deployment to run {@code TokenSlots.main} in a child process
     * (named here, so that the server never loads the class that needs the JDK's PKCS#11 wrapper).
     */
    public static final List<String> CLASS_FILES =
            List.of("org/licentia/pkcs11/TokenSlots.class", "org/licentia/pkcs11/TokenReading.class");

    /** The class a scanning child process runs. */
    public static final String SCANNER = "org.licentia.pkcs11.TokenSlots";

    private static final Pattern SERIAL = Pattern.compile("[A-Za-z0-9._-]{1,16}");

    /** The most a line may say about one token: a license of 64 KiB in Base64, and room for the rest. */
    private static final int MAX_LINE = 96 * 1024;

    /**
     * The key's ID, what an admin copies ("Copy USB Key ID") to ask for a license: the token's
     * serial and label, which identify it in any slot of any node. It names the key; only the key
     * pair proves it (a token given the same serial and label has another key pair).
     */
    public String keyId() {
        return serial + ":" + label;
    }

    /** A Licentia hardware key: its key pair is there (its license may not be, before preloading). */
    public boolean isLicentiaKey() {
        return publicKey != null;
    }

    /** True when {@code id} is how {@link #keyId()} writes some key's ID. */
    public static boolean isKeyId(String id) {
        int colon = id == null ? -1 : id.indexOf(':');
        return colon > 0
                && SERIAL.matcher(id.substring(0, colon)).matches()
                && KEY_LABEL.matcher(id.substring(colon + 1)).matches();
    }

    /** The line a scanning process prints for this token. */
    String line() {
        return String.join(
                "\t",
                "token",
                field(serial),
                field(label),
                field(model),
                bytes(publicKey),
                bytes(license),
                bytes(signature),
                field(problem));
    }

    /** What a scanning process printed, every token it saw; a line that is not a token line is refused. */
    public static List<TokenReading> parse(String output) {
        List<TokenReading> tokens = new ArrayList<>();
        for (String line : output.split("\n", -1)) {
            if (line.isEmpty()) {
                continue;
            }
            if (line.length() > MAX_LINE) {
                throw new IllegalArgumentException("a token line longer than " + MAX_LINE + " characters");
            }
            String[] f = line.split("\t", -1);
            if (f.length != 8 || !"token".equals(f[0])) {
                throw new IllegalArgumentException("not a token line: " + printable(line));
            }
            tokens.add(new TokenReading(
                    text(f[1]), text(f[2]), text(f[3]), decoded(f[4]), decoded(f[5]), decoded(f[6]), text(f[7])));
        }
        return tokens;
    }

    /** A token's own text (labels are blank-padded, and may hold anything): printable ASCII, or '?' . */
    static String printable(String s) {
        StringBuilder b = new StringBuilder(Math.min(s.length(), 200));
        s.codePoints().limit(200).forEach(c -> b.append(c >= 0x20 && c < 0x7f && c != '\t' ? (char) c : '?'));
        return b.toString().strip();
    }

    private static String field(String s) {
        return s == null ? "-" : Base64.getEncoder().encodeToString(printable(s).getBytes(StandardCharsets.US_ASCII));
    }

    private static String text(String f) {
        return "-".equals(f) ? null : new String(Base64.getDecoder().decode(f), StandardCharsets.US_ASCII);
    }

    private static String bytes(byte[] b) {
        return b == null ? "-" : Base64.getEncoder().encodeToString(b);
    }

    private static byte[] decoded(String f) {
        return "-".equals(f) ? null : Base64.getDecoder().decode(f);
    }
}
