package org.licentia.client.activation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.licentia.client.activation.MalformedCodeException.Problem;

class TypeableCodeTest {

    private final Random random = new Random(20260101);

    private byte[] randomBytes(int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }

    @Test
    void bytesOfEveryLengthComeBack() {
        for (int length = 0; length <= 40; length++) {
            byte[] bytes = randomBytes(length);
            String code = TypeableCode.encode(bytes);
            assertTrue(code.matches("([0-9A-HJKMNP-TV-Z]{5}-)*[0-9A-HJKMNP-TV-Z]{1,5}"), code);
            assertEquals(
                    TypeableCode.symbolCount(length) + 1, code.replace("-", "").length());
            assertArrayEquals(bytes, TypeableCode.decode(code, length), code);
        }
    }

    /** Fixed so that no change of the encoding or the check goes unnoticed: codes already handed out must keep parsing. */
    @Test
    void formatIsFixed() {
        byte[] bytes = new byte[18];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) i;
        }
        assertEquals("000G4-0R40M-30E20-9185G-R38E1-W8120", TypeableCode.encode(bytes));
        assertEquals("00000-0", TypeableCode.format(new int[5]));
        // x·1 = x and x·x^4 = x^5 = x^2 + 1 in GF(32)
        assertEquals("00001-2", TypeableCode.format(new int[] {0, 0, 0, 0, 1}));
        assertEquals("10000-5", TypeableCode.format(new int[] {1, 0, 0, 0, 0}));
    }

    @Test
    void readsWhatPeopleTypeAsTheSymbolsTheyMeant() {
        byte[] bytes = new byte[18];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) i;
        }
        for (String typed : new String[] {
            "000G4-0R40M-30E20-9185G-R38E1-W8120",
            "000g4-0r40m-30e20-9185g-r38e1-w8120",
            "OOoG4-0R4OM-3OE2O-9i85G-R38El-W8I2o",
            "000g4 0r40m 30e20 9185g r38e1 w8120",
            "000G40R40M30E209185GR38E1W8120",
            " 000G4\u20130R40M\u201430E20\n9185G-R38E1-W8120\t",
        }) {
            assertArrayEquals(bytes, TypeableCode.decode(typed, 18), typed);
        }
    }

    @Test
    void saysWhichCharacterIsNoSymbol() {
        MalformedCodeException e = assertThrows(
                MalformedCodeException.class, () -> TypeableCode.decode("000G4-0R4UM-30E20-9185G-R38E1-W8120", 18));
        assertEquals(Problem.SYMBOL, e.problem());
        assertEquals(10, e.position());
        assertTrue(e.getMessage().contains("'U' at position 10"), e.getMessage());
        assertEquals(
                Problem.SYMBOL,
                assertThrows(MalformedCodeException.class, () -> TypeableCode.decode("00041_0C20G", 7))
                        .problem());
        assertEquals(
                Problem.SYMBOL,
                assertThrows(MalformedCodeException.class, () -> TypeableCode.decode("0004é", 3))
                        .problem());
    }

    @Test
    void saysHowManySymbolsAreMissingOrTooMany() {
        MalformedCodeException missing = assertThrows(
                MalformedCodeException.class, () -> TypeableCode.decode("000G4-0R40M-30E20-9185G-R38E1-W812", 18));
        assertEquals(Problem.LENGTH, missing.problem());
        assertEquals("expected 30 symbols but found 29: 1 symbol missing", missing.getMessage());
        MalformedCodeException extra = assertThrows(
                MalformedCodeException.class, () -> TypeableCode.decode("000G4-0R40M-30E20-9185G-R38E1-W812000", 18));
        assertEquals("expected 30 symbols but found 32: 2 symbols too many", extra.getMessage());
        assertEquals(
                Problem.LENGTH,
                assertThrows(MalformedCodeException.class, () -> TypeableCode.decode(null, 18))
                        .problem());
        assertEquals(
                Problem.LENGTH,
                assertThrows(MalformedCodeException.class, () -> TypeableCode.decode(" - ", 18))
                        .problem());
    }

    @Test
    void aWrongCheckSymbolIsReportedAsATypo() {
        MalformedCodeException e = assertThrows(
                MalformedCodeException.class, () -> TypeableCode.decode("000G4-0R40M-30E20-9185G-R38E1-W8121", 18));
        assertEquals(Problem.CHECK, e.problem());
        assertTrue(e.getMessage().contains("probably a typo"), e.getMessage());
    }

    @Test
    void refusesPaddingBitsThatAreNotZeroSoEachCodeHasOneForm() {
        // 1 byte takes 2 symbols (10 bits): the 2 bits of padding must be 0.
        int[] symbols = {0, 1};
        String padded = TypeableCode.format(symbols);
        MalformedCodeException e = assertThrows(MalformedCodeException.class, () -> TypeableCode.decode(padded, 1));
        assertEquals(Problem.SYMBOL, e.problem());
        assertEquals(2, e.position());
    }

    @Test
    void catchesEverySingleSubstitutionAndEveryAdjacentSwap() {
        for (int length : new int[] {1, 5, 13, 18, 40}) {
            for (int sample = 0; sample < 5; sample++) {
                String code = TypeableCode.encode(randomBytes(length));
                for (String typo : Typos.substitutions(code)) {
                    assertThrows(MalformedCodeException.class, () -> TypeableCode.decode(typo, length), typo);
                }
                for (String typo : Typos.transpositions(code)) {
                    MalformedCodeException e =
                            assertThrows(MalformedCodeException.class, () -> TypeableCode.decode(typo, length), typo);
                    assertEquals(Problem.CHECK, e.problem(), typo);
                }
            }
        }
    }

    @Test
    void catchesSwapsOfSymbolsUpToThirtyPlacesApart() {
        int[] symbols = new int[40];
        for (int i = 0; i < symbols.length; i++) {
            symbols[i] = i % 32;
        }
        String code = TypeableCode.format(symbols).replace("-", "");
        for (int i = 0; i < code.length(); i++) {
            for (int j = i + 1; j < code.length() && j - i < 31; j++) {
                if (code.charAt(i) != code.charAt(j)) {
                    char[] swapped = code.toCharArray();
                    swapped[i] = code.charAt(j);
                    swapped[j] = code.charAt(i);
                    assertThrows(MalformedCodeException.class, () -> TypeableCode.symbols(new String(swapped), 40));
                }
            }
        }
    }
}
