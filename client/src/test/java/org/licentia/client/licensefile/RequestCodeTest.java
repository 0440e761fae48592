package org.licentia.client.licensefile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.UUID;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;
import org.junit.jupiter.api.Test;
import org.licentia.client.activation.MalformedCodeException;
import org.licentia.client.activation.TypeableCode;

class RequestCodeTest {

    static final Ed25519PrivateKeyParameters KEY = new Ed25519PrivateKeyParameters(new SecureRandom());
    static final UUID INSTANCE = UUID.fromString("6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b");

    static RequestCode code(long lastSerial) {
        return RequestCode.signed(
                INSTANCE,
                KEY.generatePublicKey().getEncoded(),
                lastSerial,
                3,
                8,
                Instant.parse("2026-11-29T05:00:00.250Z"),
                RequestCodeTest::sign);
    }

    static byte[] sign(byte[] message) {
        Ed25519Signer signer = new Ed25519Signer();
        signer.init(true, KEY);
        signer.update(message, 0, message.length);
        return signer.generateSignature();
    }

    @Test
    void readsBackWhatWasWrittenInBothForms() {
        RequestCode code = code(7);
        RequestCode fromText = RequestCode.parse(code.text());
        assertEquals(code, fromText);
        assertEquals(code, RequestCode.parse(code.fileText()));
        assertEquals(INSTANCE, fromText.instanceId());
        assertEquals(7, fromText.lastSerial());
        assertEquals(3, fromText.hosts());
        assertEquals(8, fromText.cpuSockets());
        assertEquals(Instant.parse("2026-11-29T05:00:00Z"), fromText.madeAt(), "whole seconds");
        assertTrue(fromText.isSignedByItsInstance());
        assertTrue(code.fileText().startsWith("# Licentia request code"));
    }

    @Test
    void survivesWhatMailAndWordProcessorsDoToText() {
        RequestCode code = code(0);
        String mangled = "  " + code.text().toLowerCase().replace("-", "\u2013").replace("0", "o") + "\r\n";
        assertEquals(code, RequestCode.parse(mangled));
    }

    @Test
    void aTypoIsCaughtBeforeAnythingIsSent() {
        String text = code(1).text();
        int at = text.length() / 2;
        char typo = text.charAt(at) == '7' ? '8' : '7';
        String mistyped = text.substring(0, at) + typo + text.substring(at + 1);
        MalformedCodeException e = assertThrows(MalformedCodeException.class, () -> RequestCode.parse(mistyped));
        assertEquals(MalformedCodeException.Problem.CHECK, e.problem());
        assertThrows(MalformedCodeException.class, () -> RequestCode.parse(text.substring(0, text.length() - 6)));
        assertThrows(MalformedCodeException.class, () -> RequestCode.parse(text + "-AAAAA"));
        assertThrows(MalformedCodeException.class, () -> RequestCode.parse(""));
        assertThrows(MalformedCodeException.class, () -> RequestCode.parse(null));
    }

    @Test
    void aChangedCodeWithAValidCheckSymbolFailsItsSignature() {
        byte[] bytes = TypeableCode.decode(code(1).text(), RequestCode.LENGTH);
        bytes[60] ^= 1; // the hosts count
        RequestCode forged = RequestCode.parse(TypeableCode.encode(bytes));
        assertFalse(forged.isSignedByItsInstance());
    }

    @Test
    void aCodeOfAnotherKindOrVersionIsRefused() {
        byte[] bytes = TypeableCode.decode(code(1).text(), RequestCode.LENGTH);
        bytes[0] = 2;
        assertThrows(MalformedCodeException.class, () -> RequestCode.parse(TypeableCode.encode(bytes)));
        byte[] negative = TypeableCode.decode(code(1).text(), RequestCode.LENGTH);
        negative[49] = (byte) 0x80; // last serial's sign bit
        assertThrows(MalformedCodeException.class, () -> RequestCode.parse(TypeableCode.encode(negative)));
    }

    @Test
    void refusesToSignNegativeCounts() {
        assertThrows(IllegalArgumentException.class, () -> code(-1));
    }
}
