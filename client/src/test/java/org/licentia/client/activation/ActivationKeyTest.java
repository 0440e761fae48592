package org.licentia.client.activation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.licentia.client.activation.MalformedCodeException.Problem;

class ActivationKeyTest {

    @Test
    void generatedKeysAreFourGroupsOfFiveAndACheckSymbol() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            String key = ActivationKey.generate().toString();
            assertTrue(key.matches("[0-9A-HJKMNP-TV-Z]{5}(-[0-9A-HJKMNP-TV-Z]{5}){3}-[0-9A-HJKMNP-TV-Z]"), key);
            assertTrue(seen.add(key), key);
            assertEquals(key, ActivationKey.parse(key).toString());
        }
    }

    @Test
    void everyMistypedSymbolAndEverySwapOfNeighboursIsCaught() {
        for (int i = 0; i < 50; i++) {
            String key = ActivationKey.generate().toString();
            for (String typo : Typos.substitutions(key)) {
                assertEquals(
                        Problem.CHECK,
                        assertThrows(MalformedCodeException.class, () -> ActivationKey.parse(typo), typo)
                                .problem());
            }
            for (String typo : Typos.transpositions(key)) {
                assertEquals(
                        Problem.CHECK,
                        assertThrows(MalformedCodeException.class, () -> ActivationKey.parse(typo), typo)
                                .problem());
            }
        }
    }

    @Test
    void readsLowerCaseAndTheLettersThatLookLikeDigits() {
        // The key whose symbols are 0, 1, 0, 1, ...: every one of them can be typed as a letter.
        int[] symbols = new int[ActivationKey.RANDOM_SYMBOLS];
        for (int i = 0; i < symbols.length; i++) {
            symbols[i] = i % 2;
        }
        String key = TypeableCode.format(symbols);
        ActivationKey expected = ActivationKey.parse(key);
        String asLetters =
                key.substring(0, 20).replace('0', 'O').replace('1', 'I').replace("IOI", "lol") + key.substring(20);
        assertEquals(expected, ActivationKey.parse(asLetters), asLetters);
        assertEquals(expected, ActivationKey.parse(asLetters.toLowerCase()));
        assertEquals(expected, ActivationKey.parse(key.replace("-", " ")));
        assertEquals(key, ActivationKey.parse(asLetters.toLowerCase()).toString());

        ActivationKey random = ActivationKey.generate();
        assertEquals(random, ActivationKey.parse(random.toString().toLowerCase().replace("-", "")));
        assertEquals(
                random.hashCode(),
                ActivationKey.parse(random.toString().toLowerCase()).hashCode());
        assertNotEquals(random, ActivationKey.generate());
    }

    @Test
    void keysFromBeforeTheCheckSymbolAreNotNewKeys() {
        MalformedCodeException e =
                assertThrows(MalformedCodeException.class, () -> ActivationKey.parse("7KQ2M-XW4RT-9HB3N-PZ6CD"));
        assertEquals(Problem.LENGTH, e.problem());
        assertEquals("expected 21 symbols but found 20: 1 symbol missing", e.getMessage());
    }
}
