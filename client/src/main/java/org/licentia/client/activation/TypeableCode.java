package org.licentia.client.activation;

import java.util.Arrays;

/**
 * The form in which every activation code is read aloud, typed and printed: Crockford's base32
 * symbols in groups of five separated by {@code '-'}, the last symbol a check symbol.
 *
 * <p>The alphabet leaves out I, L, O and U, so nothing reads as another symbol; on input, lower
 * case is accepted, I and L are read as 1 and O as 0, and spaces, line breaks and hyphens (also the
 * typographic dashes a word processor substitutes) are ignored wherever they are.
 *
 * <p>Bytes become symbols five bits at a time, most significant bit first; the last symbol is
 * padded with zero bits, and a code whose padding is not zero is refused, so each byte string has
 * exactly one code.
 *
 * <h2>The check symbol</h2>
 *
 * Each symbol's value is read as an element of the field GF(32) (polynomials over GF(2) modulo
 * x<sup>5</sup>+x<sup>2</sup>+1), and a code s<sub>0</sub>..s<sub>n</sub> (check symbol last) is
 * valid when s<sub>0</sub>α<sup>n</sup> + s<sub>1</sub>α<sup>n-1</sup> + ... + s<sub>n</sub> = 0
 * with α = x. This is Damm's check over the quasigroup a∘b = αa + b, and it provably catches:
 * <ul>
 * <li>every single-symbol substitution: changing s<sub>i</sub> by e ≠ 0 changes the sum by
 * eα<sup>k</sup>, which is not 0 because α ≠ 0 and a field has no zero divisors;</li>
 * <li>every adjacent transposition: swapping x ≠ y at weights α<sup>k+1</sup> and α<sup>k</sup>
 * changes the sum by (x+y)α<sup>k</sup>(α+1), not 0 because α ≠ 1;</li>
 * <li>as a bonus, every transposition of two symbols fewer than 31 places apart, because the
 * multiplicative group of GF(32) has the prime order 31, so α<sup>d</sup> ≠ 1 for 0 &lt; d &lt; 31.</li>
 * </ul>
 * The alternatives were worse for people: Crockford's own mod-37 check needs five extra check
 * symbols ({@code *~$=U}) that are awkward to type and read aloud, ISO 7064 MOD 37,36 is made for a
 * 36-symbol alphabet, and a Luhn mod-32 check misses one transposition pair. Other errors (two typos
 * at once) slip through with a chance of 1 in 32; for deactivation codes the signature catches them.
 */
public final class TypeableCode {

    /** Crockford's base32 symbols, each standing for its index. */
    public static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

    static final int GROUP_LENGTH = 5;

    /** x^5 + x^2 + 1, irreducible over GF(2), without its x^5 term. */
    private static final int REDUCTION = 0b00101;

    private static final int[] VALUES = new int[128];

    static {
        Arrays.fill(VALUES, -1);
        for (int i = 0; i < ALPHABET.length(); i++) {
            char c = ALPHABET.charAt(i);
            VALUES[c] = i;
            VALUES[Character.toLowerCase(c)] = i;
        }
        for (char c : "IiLl".toCharArray()) {
            VALUES[c] = 1;
        }
        VALUES['O'] = 0;
        VALUES['o'] = 0;
    }

    private TypeableCode() {}

    /** The typeable form of {@code bytes}: ceil(8n/5) symbols and the check symbol, grouped. */
    public static String encode(byte[] bytes) {
        int[] symbols = new int[symbolCount(bytes.length)];
        int buffer = 0;
        int bits = 0;
        int next = 0;
        for (byte b : bytes) {
            buffer = (buffer << 8) | (b & 0xff);
            bits += 8;
            while (bits >= 5) {
                bits -= 5;
                symbols[next++] = (buffer >>> bits) & 31;
            }
        }
        if (bits > 0) {
            symbols[next] = (buffer << (5 - bits)) & 31;
        }
        return format(symbols);
    }

    /**
     * The {@code byteCount} bytes that {@code text} encodes.
     *
     * @throws MalformedCodeException when a character is no symbol, symbols are missing or extra,
     *     or the check symbol does not match
     */
    public static byte[] decode(String text, int byteCount) {
        Typed typed = parse(text, symbolCount(byteCount));
        byte[] bytes = new byte[byteCount];
        int buffer = 0;
        int bits = 0;
        int next = 0;
        for (int symbol : typed.symbols) {
            buffer = (buffer << 5) | symbol;
            bits += 5;
            if (bits >= 8) {
                bits -= 8;
                bytes[next++] = (byte) (buffer >>> bits);
            }
        }
        if ((buffer & ((1 << bits) - 1)) != 0) {
            int last = typed.symbols.length - 1;
            throw new MalformedCodeException(
                    MalformedCodeException.Problem.SYMBOL,
                    typed.positions[last],
                    "'" + text.charAt(typed.positions[last] - 1) + "' at position " + typed.positions[last]
                            + " cannot end this code: probably a typo");
        }
        return bytes;
    }

    /**
     * The bytes that {@code text} encodes, for codes whose length varies (a computer key): the
     * number of symbols gives the number of bytes, and a number of symbols that no byte count
     * encodes to is refused as a symbol missing or too many.
     */
    public static byte[] decode(String text) {
        int symbols = -1;
        String typed = text == null ? "" : text;
        for (int i = 0; i < typed.length(); i++) {
            if (!isSeparator(typed.charAt(i))) {
                symbols++;
            }
        }
        int byteCount = Math.max(symbols, 0) * 5 / 8;
        if (symbolCount(byteCount) != symbols) {
            byteCount = Math.max(byteCount, 1);
        }
        return decode(text, byteCount);
    }

    /** How many symbols, without the check symbol, carry {@code byteCount} bytes. */
    static int symbolCount(int byteCount) {
        return (byteCount * 8 + 4) / 5;
    }

    /** {@code symbols} (values 0 to 31) followed by their check symbol, in groups of five. */
    static String format(int[] symbols) {
        int total = symbols.length + 1;
        StringBuilder out = new StringBuilder(total + total / GROUP_LENGTH);
        for (int i = 0; i < total; i++) {
            if (i > 0 && i % GROUP_LENGTH == 0) {
                out.append('-');
            }
            out.append(ALPHABET.charAt(i < symbols.length ? symbols[i] : checkSymbol(symbols)));
        }
        return out.toString();
    }

    /** The values of the {@code symbolCount} symbols before the check symbol, once the check symbol matched. */
    static int[] symbols(String text, int symbolCount) {
        return parse(text, symbolCount).symbols;
    }

    private static Typed parse(String text, int symbolCount) {
        String typed = text == null ? "" : text;
        int[] values = new int[typed.length()];
        int[] positions = new int[typed.length()];
        int count = 0;
        for (int i = 0; i < typed.length(); i++) {
            char c = typed.charAt(i);
            if (isSeparator(c)) {
                continue;
            }
            int value = c < VALUES.length ? VALUES[c] : -1;
            if (value < 0) {
                throw new MalformedCodeException(
                        MalformedCodeException.Problem.SYMBOL,
                        i + 1,
                        "'" + c + "' at position " + (i + 1) + " is not a symbol of the code (0-9 and A-Z without U)");
            }
            values[count] = value;
            positions[count++] = i + 1;
        }
        int expected = symbolCount + 1;
        if (count != expected) {
            int difference = Math.abs(count - expected);
            throw new MalformedCodeException(
                    MalformedCodeException.Problem.LENGTH,
                    0,
                    "expected " + expected + " symbols but found " + count + ": " + difference
                            + (difference == 1 ? " symbol " : " symbols ")
                            + (count < expected ? "missing" : "too many"));
        }
        if (remainder(values, expected) != 0) {
            throw new MalformedCodeException(
                    MalformedCodeException.Problem.CHECK,
                    0,
                    "the check symbol does not match the others: probably a typo");
        }
        return new Typed(Arrays.copyOf(values, symbolCount), positions);
    }

    private static boolean isSeparator(char c) {
        return c == '-' || Character.isWhitespace(c) || (c >= '\u2010' && c <= '\u2015') || c == '\u2212';
    }

    /** The check symbol that makes the remainder of {@code symbols} and itself zero. */
    private static int checkSymbol(int[] symbols) {
        // Horner: r·α + c = 0 and, in characteristic 2, −r·α = r·α.
        return timesAlpha(remainder(symbols, symbols.length));
    }

    /** Σ symbols[i]·α^(length−1−i) over GF(32), by Horner's rule. */
    private static int remainder(int[] symbols, int length) {
        int r = 0;
        for (int i = 0; i < length; i++) {
            r = timesAlpha(r) ^ symbols[i];
        }
        return r;
    }

    private static int timesAlpha(int value) {
        int shifted = value << 1;
        return (shifted & 32) != 0 ? (shifted & 31) ^ REDUCTION : shifted;
    }

    /** Symbol values, and where each stood in the text as typed (1-based), for messages. */
    private record Typed(int[] symbols, int[] positions) {}
}
