package org.licentia.catalog.control;

import java.security.SecureRandom;

/**
 * Activation keys for node-locked use: 20 random symbols of Crockford's base32 (no I, L, O, U,
 * so nothing reads as another symbol), in groups of five for typing.
 */
public final class ActivationKeys {

    private static final char[] SYMBOLS = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private ActivationKeys() {
    }

    public static String next() {
        StringBuilder key = new StringBuilder(23);
        for (int i = 0; i < 20; i++) {
            if (i > 0 && i % 5 == 0) {
                key.append('-');
            }
            key.append(SYMBOLS[RANDOM.nextInt(SYMBOLS.length)]);
        }
        return key.toString();
    }
}
