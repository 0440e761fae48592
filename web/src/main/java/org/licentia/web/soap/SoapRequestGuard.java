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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
        byte[] body = readCapped(request.getInputStream());
        if (body == null) {
            writeFault(response, new LicensingException(ErrorCode.PAYLOAD_TOO_LARGE,
                    "The request body is larger than " + maxBytes + " bytes", Map.of("maxBytes", String.valueOf(maxBytes))));
            return;
        }
        if (declaresDoctype(body)) {
            writeFault(response, new LicensingException(ErrorCode.MALFORMED_REQUEST,
                    "XML with a DOCTYPE declaration is not accepted"));
            return;
        }
        Captured captured = new Captured(response);
        chain.doFilter(new Replayed(request, body), captured);
        byte[] answer = captured.bytes();
        if (captured.getStatus() >= 500 && !isDeclaredFault(answer)) {
            response.reset();
            writeFault(response, new LicensingException(
                    isClientFault(answer) ? ErrorCode.MALFORMED_REQUEST : ErrorCode.INTERNAL_ERROR,
                    isClientFault(answer) ? "The SOAP message is not well-formed XML of the licensing contract (v1)"
                            : "The server could not complete the request"));
            return;
        }
        response.getOutputStream().write(blameTheSender(answer));
    }

    private static final Pattern SERVER_FAULT = Pattern.compile("<faultcode>([A-Za-z0-9_.-]+):Server</faultcode>");
    private static final Pattern FAULT_CODE = Pattern.compile("<(?:[A-Za-z0-9_.-]+:)?code>([A-Z_]+)</");

    /**
     * JAX-WS marks every declared fault as the server's; a fault whose catalogue code says the
     * request was at fault is marked as the client's, as SOAP 1.1 intends.
     */
    static byte[] blameTheSender(byte[] answer) {
        String text = new String(answer, StandardCharsets.UTF_8);
        Matcher server = SERVER_FAULT.matcher(text);
        Matcher code = FAULT_CODE.matcher(text);
        if (!server.find() || !code.find()) {
            return answer;
        }
        try {
            if (ErrorCode.valueOf(code.group(1)).category() == ErrorCode.Category.INTERNAL) {
                return answer;
            }
        } catch (IllegalArgumentException notOurs) {
            return answer;
        }
        return (text.substring(0, server.start()) + "<faultcode>" + server.group(1) + ":Client</faultcode>"
                + text.substring(server.end())).getBytes(StandardCharsets.UTF_8);
    }

    private byte[] readCapped(InputStream in) throws IOException {
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
        String[] decodings = {new String(body, StandardCharsets.ISO_8859_1), new String(body, StandardCharsets.UTF_16BE),
                new String(body, StandardCharsets.UTF_16LE)};
        for (String text : decodings) {
            if (text.toUpperCase(Locale.ROOT).contains("<!DOCTYPE") || text.toUpperCase(Locale.ROOT).contains("<!ENTITY")) {
                return true;
            }
        }
        return false;
    }

    private static boolean isDeclaredFault(byte[] answer) {
        return new String(answer, StandardCharsets.UTF_8).contains("licensingFault");
    }

    private static boolean isClientFault(byte[] answer) {
        String text = new String(answer, StandardCharsets.UTF_8);
        return text.contains(":Client<") || text.contains(">Client<") || text.contains(":Sender");
    }

    static void writeFault(HttpServletResponse response, LicensingException e) throws IOException {
        StringBuilder details = new StringBuilder();
        e.details().forEach((name, value) -> details.append("<v1:detail name=\"").append(xml(name)).append("\">")
                .append(xml(value)).append("</v1:detail>"));
        String envelope = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                + "<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\"><soap:Body><soap:Fault>"
                + "<faultcode>soap:" + (e.code() == ErrorCode.INTERNAL_ERROR ? "Server" : "Client") + "</faultcode>"
                + "<faultstring>" + xml(e.getMessage()) + "</faultstring>"
                + "<detail><v1:licensingFault xmlns:v1=\"http://licentia.org/licensing/v1\">"
                + "<v1:code>" + e.code().name() + "</v1:code><v1:message>" + xml(e.getMessage()) + "</v1:message>"
                + details + "</v1:licensingFault></detail></soap:Fault></soap:Body></soap:Envelope>";
        byte[] bytes = envelope.getBytes(StandardCharsets.UTF_8);
        response.setStatus(HttpServletResponse.SC_INTERNAL_SERVER_ERROR);
        response.setContentType("text/xml;charset=UTF-8");
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
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
        public void setContentLength(int len) {
        }

        @Override
        public void setContentLengthLong(long len) {
        }

        @Override
        public void flushBuffer() {
        }

        byte[] bytes() {
            if (writer != null) {
                writer.flush();
            }
            return buffer.toByteArray();
        }
    }
}
