package org.licentia.client.activation;

import java.security.SecureRandom;

/**
 * The key that comes with a node-locked license and that its user types to activate it: 20 random
 * symbols (100 bits, so keys can be neither guessed nor enumerated) and a check symbol, shown as
 * {@code XXXXX-XXXXX-XXXXX-XXXXX-C} (see {@link TypeableCode}).
 *
 * <p>Licenses issued before the check symbol existed have keys of 20 symbols without it; those are
 * kept as the server stored them and {@link #parse(String)} refuses them, so it is for checking new
 * input, not for reading stored keys.
 */
public final class ActivationKey {

    static final int RANDOM_SYMBOLS = 20;

    private static final SecureRandom RANDOM = new SecureRandom();

    private final String text;

    private ActivationKey(int[] symbols) {
        this.text = TypeableCode.format(symbols);
    }

    public static ActivationKey generate() {
        int[] symbols = new int[RANDOM_SYMBOLS];
        for (int i = 0; i < symbols.length; i++) {
            symbols[i] = RANDOM.nextInt(TypeableCode.ALPHABET.length());
        }
        return new ActivationKey(symbols);
    }

    /**
     * The key someone typed, in any case, with or without hyphens.
     *
     * @throws MalformedCodeException when it is not a key, saying which symbol is wrong or that the
     *     check symbol does not match
     */
    public static ActivationKey parse(String typed) {
        return new ActivationKey(TypeableCode.symbols(typed, RANDOM_SYMBOLS));
    }

    /** The canonical form: upper case, grouped, as stored and shown. */
    @Override
    public String toString() {
        return text;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ActivationKey key && key.text.equals(text);
    }

    @Override
    public int hashCode() {
        return text.hashCode();
    }
}
