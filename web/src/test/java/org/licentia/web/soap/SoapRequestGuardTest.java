package org.licentia.web.soap;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SoapRequestGuardTest {

    private static String fault(String code) {
        return "<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\"><soap:Body><soap:Fault>"
                + "<faultcode>soap:Server</faultcode><faultstring>x</faultstring><detail>"
                + "<licensingFault xmlns=\"http://licentia.org/licensing/v1\"><code>" + code + "</code></licensingFault>"
                + "</detail></soap:Fault></soap:Body></soap:Envelope>";
    }

    @Test
    void clientMistakesBecomeClientFaultsAndServerFailuresStay() {
        String blamed = new String(SoapRequestGuard.blameTheSender(fault("LICENSE_NOT_FOUND").getBytes(StandardCharsets.UTF_8)),
                StandardCharsets.UTF_8);
        assertTrue(blamed.contains("<faultcode>soap:Client</faultcode>"), blamed);
        byte[] internal = fault("INTERNAL_ERROR").getBytes(StandardCharsets.UTF_8);
        assertArrayEquals(internal, SoapRequestGuard.blameTheSender(internal));
        byte[] unknown = fault("SOMETHING_ELSE").getBytes(StandardCharsets.UTF_8);
        assertArrayEquals(unknown, SoapRequestGuard.blameTheSender(unknown));
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
