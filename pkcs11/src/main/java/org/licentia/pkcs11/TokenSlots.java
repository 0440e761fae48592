package org.licentia.pkcs11;

import static sun.security.pkcs11.wrapper.PKCS11Constants.CKA_APPLICATION;
import static sun.security.pkcs11.wrapper.PKCS11Constants.CKA_CLASS;
import static sun.security.pkcs11.wrapper.PKCS11Constants.CKA_EC_PARAMS;
import static sun.security.pkcs11.wrapper.PKCS11Constants.CKA_EC_POINT;
import static sun.security.pkcs11.wrapper.PKCS11Constants.CKA_EXTRACTABLE;
import static sun.security.pkcs11.wrapper.PKCS11Constants.CKA_ID;
import static sun.security.pkcs11.wrapper.PKCS11Constants.CKA_LABEL;
import static sun.security.pkcs11.wrapper.PKCS11Constants.CKA_PRIVATE;
import static sun.security.pkcs11.wrapper.PKCS11Constants.CKA_SENSITIVE;
import static sun.security.pkcs11.wrapper.PKCS11Constants.CKA_SIGN;
import static sun.security.pkcs11.wrapper.PKCS11Constants.CKA_TOKEN;
import static sun.security.pkcs11.wrapper.PKCS11Constants.CKA_VALUE;
import static sun.security.pkcs11.wrapper.PKCS11Constants.CKA_VERIFY;
import static sun.security.pkcs11.wrapper.PKCS11Constants.CKF_RW_SESSION;
import static sun.security.pkcs11.wrapper.PKCS11Constants.CKF_SERIAL_SESSION;
import static sun.security.pkcs11.wrapper.PKCS11Constants.CKF_TOKEN_INITIALIZED;
import static sun.security.pkcs11.wrapper.PKCS11Constants.CKM_ECDSA;
import static sun.security.pkcs11.wrapper.PKCS11Constants.CKM_EC_KEY_PAIR_GEN;
import static sun.security.pkcs11.wrapper.PKCS11Constants.CKO_DATA;
import static sun.security.pkcs11.wrapper.PKCS11Constants.CKO_PRIVATE_KEY;
import static sun.security.pkcs11.wrapper.PKCS11Constants.CKO_PUBLIC_KEY;
import static sun.security.pkcs11.wrapper.PKCS11Constants.CKU_USER;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import sun.security.pkcs11.wrapper.CK_ATTRIBUTE;
import sun.security.pkcs11.wrapper.CK_MECHANISM;
import sun.security.pkcs11.wrapper.CK_TOKEN_INFO;
import sun.security.pkcs11.wrapper.PKCS11;
import sun.security.pkcs11.wrapper.PKCS11Exception;

/**
 * Licentia's hardware keys through a PKCS#11 module, with the JDK's own PKCS#11 wrapper.
 *
 * <p>A key is a token holding a key pair made on it (EC P-256: the JDK's PKCS#11 layer has no
 * EdDSA), labelled {@value #KEY_PAIR_LABEL}, whose private half is sensitive and never
 * extractable, and the license preloaded as a data object labelled {@value #LICENSE_LABEL}. Both
 * are public objects, so a key works the moment it is plugged in, without a PIN on the instance;
 * only preloading, which writes to the token, needs the user PIN.
 *
 * <p>A module is initialized once per process and lists its slots as they were then (SoftHSM2 does
 * not see tokens added later, and the JDK never initializes a module twice). So a server reads its
 * slots in a new short-lived process each time ({@link #main}), which also keeps a misbehaving
 * vendor module out of the server's own process. Tokens are found by serial and label, never by
 * slot number: slot numbers change as keys come and go.
 */
public final class TokenSlots {

    public static final String KEY_PAIR_LABEL = "licentia-hardware-key";
    public static final String LICENSE_LABEL = "licentia-license";
    public static final String APPLICATION = "licentia";
    public static final int MAX_LICENSE_BYTES = 64 * 1024;

    /** DER of the named curve P-256 (1.2.840.10045.3.1.7), the key pair's CKA_EC_PARAMS. */
    private static final byte[] P256 = hex("06082a8648ce3d030107");

    /** SubjectPublicKeyInfo of an uncompressed P-256 point, up to the point itself. */
    private static final byte[] P256_SPKI_PREFIX = hex("3059301306072a8648ce3d020106082a8648ce3d030107034200");

    private static final byte[] KEY_PAIR_ID = "licentia".getBytes(StandardCharsets.US_ASCII);

    private final PKCS11 module;

    private TokenSlots(PKCS11 module) {
        this.module = module;
    }

    /** The module at {@code path}, initialized (once per process). */
    public static TokenSlots open(String path) {
        try {
            return new TokenSlots(PKCS11.getInstance(path, "C_GetFunctionList", null, false));
        } catch (IOException | PKCS11Exception e) {
            throw new IllegalStateException(
                    "The PKCS#11 module " + path + " could not be loaded: " + e.getMessage(), e);
        }
    }

    /**
     * Every token in a slot now: Licentia keys with their public key and license, each signing
     * {@code challenge} when it is not null. A token that fails to answer is listed with its problem.
     */
    public List<TokenReading> scan(byte[] challenge) {
        List<TokenReading> tokens = new ArrayList<>();
        long[] slots;
        try {
            slots = module.C_GetSlotList(true);
        } catch (PKCS11Exception e) {
            throw new IllegalStateException("The PKCS#11 module lists no slots: " + e.getMessage(), e);
        }
        for (long slot : slots) {
            CK_TOKEN_INFO info;
            try {
                info = module.C_GetTokenInfo(slot);
            } catch (PKCS11Exception e) {
                continue; // taken out between the list and the question
            }
            if ((info.flags & CKF_TOKEN_INITIALIZED) == 0) {
                continue; // a blank token (SoftHSM2 always offers one) is nobody's key
            }
            tokens.add(read(slot, info, challenge));
        }
        return tokens;
    }

    private TokenReading read(long slot, CK_TOKEN_INFO info, byte[] challenge) {
        String serial = TokenReading.printable(new String(info.serialNumber));
        String label = TokenReading.printable(new String(info.label));
        String model = TokenReading.printable(new String(info.model));
        long session;
        try {
            session = module.C_OpenSession(slot, CKF_SERIAL_SESSION, null, null);
        } catch (PKCS11Exception e) {
            return new TokenReading(serial, label, model, null, null, null, "no session: " + e.getMessage());
        }
        try {
            Long publicKey = only(session, CKO_PUBLIC_KEY, KEY_PAIR_LABEL);
            if (publicKey == null) {
                return new TokenReading(serial, label, model, null, null, null, null);
            }
            byte[] spki = subjectPublicKeyInfo(attribute(session, publicKey, CKA_EC_POINT));
            Long licenseObject = only(session, CKO_DATA, LICENSE_LABEL);
            byte[] license = licenseObject == null ? null : attribute(session, licenseObject, CKA_VALUE);
            if (license != null && license.length > MAX_LICENSE_BYTES) {
                return new TokenReading(serial, label, model, spki, null, null, "the license object is too large");
            }
            byte[] signature = null;
            String problem = null;
            if (challenge != null) {
                Long privateKey = only(session, CKO_PRIVATE_KEY, KEY_PAIR_LABEL);
                if (privateKey == null) {
                    problem = "the key pair's private key is not on the token";
                } else {
                    module.C_SignInit(session, new CK_MECHANISM(CKM_ECDSA), privateKey);
                    signature = module.C_Sign(session, sha256(challenge));
                }
            }
            return new TokenReading(serial, label, model, spki, license, signature, problem);
        } catch (PKCS11Exception | RuntimeException e) {
            return new TokenReading(serial, label, model, null, null, null, "unreadable: " + e.getMessage());
        } finally {
            close(session);
        }
    }

    /**
     * Makes the key pair on the token labelled {@code tokenLabel} unless it has one, signed in with
     * the user {@code pin}; the token as it is then (without a challenge).
     */
    public TokenReading provision(String tokenLabel, char[] pin) {
        long slot = slotOf(tokenLabel);
        long session = signedIn(slot, pin);
        try {
            if (only(session, CKO_PUBLIC_KEY, KEY_PAIR_LABEL) == null) {
                CK_ATTRIBUTE[] publicTemplate = {
                    new CK_ATTRIBUTE(CKA_TOKEN, true),
                    new CK_ATTRIBUTE(CKA_PRIVATE, false),
                    new CK_ATTRIBUTE(CKA_VERIFY, true),
                    new CK_ATTRIBUTE(CKA_EC_PARAMS, P256),
                    new CK_ATTRIBUTE(CKA_LABEL, KEY_PAIR_LABEL.toCharArray()),
                    new CK_ATTRIBUTE(CKA_ID, KEY_PAIR_ID)
                };
                CK_ATTRIBUTE[] privateTemplate = {
                    new CK_ATTRIBUTE(CKA_TOKEN, true),
                    // public, so that it signs a challenge without a PIN; sensitive and never extractable
                    new CK_ATTRIBUTE(CKA_PRIVATE, false),
                    new CK_ATTRIBUTE(CKA_SENSITIVE, true),
                    new CK_ATTRIBUTE(CKA_EXTRACTABLE, false),
                    new CK_ATTRIBUTE(CKA_SIGN, true),
                    new CK_ATTRIBUTE(CKA_LABEL, KEY_PAIR_LABEL.toCharArray()),
                    new CK_ATTRIBUTE(CKA_ID, KEY_PAIR_ID)
                };
                module.C_GenerateKeyPair(
                        session, new CK_MECHANISM(CKM_EC_KEY_PAIR_GEN), publicTemplate, privateTemplate);
            }
        } catch (PKCS11Exception e) {
            throw new IllegalStateException("The token could not make its key pair: " + e.getMessage(), e);
        } finally {
            close(session);
        }
        return readToken(tokenLabel);
    }

    /** Writes {@code license} onto the token labelled {@code tokenLabel}, replacing the license it held. */
    public TokenReading preload(String tokenLabel, char[] pin, byte[] license) {
        if (license.length > MAX_LICENSE_BYTES) {
            throw new IllegalArgumentException(
                    "The license is " + license.length + " bytes; a key holds at most " + MAX_LICENSE_BYTES);
        }
        long slot = slotOf(tokenLabel);
        long session = signedIn(slot, pin);
        try {
            for (long old : find(session, CKO_DATA, LICENSE_LABEL)) {
                module.C_DestroyObject(session, old);
            }
            module.C_CreateObject(session, new CK_ATTRIBUTE[] {
                new CK_ATTRIBUTE(CKA_CLASS, CKO_DATA),
                new CK_ATTRIBUTE(CKA_TOKEN, true),
                new CK_ATTRIBUTE(CKA_PRIVATE, false),
                new CK_ATTRIBUTE(CKA_LABEL, LICENSE_LABEL.toCharArray()),
                new CK_ATTRIBUTE(CKA_APPLICATION, APPLICATION.toCharArray()),
                new CK_ATTRIBUTE(CKA_VALUE, license)
            });
        } catch (PKCS11Exception e) {
            throw new IllegalStateException("The license could not be written to the token: " + e.getMessage(), e);
        } finally {
            close(session);
        }
        return readToken(tokenLabel);
    }

    private TokenReading readToken(String tokenLabel) {
        long slot = slotOf(tokenLabel);
        try {
            return read(slot, module.C_GetTokenInfo(slot), null);
        } catch (PKCS11Exception e) {
            throw new IllegalStateException("The token went away: " + e.getMessage(), e);
        }
    }

    /** The one slot whose token has that label: a second token with the same label is refused, not guessed. */
    private long slotOf(String tokenLabel) {
        List<Long> matching = new ArrayList<>();
        try {
            for (long slot : module.C_GetSlotList(true)) {
                if (tokenLabel.equals(TokenReading.printable(new String(module.C_GetTokenInfo(slot).label)))) {
                    matching.add(slot);
                }
            }
        } catch (PKCS11Exception e) {
            throw new IllegalStateException("The PKCS#11 module lists no slots: " + e.getMessage(), e);
        }
        if (matching.size() != 1) {
            throw new IllegalArgumentException(
                    matching.isEmpty()
                            ? "No token labelled '" + tokenLabel + "' is plugged in"
                            : matching.size() + " tokens are labelled '" + tokenLabel
                                    + "': plug in only the one to preload");
        }
        return matching.get(0);
    }

    private long signedIn(long slot, char[] pin) {
        try {
            long session = module.C_OpenSession(slot, CKF_SERIAL_SESSION | CKF_RW_SESSION, null, null);
            try {
                module.C_Login(session, CKU_USER, pin);
            } catch (PKCS11Exception e) {
                close(session);
                throw new IllegalArgumentException("The token refused the PIN: " + e.getMessage(), e);
            }
            return session;
        } catch (PKCS11Exception e) {
            throw new IllegalStateException("The token opens no session: " + e.getMessage(), e);
        }
    }

    private Long only(long session, long objectClass, String label) throws PKCS11Exception {
        long[] found = find(session, objectClass, label);
        return found.length == 1 ? found[0] : null;
    }

    private long[] find(long session, long objectClass, String label) throws PKCS11Exception {
        module.C_FindObjectsInit(session, new CK_ATTRIBUTE[] {
            new CK_ATTRIBUTE(CKA_CLASS, objectClass), new CK_ATTRIBUTE(CKA_LABEL, label.toCharArray())
        });
        try {
            return module.C_FindObjects(session, 4);
        } finally {
            module.C_FindObjectsFinal(session);
        }
    }

    private byte[] attribute(long session, long object, long type) throws PKCS11Exception {
        CK_ATTRIBUTE[] template = {new CK_ATTRIBUTE(type)};
        module.C_GetAttributeValue(session, object, template);
        return template[0].getByteArray();
    }

    private void close(long session) {
        try {
            module.C_CloseSession(session);
        } catch (PKCS11Exception e) {
            // the token was pulled out: its session is gone with it
        }
    }

    /** CKA_EC_POINT is a DER OCTET STRING around the uncompressed point (some modules give the bare point). */
    static byte[] subjectPublicKeyInfo(byte[] ecPoint) {
        byte[] point = ecPoint;
        if (ecPoint.length == 67 && ecPoint[0] == 0x04 && ecPoint[1] == 65) {
            point = Arrays.copyOfRange(ecPoint, 2, 67);
        }
        if (point.length != 65 || point[0] != 0x04) {
            throw new IllegalStateException("the key is not an uncompressed P-256 point");
        }
        byte[] spki = Arrays.copyOf(P256_SPKI_PREFIX, P256_SPKI_PREFIX.length + 65);
        System.arraycopy(point, 0, spki, P256_SPKI_PREFIX.length, 65);
        return spki;
    }

    private static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] hex(String s) {
        byte[] b = new byte[s.length() / 2];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) Integer.parseInt(s.substring(2 * i, 2 * i + 2), 16);
        }
        return b;
    }

    /**
     * The token tool, one command per process (a module sees the tokens of the moment it starts):
     *
     * <ul>
     *   <li>{@code scan MODULE [CHALLENGE]}: one line per token ({@link TokenReading#parse} reads
     *       them); the challenge is Base64, and each Licentia key signs SHA-256 of it (ECDSA, r and s
     *       of 32 bytes each);
     *   <li>{@code keypair MODULE LABEL PIN_FILE}: makes the key pair on a token unless it has one
     *       (what {@code licentia hardware-key provision} does before it asks the publisher);
     *   <li>{@code preload MODULE LABEL PIN_FILE LICENSE_FILE}: writes a license file onto a token.
     * </ul>
     *
     * Exits 0, or 2 with the reason on standard error.
     */
    public static void main(String[] args) {
        PrintStream out = new PrintStream(System.out, false, StandardCharsets.US_ASCII);
        String command = args.length == 0 ? "" : args[0];
        boolean known = ("scan".equals(command) && (args.length == 2 || args.length == 3))
                || ("keypair".equals(command) && args.length == 4)
                || ("preload".equals(command) && args.length == 5);
        if (!known) {
            System.err.println("usage: TokenSlots scan MODULE [CHALLENGE] | keypair MODULE LABEL PIN_FILE"
                    + " | preload MODULE LABEL PIN_FILE LICENSE_FILE");
            System.exit(64);
        }
        try {
            TokenSlots slots = open(args[1]);
            List<TokenReading> tokens;
            if ("scan".equals(command)) {
                tokens = slots.scan(args.length == 3 ? Base64.getDecoder().decode(args[2]) : null);
            } else {
                char[] pin = java.nio.file.Files.readString(java.nio.file.Path.of(args[3]), StandardCharsets.UTF_8)
                        .strip()
                        .toCharArray();
                tokens = List.of(
                        "keypair".equals(command)
                                ? slots.provision(args[2], pin)
                                : slots.preload(
                                        args[2],
                                        pin,
                                        java.nio.file.Files.readAllBytes(java.nio.file.Path.of(args[4]))));
            }
            for (TokenReading t : tokens) {
                out.println(t.line());
            }
            out.flush();
            System.exit(0);
        } catch (RuntimeException | IOException e) {
            System.err.println(e.getMessage());
            System.exit(2);
        }
    }
}
