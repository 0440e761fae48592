package org.licentia.seats.control;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ClientTokenFormatTest {

    @Test
    void everyNewTokenIsWellFormed() {
        for (int i = 0; i < 2_000; i++) {
            String token = ClientTokenCheck.newToken().token();
            assertTrue(ClientTokenCheck.wellFormed(token), token);
        }
    }

    @Test
    void anyCharacterOutsideTheAlphabetOrOutOfPlaceIsRefused() {
        String token = ClientTokenCheck.newToken().token();
        for (int i = 0; i < token.length(); i++) {
            for (char bad : new char[] {'.', '+', '/', '=', ' ', 'é', '\u0000'}) {
                if (token.charAt(i) == bad) {
                    continue;
                }
                String changed = token.substring(0, i) + bad + token.substring(i + 1);
                assertFalse(ClientTokenCheck.wellFormed(changed), "position " + i + ": " + changed);
            }
        }
        assertFalse(ClientTokenCheck.wellFormed(""));
        assertFalse(ClientTokenCheck.wellFormed(token.substring(1)));
        assertFalse(ClientTokenCheck.wellFormed(token + "A"));
        assertFalse(ClientTokenCheck.wellFormed(token.substring(0, token.length() - 1)));
        assertFalse(ClientTokenCheck.wellFormed("LCT_" + token.substring(4)));
        assertFalse(ClientTokenCheck.wellFormed("lct_" + "A".repeat(45)), "no dot");
    }
}
