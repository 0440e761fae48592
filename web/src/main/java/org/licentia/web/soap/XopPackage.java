package org.licentia.web.soap;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.licentia.errors.ErrorCode;
import org.licentia.errors.LicensingException;

/**
 * An MTOM request ({@code multipart/related; type="application/xop+xml"}) taken apart for the
 * guard: its root part, the SOAP envelope that the guard checks as it checks a plain request,
 * and the Content-IDs of the other parts, which the envelope's {@code xop:Include} elements may
 * name. Anything else in the package (no root, an unnamed or unknown part, too many parts) is a
 * malformed request.
 */
final class XopPackage {

    static final String XOP = "http://www.w3.org/2004/08/xop/include";
    /** The root and the license file, with room for a client that splits differently; no more. */
    private static final int MAX_PARTS = 8;

    private final byte[] root;
    private final Set<String> attachments;

    private XopPackage(byte[] root, Set<String> attachments) {
        this.root = root;
        this.attachments = attachments;
    }

    static boolean isMultipart(String contentType) {
        return contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith("multipart/");
    }

    byte[] root() {
        return root.clone();
    }

    /** The Content-IDs of the parts other than the root, without angle brackets. */
    Set<String> attachments() {
        return Set.copyOf(attachments);
    }

    static XopPackage read(byte[] body, String contentType) {
        String lower = contentType.toLowerCase(Locale.ROOT);
        if (!lower.startsWith("multipart/related")
                || !"application/xop+xml".equalsIgnoreCase(parameter(contentType, "type"))) {
            throw malformed("A multipart SOAP request must be MTOM: multipart/related with type application/xop+xml");
        }
        String boundary = parameter(contentType, "boundary");
        if (boundary == null || boundary.isEmpty() || boundary.length() > 70) {
            throw malformed("The MTOM request's Content-Type has no valid boundary");
        }
        String start = parameter(contentType, "start");
        byte[] delimiter = ("--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
        int at = indexOf(body, delimiter, 0);
        if (at < 0) {
            throw malformed("The MTOM request holds no part");
        }
        List<byte[]> headers = new ArrayList<>();
        List<int[]> contents = new ArrayList<>();
        while (true) {
            int afterDelimiter = at + delimiter.length;
            if (startsWith(body, afterDelimiter, "--")) {
                break;
            }
            if (!startsWith(body, afterDelimiter, "\r\n")) {
                throw malformed("The MTOM request's parts are not separated by its boundary");
            }
            int headerStart = afterDelimiter + 2;
            int headerEnd = indexOf(body, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1), headerStart);
            int next = indexOf(body, ("\r\n--" + boundary).getBytes(StandardCharsets.ISO_8859_1), headerStart);
            if (headerEnd < 0 || next < 0 || headerEnd > next) {
                throw malformed("An MTOM part is not complete");
            }
            if (headers.size() == MAX_PARTS) {
                throw malformed("The MTOM request has more than " + MAX_PARTS + " parts");
            }
            headers.add(java.util.Arrays.copyOfRange(body, headerStart, headerEnd));
            contents.add(new int[] {headerEnd + 4, next});
            at = next + 2;
        }
        int rootIndex = -1;
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < headers.size(); i++) {
            String h = new String(headers.get(i), StandardCharsets.ISO_8859_1);
            String id = header(h, "content-id");
            String bare = id == null ? null : id.strip().replaceAll("^<|>$", "");
            boolean isRoot = start == null
                    ? i == 0
                    : start.strip().replaceAll("^<|>$", "").equals(bare);
            if (isRoot) {
                String type = header(h, "content-type");
                if (type == null || !type.strip().toLowerCase(Locale.ROOT).startsWith("application/xop+xml")) {
                    throw malformed("The MTOM request's root part must be application/xop+xml");
                }
                rootIndex = i;
            } else if (bare == null || bare.isEmpty() || !ids.add(bare)) {
                throw malformed("Every MTOM part but the root needs a Content-ID of its own");
            }
        }
        if (rootIndex < 0) {
            throw malformed("The MTOM request has no root part" + (start == null ? "" : " named by its start"));
        }
        int[] range = contents.get(rootIndex);
        return new XopPackage(java.util.Arrays.copyOfRange(body, range[0], range[1]), ids);
    }

    /** A Content-Type parameter's value, unquoted; null when it is absent. */
    static String parameter(String contentType, String name) {
        for (String piece : contentType.split(";")) {
            int eq = piece.indexOf('=');
            if (eq > 0 && piece.substring(0, eq).strip().equalsIgnoreCase(name)) {
                String value = piece.substring(eq + 1).strip();
                return value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")
                        ? value.substring(1, value.length() - 1)
                        : value;
            }
        }
        return null;
    }

    private static String header(String block, String name) {
        for (String line : block.split("\r\n")) {
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).strip().equalsIgnoreCase(name)) {
                return line.substring(colon + 1);
            }
        }
        return null;
    }

    private static boolean startsWith(byte[] body, int at, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.ISO_8859_1);
        if (at + bytes.length > body.length) {
            return false;
        }
        for (int i = 0; i < bytes.length; i++) {
            if (body[at + i] != bytes[i]) {
                return false;
            }
        }
        return true;
    }

    private static int indexOf(byte[] body, byte[] wanted, int from) {
        outer:
        for (int i = Math.max(0, from); i <= body.length - wanted.length; i++) {
            for (int j = 0; j < wanted.length; j++) {
                if (body[i + j] != wanted[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private static LicensingException malformed(String message) {
        return new LicensingException(ErrorCode.MALFORMED_REQUEST, message);
    }
}
