package org.licentia.web.rest;

import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyWriter;
import jakarta.ws.rs.ext.Provider;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.licentia.client.document.CanonicalJson;
import org.licentia.seats.boundary.LeaseView;
import org.licentia.web.rest.SeatsResource.LeaseBody;

/**
 * Writes the answer to every reserve, heartbeat and borrow, the most frequent answer this server
 * gives, without JSON-B: the seat benchmark's profile put Yasson's reflective walk over the lease,
 * the document map and the signature at a twentieth of a seat request's CPU time. The JSON says
 * what JSON-B's said (members without a value left out, instants in ISO-8601), in the canonical
 * form's order (members sorted by name).
 */
@Provider
@Produces(MediaType.APPLICATION_JSON)
public class LeaseBodyWriter implements MessageBodyWriter<LeaseBody> {

    @Override
    public boolean isWriteable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return type == LeaseBody.class;
    }

    @Override
    public void writeTo(
            LeaseBody body,
            Class<?> type,
            Type genericType,
            Annotation[] annotations,
            MediaType mediaType,
            MultivaluedMap<String, Object> headers,
            OutputStream out)
            throws IOException {
        out.write(json(body));
    }

    private static final byte[] DOCUMENT = "{\"document\":".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] LEASE = ",\"lease\":".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] SIGNATURE = ",\"signature\":".getBytes(StandardCharsets.US_ASCII);

    /** The document goes out in the canonical form it was signed in, as it is: valid JSON, and not encoded twice. */
    static byte[] json(LeaseBody body) {
        byte[] lease = CanonicalJson.encode(lease(body.lease()));
        Map<String, Object> signatureMembers = new LinkedHashMap<>();
        signatureMembers.put("algorithm", body.signature().algorithm());
        signatureMembers.put("keyId", body.signature().keyId());
        signatureMembers.put("value", body.signature().value());
        signatureMembers.put("batchPath", body.signature().batchPath());
        byte[] signature = CanonicalJson.encode(signatureMembers);
        byte[] document = body.canonicalDocument();
        ByteArrayOutputStream out = new ByteArrayOutputStream(DOCUMENT.length
                + document.length
                + LEASE.length
                + lease.length
                + SIGNATURE.length
                + signature.length
                + 1);
        out.writeBytes(DOCUMENT);
        out.writeBytes(document);
        out.writeBytes(LEASE);
        out.writeBytes(lease);
        out.writeBytes(SIGNATURE);
        out.writeBytes(signature);
        out.write('}');
        return out.toByteArray();
    }

    private static Map<String, Object> lease(LeaseView l) {
        Map<String, Object> lease = new LinkedHashMap<>();
        lease.put("id", l.id());
        lease.put("license", l.license());
        lease.put("product", l.product());
        lease.put("client", l.client());
        lease.put("host", l.host());
        lease.put("user", l.user());
        lease.put("tokenName", l.tokenName());
        lease.put("reservedAt", l.reservedAt() == null ? null : l.reservedAt().toString());
        lease.put("expiresAt", l.expiresAt() == null ? null : l.expiresAt().toString());
        lease.put("heartbeatSeconds", l.heartbeatSeconds());
        lease.put("borrowed", l.borrowed());
        return lease;
    }
}
