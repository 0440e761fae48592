package org.licentia.catalog.control;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Map;
import org.bouncycastle.crypto.generators.OpenBSDBCrypt;
import org.licentia.errors.ErrorCode;
import org.licentia.errors.LicensingException;

/**
 * Password hashing with bcrypt (Bouncy Castle), in the modular crypt form {@code $2a$<cost>$...}
 * that the server's Elytron JDBC realm verifies at sign-in.
 */
public final class Passwords {

    /** 2^10 rounds: about 50 ms per check on a current core, too slow for offline guessing at scale. */
    static final int COST = 10;
    /** bcrypt reads only the first 72 bytes; longer passwords would be silently truncated. */
    static final int MAX_BYTES = 72;

    static final int MIN_LENGTH = 8;

    private static final SecureRandom RANDOM = new SecureRandom();

    private Passwords() {}

    public static String hash(String password) {
        requireAcceptable(password);
        byte[] salt = new byte[16];
        RANDOM.nextBytes(salt);
        return OpenBSDBCrypt.generate("2a", password.toCharArray(), salt, COST);
    }

    public static boolean matches(String password, String hash) {
        return password != null && OpenBSDBCrypt.checkPassword(hash, password.toCharArray());
    }

    static void requireAcceptable(String password) {
        if (password == null || password.length() < MIN_LENGTH) {
            throw new LicensingException(
                    ErrorCode.INVALID_INPUT,
                    "A password has at least " + MIN_LENGTH + " characters",
                    Map.of("password", "at least " + MIN_LENGTH + " characters"));
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            throw new LicensingException(
                    ErrorCode.INVALID_INPUT,
                    "A password has at most " + MAX_BYTES + " bytes",
                    Map.of("password", "at most " + MAX_BYTES + " bytes in UTF-8"));
        }
    }
}
