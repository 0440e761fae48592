package org.licentia.web.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.licentia.activation.boundary.ActivationRequest;
import org.licentia.catalog.boundary.LicenseChange;
import org.licentia.catalog.boundary.LicenseDraft;
import org.licentia.catalog.boundary.ProductDraft;
import org.licentia.errors.ErrorCode;
import org.licentia.errors.LicensingException;
import org.licentia.seats.boundary.SeatRequest;

class StrictJsonTest {

    private static <T> T read(Class<T> type, String json) {
        return StrictJson.read(type, new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
    }

    private static LicensingException refused(Class<?> type, String json) {
        return assertThrows(LicensingException.class, () -> read(type, json));
    }

    @Test
    void readsACommandExactlyAsSent() {
        LicenseDraft d = read(
                LicenseDraft.class,
                "{\"account\":\"Example\",\"seats\":3,\"maxActivations\":null,\"expires\":\"2030-01-01\"}");
        assertEquals("Example", d.account());
        assertEquals(3, d.seats());
        assertEquals(null, d.maxActivations());
        assertEquals("2030-01-01", d.expires());
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "4294967299",
                "-4294967290",
                "1e400",
                "2147483648",
                "-2147483649",
                "1e999999999",
                "-1e999999999",
                "123456789012345678901234567890"
            })
    void numbersOutOfRangeAreRefusedWithTheDeclaredRange(String seats) {
        LicensingException e = refused(LicenseChange.class, "{\"seats\":" + seats + "}");
        assertEquals(ErrorCode.INVALID_INPUT, e.code());
        assertEquals(Map.of("seats", "a whole number from 0 to 10000000"), e.details());
        assertTrue(e.getMessage().startsWith("seats must be a whole number from 0 to 10000000"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.9", "0.5", "1e-1", "3.0000001"})
    void fractionsAreRefused(String days) {
        LicensingException e = refused(SeatRequest.class, "{\"client\":\"c\",\"days\":" + days + "}");
        assertEquals(ErrorCode.INVALID_INPUT, e.code());
        assertEquals(Map.of("days", "a whole number from 1 to 3650"), e.details());
    }

    @Test
    void wholeNumbersWrittenOtherwiseAreTheirValue() {
        assertEquals(100, read(LicenseChange.class, "{\"seats\":1e2}").seats());
        assertEquals(2, read(LicenseChange.class, "{\"seats\":2.0}").seats());
        assertEquals(0, read(LicenseChange.class, "{\"seats\":-0}").seats());
    }

    @Test
    void outOfTheDeclaredRangeButInTypeIsLeftToTheDomain() {
        // The domain's Bean Validation reports it with every other broken field of the command.
        assertEquals(-1, read(LicenseChange.class, "{\"seats\":-1}").seats());
        assertEquals(
                10_000_001, read(LicenseChange.class, "{\"seats\":10000001}").seats());
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"3\"", "true", "[3]", "{\"n\":3}"})
    void numbersSentAsAnythingElseAreRefused(String seats) {
        LicensingException e = refused(LicenseChange.class, "{\"seats\":" + seats + "}");
        assertEquals(ErrorCode.INVALID_INPUT, e.code());
        assertEquals(List.of("seats"), List.copyOf(e.details().keySet()));
    }

    @Test
    void unknownMembersAreRefusedAndNamed() {
        LicensingException e = refused(LicenseDraft.class, "{\"account\":\"A\",\"seats\":3,\"state\":\"revoked\"}");
        assertEquals(ErrorCode.INVALID_INPUT, e.code());
        assertEquals(Map.of("state", "unknown member"), e.details());
        LicensingException nested = refused(
                ProductDraft.class,
                "{\"code\":\"P1\",\"name\":\"P\",\"editions\":[{\"code\":\"B\",\"name\":\"b\",\"maxseats\":3}]}");
        assertEquals(Map.of("editions[0].maxseats", "unknown member"), nested.details());
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"seats\":1}garbage", "{\"seats\":1} {}", "{\"seats\":1}]", "{\"seats\":1}\u0000"})
    void textAfterTheDocumentIsRefused(String body) {
        assertEquals(
                ErrorCode.MALFORMED_REQUEST, refused(LicenseChange.class, body).code());
    }

    @Test
    void whiteSpaceAfterTheDocumentIsFine() {
        assertEquals(1, read(LicenseChange.class, "{\"seats\":1} \r\n\t").seats());
    }

    @Test
    void aMemberSentTwiceIsRefused() {
        assertEquals(
                ErrorCode.MALFORMED_REQUEST,
                refused(LicenseChange.class, "{\"seats\":1,\"seats\":200}").code());
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "\\u001b[31mRed",
                "a\\u0000b",
                "line\\nbreak",
                "\\u202Eevil",
                "\\u2066x",
                "\\ud800",
                "x\\udc00y",
                "\\u0085"
            })
    void unprintableTextIsRefused(String name) {
        LicensingException e = refused(LicenseDraft.class, "{\"account\":\"" + name + "\",\"seats\":1}");
        assertEquals(ErrorCode.INVALID_INPUT, e.code());
        assertEquals(List.of("account"), List.copyOf(e.details().keySet()));
    }

    @Test
    void textOutsideTheBasicPlaneIsKept() {
        assertEquals(
                "Caf\u00e9 \uD83D\uDE00",
                read(LicenseDraft.class, "{\"account\":\"Caf\u00e9 \\ud83d\\ude00\",\"seats\":1}")
                        .account());
    }

    @Test
    void mapsAndListsAreCheckedToo() {
        LicensingException e = refused(ActivationRequest.class, "{\"fields\":{\"site\":7}}");
        assertEquals(Map.of("fields.site", "a string"), e.details());
        assertEquals(
                Map.of("site", "Berlin"),
                read(ActivationRequest.class, "{\"fields\":{\"site\":\"Berlin\"}}")
                        .fields());
    }

    @Test
    void booleansAreOnlyTrueOrFalse() {
        LicensingException e = refused(ProductDraft.class, "{\"code\":\"P1\",\"isDefault\":\"true\"}");
        assertEquals(Map.of("isDefault", "true or false"), e.details());
    }

    @ParameterizedTest
    @ValueSource(strings = {"{", "[1,", "nul", "{\"seats\" 1}", "'x'"})
    void brokenJsonIsMalformed(String body) {
        assertEquals(
                ErrorCode.MALFORMED_REQUEST, refused(LicenseChange.class, body).code());
    }

    @Test
    void aBodyThatIsNotAnObjectIsRefused() {
        assertEquals(
                Map.of("body", "an object"), refused(LicenseChange.class, "[]").details());
        assertEquals(
                ErrorCode.MALFORMED_REQUEST, refused(LicenseChange.class, "3").code());
    }
}
