package org.licentia.console;

import jakarta.servlet.http.Part;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import org.licentia.errors.ErrorCode;
import org.licentia.errors.LicensingException;

/** A file a form uploaded, read as the REST endpoints read a body. */
public final class Uploads {

    private Uploads() {}

    /** At most {@code limit} bytes; a larger file gets one byte more, so that the boundary refuses it by its size. */
    public static byte[] bytes(Part part, int limit) {
        try (InputStream in = part.getInputStream()) {
            return in.readNBytes(limit + 1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A signed JSON document (a return request or response): small, and read whole, as the REST
     * endpoints read a body of at most their default limit.
     */
    private static final int SIGNED_DOCUMENT_BYTES = 1024 * 1024;

    /** A signed document's file as UTF-8 text; see {@link #text}. */
    public static String document(Part part, String what) {
        return text(part, SIGNED_DOCUMENT_BYTES, what);
    }

    /** The file as UTF-8 text, refusing anything else (or more than {@code limit} bytes) rather than replacing it. */
    static String text(Part part, int limit, String what) {
        byte[] bytes = bytes(part, limit);
        if (bytes.length > limit) {
            throw new LicensingException(ErrorCode.MALFORMED_REQUEST, what + " is at most " + limit + " bytes");
        }
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new LicensingException(
                    ErrorCode.MALFORMED_REQUEST, what + " is not UTF-8 text: upload it as it was written");
        }
    }

    /** Whether the form came with a file at all. */
    public static boolean chosen(Part part) {
        return part != null && part.getSize() > 0;
    }
}
