package org.licentia.returns.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.licentia.errors.ErrorCode;
import org.licentia.errors.LicensingException;
import org.licentia.returns.control.ReturnDocuments.Action;
import org.licentia.returns.control.ReturnDocuments.Outcome;
import org.licentia.signing.control.Ed25519KeyPair;

class ReturnDocumentsTest {

    private static final String INSTANCE = "0a1b2c3d-0000-4000-8000-00000000abcd";
    private final Ed25519KeyPair instanceKey = Ed25519KeyPair.generate();
    private final Ed25519KeyPair publisherKey = Ed25519KeyPair.generate();

    private String requestFile(List<String> licenses) {
        var request = new ReturnDocuments.Request(
                UUID.randomUUID(),
                Action.RETURN,
                INSTANCE,
                instanceKey.keyId(),
                Instant.parse("2026-11-29T10:00:00Z"),
                licenses,
                3);
        return ReturnDocuments.sign(request.document(), instanceKey.keyId(), instanceKey::sign)
                .text();
    }

    private ReturnDocuments.Request readRequest(String text) {
        return ReturnDocuments.request(
                ReturnDocuments.read(text, ErrorCode.RETURN_REQUEST_INVALID),
                id -> INSTANCE.equals(id) ? instanceKey.publicKey() : null);
    }

    private String responseFile(Outcome outcome) {
        var response = new ReturnDocuments.Response(
                UUID.randomUUID(),
                outcome,
                INSTANCE,
                instanceKey.keyId(),
                Instant.parse("2026-11-29T11:00:00Z"),
                List.of("12345678"),
                3,
                publisherKey.keyId());
        return ReturnDocuments.sign(response.document(), publisherKey.keyId(), publisherKey::sign)
                .text();
    }

    private Map<String, String> trusted() {
        return Map.of(publisherKey.keyId(), Base64.getEncoder().encodeToString(publisherKey.publicKey()));
    }

    private static void refused(ErrorCode code, Runnable read) {
        LicensingException e = assertThrows(LicensingException.class, read::run);
        assertEquals(code, e.code(), e.getMessage());
        assertTrue(e.getMessage().endsWith("Nothing was changed."), e.getMessage());
    }

    @Test
    void aRequestReadsBackAsSignedAndItsFileIsOneLine() {
        String file = requestFile(List.of("22222222", "11111111"));
        assertTrue(!file.contains("\n"), file);
        ReturnDocuments.Request r = readRequest(file);
        assertEquals(List.of("11111111", "22222222"), r.licenses());
        assertEquals(3, r.fileSerial());
        assertEquals(Action.RETURN, r.action());
        assertEquals(r, readRequest("  " + file + "\n"), "surrounding whitespace is no change");
    }

    @Test
    void aChangedForgedOrUnknownRequestIsRefused() {
        String file = requestFile(List.of("11111111"));
        ErrorCode invalid = ErrorCode.RETURN_REQUEST_INVALID;
        refused(invalid, () -> readRequest(file.replace("11111111", "11111112")));
        refused(invalid, () -> readRequest(file.replace("\"fileSerial\":3", "\"fileSerial\":4")));
        refused(invalid, () -> readRequest(file.replace(INSTANCE, "0a1b2c3d-0000-4000-8000-00000000abce")));
        refused(
                invalid,
                () -> ReturnDocuments.request(
                        ReturnDocuments.read(file, invalid),
                        id -> Ed25519KeyPair.generate().publicKey()));
    }

    @Test
    void onlyTheExactShapeIsRead() {
        String file = requestFile(List.of("11111111"));
        ErrorCode invalid = ErrorCode.RETURN_REQUEST_INVALID;
        refused(invalid, () -> readRequest(file + "{}"));
        refused(invalid, () -> readRequest(file.replace("{\"document\":", "{\"extra\":1,\"document\":")));
        refused(invalid, () -> readRequest(file.replace("\"algorithm\":\"Ed25519\"", "\"algorithm\":\"none\"")));
        refused(invalid, () -> readRequest(file.replace("\"fileSerial\":3", "\"fileSerial\":3.5")));
        refused(invalid, () -> readRequest(file.substring(0, file.length() - 1)));
        refused(invalid, () -> readRequest("[]"));
        refused(invalid, () -> readRequest(""));
        refused(ErrorCode.PAYLOAD_TOO_LARGE, () -> readRequest(" ".repeat(ReturnDocuments.MAX_FILE_CHARS + 1)));
        String unsigned = ReturnDocuments.sign(
                        Map.of("type", ReturnDocuments.REQUEST_TYPE, "surprise", "yes"),
                        instanceKey.keyId(),
                        instanceKey::sign)
                .text();
        refused(invalid, () -> readRequest(unsigned));
    }

    @Test
    void aResponseIsTrustedOnlyWithAPinnedPublisherKeyAndUnchanged() {
        String file = responseFile(Outcome.RETURNED);
        ReturnDocuments.Response r =
                ReturnDocuments.response(ReturnDocuments.read(file, ErrorCode.RETURN_RESPONSE_INVALID), trusted());
        assertEquals(Outcome.RETURNED, r.outcome());
        assertEquals(3, r.voidsFileSerial());
        ErrorCode invalid = ErrorCode.RETURN_RESPONSE_INVALID;
        refused(
                invalid,
                () -> ReturnDocuments.response(
                        ReturnDocuments.read(file.replace("RETURNED", "CANCELLED"), invalid), trusted()));
        refused(invalid, () -> ReturnDocuments.response(ReturnDocuments.read(file, invalid), Map.of()));
        String byInstance = requestFile(List.of("11111111"));
        refused(
                invalid,
                () -> ReturnDocuments.response(
                        ReturnDocuments.read(byInstance, invalid),
                        Map.of(instanceKey.keyId(), Base64.getEncoder().encodeToString(instanceKey.publicKey()))));
    }
}
