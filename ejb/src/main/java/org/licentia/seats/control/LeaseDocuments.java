package org.licentia.seats.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.Map;
import org.licentia.client.document.CanonicalJson;
import org.licentia.client.document.DocumentSignature;
import org.licentia.registration.boundary.InstanceIdentity;
import org.licentia.seats.entity.SeatLease;
import org.licentia.seats.entity.SeatTerms;
import org.licentia.signing.boundary.SignedDocument;
import org.licentia.signing.boundary.SigningKeys;
import org.licentia.signing.control.BatchSigner;

/**
 * The signed document of a lease, which a client checks offline with the server's public key: it
 * binds the lease to its license, features, client, this instance and its expiry.
 */
@ApplicationScoped
public class LeaseDocuments {

    public static final String TYPE = "seat-lease";

    @Inject
    SigningKeys signingKeys;

    @Inject
    InstanceIdentity identity;

    /** The instance ID never changes once made; asked of the identity bean once, not on every lease. */
    private volatile String instanceId;

    /**
     * Lease documents are signed on every seat request, so they are signed in batches (see
     * {@link BatchSigner}); the signing key is asked for once per batch, not once per document.
     */
    private final BatchSigner batches = new BatchSigner(() -> signingKeys.rawSigner(), 256);

    public SignedDocument sign(SeatLease lease, SeatTerms terms, java.time.Instant now) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("type", TYPE);
        doc.put("lease", lease.id());
        doc.put("license", lease.license());
        doc.put("product", terms == null ? null : terms.product());
        doc.put("features", terms == null ? java.util.List.of() : terms.features());
        doc.put("client", lease.client());
        doc.put("host", lease.host());
        doc.put("user", lease.user());
        String instance = instanceId;
        if (instance == null) {
            instance = instanceId = identity.instanceId();
        }
        doc.put("instance", instance);
        doc.put("issuedAt", now.toString());
        doc.put("expiresAt", lease.expiresAt().toString());
        doc.put("borrowed", lease.borrowed());
        // A member without a value is left out, as the canonical form leaves it out.
        doc.values().removeIf(java.util.Objects::isNull);
        byte[] canonical = CanonicalJson.encode(doc);
        BatchSigner.Signature s = batches.sign(canonical);
        return new SignedDocument(doc, canonical, DocumentSignature.ALGORITHM, s.keyId(), s.value(), s.batchPath());
    }
}
