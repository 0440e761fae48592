package org.licentia.web.soap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.licentia.errors.ErrorCode;

class SoapRequestGuardTest {

    private static final String OK = "<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\" "
            + "xmlns:v1=\"http://licentia.org/licensing/v1\"><soap:Header/><soap:Body><v1:getLicense><v1:number>11554731</v1:number>"
            + "</v1:getLicense></soap:Body></soap:Envelope>";

    private static String problem(String envelope, String action) {
        var e = ContractCheck.problem(envelope.getBytes(StandardCharsets.UTF_8), action);
        if (e != null) {
            assertEquals(ErrorCode.MALFORMED_REQUEST, e.code());
        }
        return e == null ? null : e.getMessage();
    }

    @Test
    void aWellFormedSoap11RequestPasses() {
        assertNull(problem(OK, null));
        assertNull(problem(OK, ""));
        assertNull(problem(OK, "\"\""));
        assertNull(problem(OK, "\"http://licentia.org/licensing/v1/getLicense\""));
    }

    @Test
    void clientMistakesInTheEnvelopeAreCaughtAndNamed() {
        assertTrue(problem(OK.replace("11554731", "&#0;"), null).contains("not well-formed"));
        assertTrue(problem(OK.replace("</soap:Envelope>", ""), null).contains("not well-formed"));
        assertTrue(problem(
                        OK.replace(
                                "http://schemas.xmlsoap.org/soap/envelope/", "http://www.w3.org/2003/05/soap-envelope"),
                        null)
                .contains("SOAP 1.2"));
        assertTrue(problem(
                        "<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\"></soap:Envelope>",
                        null)
                .contains("no Body"));
        assertTrue(problem(
                        "<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\"><soap:Body/></soap:Envelope>",
                        null)
                .contains("not 0"));
        assertTrue(problem("<x/>", null).contains("not a SOAP 1.1 envelope"));
        assertTrue(problem(OK, "http://licentia.org/licensing/v1/revokeLicense")
                .contains("does not name the Body's request"));
        assertTrue(problem(
                        OK.replace(
                                "<soap:Header/>",
                                "<soap:Header><x:Tx xmlns:x=\"urn:x\" soap:mustUnderstand=\"1\"/></soap:Header>"),
                        null)
                .contains("mustUnderstand"));
        assertNull(problem(
                OK.replace(
                        "<soap:Header/>",
                        "<soap:Header><x:Tx xmlns:x=\"urn:x\" soap:mustUnderstand=\"0\"/></soap:Header>"),
                null));
        assertTrue(problem("<?xml version=\"1.0\"?><!DOCTYPE x><x/>", null).contains("DOCTYPE"));
    }

    @Test
    void findsDoctypesInEveryCommonEncoding() {
        String xml = "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY a \"b\">]><x/>";
        assertTrue(SoapRequestGuard.declaresDoctype(xml.getBytes(StandardCharsets.UTF_8)));
        assertTrue(SoapRequestGuard.declaresDoctype(xml.getBytes(StandardCharsets.UTF_16BE)));
        assertTrue(SoapRequestGuard.declaresDoctype(xml.getBytes(StandardCharsets.UTF_16LE)));
        assertTrue(SoapRequestGuard.declaresDoctype("<!doctype x><x/>".getBytes(StandardCharsets.UTF_8)));
        assertFalse(SoapRequestGuard.declaresDoctype("<x>DOCTYPE is just a word</x>".getBytes(StandardCharsets.UTF_8)));
        assertEquals(false, SoapRequestGuard.declaresDoctype(new byte[0]));
    }
}
