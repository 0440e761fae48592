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
     * Lease documents are signed on every seat request, so when more come at once than the
     * processors can sign, they are signed in batches (see {@link BatchSigner}).
     */
    private final BatchSigner batches = new BatchSigner(this::currentKey, 256);

    /**
     * Asking the signing keys (an EJB) for the current key costs 1.6 µs through the EJB
     * interceptors, 7 % of a signature on the benchmark machine; asked at most once a second, a
     * change of the current key applies within a second.
     */
    private static final long KEY_REFRESH_NANOS = 1_000_000_000L;

    private record CurrentKey(SigningKeys.RawSigner key, long askedAt) {}

    private volatile CurrentKey currentKey;

    private BatchSigner.Key currentKey() {
        CurrentKey known = currentKey;
        long now = System.nanoTime();
        if (known == null || now - known.askedAt() > KEY_REFRESH_NANOS) {
            known = new CurrentKey(signingKeys.rawSigner(), now);
            currentKey = known;
        }
        return known.key();
    }

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
        doc.put("tokenName", lease.tokenName());
        doc.put("reservedAt", lease.reservedAt().toString());
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
