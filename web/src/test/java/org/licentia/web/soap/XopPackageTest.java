package org.licentia.web.soap;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.licentia.errors.ErrorCode;
import org.licentia.errors.LicensingException;

class XopPackageTest {

    private static final String TYPE =
            "multipart/related; type=\"application/xop+xml\"; boundary=\"uuid:b1\"; start=\"<root.message@cxf.apache.org>\";"
                    + " start-info=\"text/xml\"";
    private static final String ENVELOPE = "<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\">"
            + "<soap:Body><l:uploadLicenseFile xmlns:l=\"http://licentia.org/licensing/v1\"><l:licenseFile>"
            + "<xop:Include xmlns:xop=\"http://www.w3.org/2004/08/xop/include\" href=\"cid:file%40licentia\"/>"
            + "</l:licenseFile></l:uploadLicenseFile></soap:Body></soap:Envelope>";

    private static byte[] mtom(String rootId, String rootType, String... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes("preamble\r\n".getBytes(StandardCharsets.ISO_8859_1));
        part(
                out,
                "Content-ID: <" + rootId + ">\r\nContent-Type: " + rootType,
                ENVELOPE.getBytes(StandardCharsets.UTF_8));
        for (String id : parts) {
            part(out, "Content-ID: <" + id + ">\r\nContent-Type: application/octet-stream", new byte[] {
                0, 1, 2, '\r', '\n', '-'
            });
        }
        out.writeBytes("--uuid:b1--\r\n".getBytes(StandardCharsets.ISO_8859_1));
        return out.toByteArray();
    }

    private static void part(ByteArrayOutputStream out, String headers, byte[] content) {
        out.writeBytes(("--uuid:b1\r\n" + headers + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
        out.writeBytes(content);
        out.writeBytes("\r\n".getBytes(StandardCharsets.ISO_8859_1));
    }

    @Test
    void theRootPartAndTheAttachmentsNamesAreFound() {
        XopPackage p = XopPackage.read(
                mtom("root.message@cxf.apache.org", "application/xop+xml; type=\"text/xml\"", "file@licentia"), TYPE);
        assertArrayEquals(ENVELOPE.getBytes(StandardCharsets.UTF_8), p.root());
        assertEquals(Set.of("file@licentia"), p.attachments());
        assertNull(
                ContractCheck.problem(p.root(), p.attachments(), null), "a well-formed upload with its file as a part");
    }

    @Test
    void anIncludeOfAPartThatIsNotThereIsMalformed() {
        XopPackage p =
                XopPackage.read(mtom("root.message@cxf.apache.org", "application/xop+xml", "other@licentia"), TYPE);
        LicensingException e = ContractCheck.problem(p.root(), p.attachments(), null);
        assertEquals(ErrorCode.MALFORMED_REQUEST, e.code());
        assertTrue(e.getMessage().contains("does not have"), e.getMessage());
        assertEquals(
                ErrorCode.MALFORMED_REQUEST,
                ContractCheck.problem(p.root(), null).code(),
                "nor in a plain request");
    }

    @Test
    void packagesThatAreNotMtomAreRefused() {
        byte[] good = mtom("root.message@cxf.apache.org", "application/xop+xml", "file@licentia");
        assertMalformed(good, "multipart/related; type=\"text/xml\"; boundary=\"uuid:b1\"");
        assertMalformed(good, "multipart/form-data; boundary=uuid:b1");
        assertMalformed(good, "multipart/related; type=\"application/xop+xml\"");
        assertMalformed(good, TYPE.replace("uuid:b1", "uuid:other"));
        assertMalformed(mtom("root.message@cxf.apache.org", "text/plain", "file@licentia"), TYPE);
        assertMalformed(mtom("elsewhere@cxf.apache.org", "application/xop+xml", "file@licentia"), TYPE);
        assertMalformed(mtom("root.message@cxf.apache.org", "application/xop+xml", "a", "a"), TYPE);
        assertMalformed(
                mtom("root.message@cxf.apache.org", "application/xop+xml", "1", "2", "3", "4", "5", "6", "7", "8"),
                TYPE);
        byte[] cut = java.util.Arrays.copyOf(good, good.length - 20);
        assertMalformed(cut, TYPE);
    }

    private static void assertMalformed(byte[] body, String contentType) {
        LicensingException e = assertThrows(LicensingException.class, () -> XopPackage.read(body, contentType));
        assertEquals(ErrorCode.MALFORMED_REQUEST, e.code());
    }
}
