package org.licentia.pkcs11;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The scanner's lines, read back exactly; what a token says about itself never breaks a line. */
class TokenReadingTest {

    @Test
    void aLineReadsBackAsTheSameToken() {
        TokenReading t =
                new TokenReading("6d25ea5c", "key-a", "SoftHSM v2", new byte[] {1, 2}, new byte[] {3}, null, null);
        TokenReading back = TokenReading.parse(t.line() + "\n").get(0);
        assertEquals("6d25ea5c:key-a", back.keyId());
        assertEquals("SoftHSM v2", back.model());
        assertArrayEquals(new byte[] {1, 2}, back.publicKey());
        assertArrayEquals(new byte[] {3}, back.license());
        assertNull(back.signature());
        assertNull(back.problem());
        assertTrue(back.isLicentiaKey());
    }

    @Test
    void aTokensOwnTextIsMadePrintable() {
        TokenReading t = new TokenReading("1", "evil\tlabel\n\u001b[31m", "m", null, null, null, "bad\nthing");
        List<TokenReading> back = TokenReading.parse(t.line());
        assertEquals(1, back.size());
        assertEquals("evil?label??[31m", back.get(0).label());
        assertEquals("bad?thing", back.get(0).problem());
        assertFalse(back.get(0).isLicentiaKey());
    }

    @Test
    void anythingElseIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> TokenReading.parse("token\tonly-three\tfields"));
        assertThrows(IllegalArgumentException.class, () -> TokenReading.parse("hello"));
    }

    @Test
    void keyIds() {
        assertTrue(TokenReading.isKeyId("6d25ea5cde0a4135:licentia-key-1"));
        assertFalse(TokenReading.isKeyId("no-colon"));
        assertFalse(TokenReading.isKeyId(":label"));
        assertFalse(TokenReading.isKeyId("serial:"));
        assertFalse(TokenReading.isKeyId("serial:with space"));
        assertFalse(TokenReading.isKeyId("12345678901234567:label"), "a serial has at most 16 characters");
        assertFalse(TokenReading.isKeyId(null));
    }
}
