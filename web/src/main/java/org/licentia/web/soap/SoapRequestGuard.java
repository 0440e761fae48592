package org.licentia.web.soap;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.licentia.errors.ErrorCode;
import org.licentia.errors.LicensingException;

/**
 * Guards the SOAP endpoint before and after the SOAP stack: bodies over the size limit and XML with
 * a DOCTYPE (the door to XXE and entity expansion) are refused before any parser sees them, and a
 * fault the SOAP stack raised on its own (unparseable XML, a value of the wrong type) is replaced by
 * the declared licensingFault, so no parser message or class name reaches the client.
 */
@WebFilter(urlPatterns = "/soap/*")
public class SoapRequestGuard extends HttpFilter {

    private static final long serialVersionUID = 1L;
    private static final java.util.logging.Logger LOG =
            java.util.logging.Logger.getLogger(SoapRequestGuard.class.getName());

    @Inject
    @ConfigProperty(name = "licentia.request.max-bytes", defaultValue = "1048576")
    long maxBytes;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (!"POST".equals(request.getMethod())) {
            chain.doFilter(request, response);
            return;
        }
        long max = maxBytesFor(request);
        byte[] body = readCapped(request.getInputStream(), max);
        if (body == null) {
            writeFault(
                    response,
                    new LicensingException(
                            ErrorCode.PAYLOAD_TOO_LARGE,
                            "The request body is larger than " + max + " bytes",
                            Map.of("maxBytes", String.valueOf(max))));
            return;
        }
        byte[] xml = body;
        java.util.Set<String> attachments = java.util.Set.of();
        if (XopPackage.isMultipart(request.getContentType())) {
            try {
                if (!request.getRequestURI().endsWith(MTOM_SERVICE)) {
                    throw new LicensingException(
                            ErrorCode.MALFORMED_REQUEST,
                            "MTOM requests go to " + MTOM_SERVICE + "; this service takes plain SOAP messages");
                }
                XopPackage mtom = XopPackage.read(body, request.getContentType());
                xml = mtom.root();
                attachments = mtom.attachments();
            } catch (LicensingException notMtom) {
                LOG.info(() -> "SOAP request refused: " + notMtom.getMessage());
                writeFault(response, notMtom);
                return;
            }
        }
        if (declaresDoctype(xml)) {
            writeFault(
                    response,
                    new LicensingException(
                            ErrorCode.MALFORMED_REQUEST, "XML with a DOCTYPE declaration is not accepted"));
            return;
        }
        LicensingException broken = ContractCheck.problem(xml, attachments, request.getHeader("SOAPAction"));
        if (broken != null) {
            LOG.info(() -> "SOAP request refused: " + broken.getMessage());
            writeFault(response, broken);
            return;
        }
        Captured captured = new Captured(response);
        chain.doFilter(new Replayed(request, body), captured);
        byte[] answer = captured.bytes();
        if (captured.getStatus() >= 500 && !isDeclaredFault(answer)) {
            // The checks above and ContractCheck leave the SOAP stack nothing of the client's to
            // fail on; a fault of its own here is the server's, and its text stays in the server.
            LOG.warning(() -> "The SOAP stack answered with a fault of its own: "
                    + new String(answer, 0, Math.min(answer.length, 500), StandardCharsets.UTF_8));
            response.reset();
            writeFault(
                    response,
                    new LicensingException(ErrorCode.INTERNAL_ERROR, "The server could not complete the request"));
            return;
        }
        response.getOutputStream().write(answer);
    }

    static final String MTOM_SERVICE = "/soap/LicenseFileMtomService";

    /**
     * A license file travels in Base64 (a third larger), or as a binary MTOM part, and may be some
     * megabytes: its services have a larger limit.
     */
    private long maxBytesFor(HttpServletRequest request) {
        return request.getRequestURI().endsWith("/soap/LicenseFileService")
                        || request.getRequestURI().endsWith(MTOM_SERVICE)
                ? Math.max(
                        maxBytes, org.licentia.licensefile.control.LicenseFilePackage.MAX_FILE_BYTES / 3 * 4 + 65_536)
                : maxBytes;
    }

    private static byte[] readCapped(InputStream in, long maxBytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(4096);
        byte[] buf = new byte[8192];
        int n;
        while ((n = in.read(buf)) > 0) {
            out.write(buf, 0, n);
            if (out.size() > maxBytes) {
                return null;
            }
        }
        return out.toByteArray();
    }

    /** Checks the common encodings: UTF-8/ASCII-compatible and UTF-16 of either byte order. */
    static boolean declaresDoctype(byte[] body) {
        String[] decodings = {
            new String(body, StandardCharsets.ISO_8859_1),
            new String(body, StandardCharsets.UTF_16BE),
            new String(body, StandardCharsets.UTF_16LE)
        };
        for (String text : decodings) {
            if (text.toUpperCase(Locale.ROOT).contains("<!DOCTYPE")
                    || text.toUpperCase(Locale.ROOT).contains("<!ENTITY")) {
                return true;
            }
        }
        return false;
    }

    private static boolean isDeclaredFault(byte[] answer) {
        return new String(answer, StandardCharsets.UTF_8).contains("licensingFault");
    }

    static void writeFault(HttpServletResponse response, LicensingException e) throws IOException {
        byte[] bytes = faultEnvelope(e);
        response.setStatus(HttpServletResponse.SC_INTERNAL_SERVER_ERROR);
        response.setContentType("text/xml;charset=UTF-8");
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
    }

    /** The declared licensingFault for the failure, in a SOAP 1.1 envelope. */
    public static byte[] faultEnvelope(LicensingException e) {
        StringBuilder details = new StringBuilder();
        e.details()
                .forEach((name, value) -> details.append("<v1:detail name=\"")
                        .append(xml(name))
                        .append("\">")
                        .append(xml(value))
                        .append("</v1:detail>"));
        String envelope = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                + "<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\"><soap:Body><soap:Fault>"
                + "<faultcode>soap:" + (e.code().isServerSide() ? "Server" : "Client") + "</faultcode>"
                + "<faultstring>" + xml(e.getMessage()) + "</faultstring>"
                + "<detail><v1:licensingFault xmlns:v1=\"http://licentia.org/licensing/v1\">"
                + "<v1:code>" + e.code().name() + "</v1:code><v1:message>" + xml(e.getMessage()) + "</v1:message>"
                + details + "</v1:licensingFault></detail></soap:Fault></soap:Body></soap:Envelope>";
        return envelope.getBytes(StandardCharsets.UTF_8);
    }

    private static String xml(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static final class Replayed extends HttpServletRequestWrapper {
        private final byte[] body;

        Replayed(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return in.read(b, off, len);
                }

                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("blocking reads only");
                }
            };
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }
    }

    /** Holds the SOAP stack's answer until the guard has looked at it. */
    private static final class Captured extends HttpServletResponseWrapper {
        private final ByteArrayOutputStream buffer = new ByteArrayOutputStream(4096);
        private PrintWriter writer;
        private final ServletOutputStream stream = new ServletOutputStream() {
            @Override
            public void write(int b) {
                buffer.write(b);
            }

            @Override
            public void write(byte[] b, int off, int len) {
                buffer.write(b, off, len);
            }

            @Override
            public boolean isReady() {
                return true;
            }

            @Override
            public void setWriteListener(WriteListener listener) {
                throw new UnsupportedOperationException("blocking writes only");
            }
        };

        Captured(HttpServletResponse response) {
            super(response);
        }

        @Override
        public ServletOutputStream getOutputStream() {
            return stream;
        }

        @Override
        public PrintWriter getWriter() {
            if (writer == null) {
                writer = new PrintWriter(new java.io.OutputStreamWriter(buffer, StandardCharsets.UTF_8));
            }
            return writer;
        }

        @Override
        public void setContentLength(int len) {}

        @Override
        public void setContentLengthLong(long len) {}

        @Override
        public void flushBuffer() {}

        byte[] bytes() {
            if (writer != null) {
                writer.flush();
            }
            return buffer.toByteArray();
        }
    }
}
