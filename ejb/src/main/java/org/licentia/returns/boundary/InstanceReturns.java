package org.licentia.returns.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.licentia.audit.control.AuditTrail;
import org.licentia.catalog.control.Caller;
import org.licentia.catalog.entity.License;
import org.licentia.catalog.entity.Role;
import org.licentia.errors.ErrorCode;
import org.licentia.errors.LicensingException;
import org.licentia.licensefile.entity.IssuedLicenseFile;
import org.licentia.registration.control.FaultInjection;
import org.licentia.registration.control.InstanceBindings;
import org.licentia.registration.control.LicenseLocks;
import org.licentia.registration.entity.RegisteredInstance;
import org.licentia.returns.control.ReturnDocuments;
import org.licentia.returns.control.ReturnDocuments.Action;
import org.licentia.returns.control.ReturnDocuments.Outcome;
import org.licentia.returns.entity.ReturnReceipt;
import org.licentia.signing.boundary.SignedDocument;
import org.licentia.signing.boundary.SigningKeys;

/**
 * Publisher side of license returns: an instance's signed return request in, the publisher's
 * signed response out. A request frees every license registered to its instance (online and by
 * license file) once; it is kept with its response by request ID, so the same request, sent again
 * after a lost answer, gets the same response and changes nothing. A cancel request for a request
 * not processed yet makes the publisher refuse that request from then on, and answers so.
 */
@Stateless
@RolesAllowed({"publisher-admin", "license-manager", "deputy-license-manager", "viewer"})
public class InstanceReturns {

    /** A request waiting longer than this is refused: cancel it and make a new one. */
    static final Duration MAX_REQUEST_AGE = Duration.ofDays(30);

    static final Duration MAX_CLOCK_SKEW = Duration.ofMinutes(5);

    @PersistenceContext(unitName = "licentia")
    EntityManager em;

    @Inject
    InstanceBindings bindings;

    @Inject
    SigningKeys signingKeys;

    @Inject
    Caller caller;

    @Inject
    AuditTrail audit;

    /** The publisher's answer: the response file and what it says. */
    public record Processed(
            String requestId,
            String instanceId,
            String outcome,
            List<String> licenses,
            boolean processedBefore,
            String response) {}

    /** Processes a return or cancel request file; the same request again gives the same response. */
    public Processed process(String requestFile) {
        ReturnDocuments.SignedFile file = ReturnDocuments.read(requestFile, ErrorCode.RETURN_REQUEST_INVALID);
        ReturnDocuments.Request request = ReturnDocuments.request(file, id -> {
            RegisteredInstance known = bindings.find(id);
            return known == null ? null : known.publicKey();
        });
        RegisteredInstance instance = bindings.find(request.instanceId());
        // the instance first, then its licenses: the order registrations and license files lock them in
        em.lock(instance, LockModeType.PESSIMISTIC_WRITE);
        ReturnReceipt receipt = receipt(request.requestId().toString());
        if (receipt != null) {
            requireRights(receipt.requestedLicenses());
            return stored(receipt);
        }
        requireRights(request.licenses());
        Instant now = Instant.now();
        if (request.createdAt().isAfter(now.plus(MAX_CLOCK_SKEW))) {
            throw new LicensingException(
                    ErrorCode.RETURN_REQUEST_INVALID,
                    "The return request was made at " + request.createdAt()
                            + ", in the future: check the instance's clock. Nothing was changed.");
        }
        long lastIssued = IssuedLicenseFile.lastSerial(em, request.instanceId());
        if (request.fileSerial() > lastIssued) {
            throw new LicensingException(
                    ErrorCode.RETURN_REQUEST_INVALID,
                    "The return request says license file " + request.fileSerial() + " was applied, but this"
                            + " publisher issued " + (lastIssued == 0 ? "none" : "up to " + lastIssued)
                            + " for that instance. Nothing was changed.");
        }
        List<String> freed = new ArrayList<>();
        Outcome outcome = Outcome.CANCELLED;
        if (request.action() == Action.RETURN) {
            if (request.createdAt().isBefore(now.minus(MAX_REQUEST_AGE))) {
                throw new LicensingException(
                        ErrorCode.RETURN_REQUEST_EXPIRED,
                        "The return request was made at " + request.createdAt() + ", more than "
                                + MAX_REQUEST_AGE.toDays() + " days ago: cancel it on the instance and make a new one."
                                + " Nothing was changed.");
            }
            outcome = Outcome.RETURNED;
            for (License l : hostedBy(request.instanceId())) {
                l.returnFrom(request.instanceId(), now);
                freed.add(l.number());
            }
        }
        String keyId = signingKeys.currentKeyId();
        ReturnDocuments.Response response = new ReturnDocuments.Response(
                request.requestId(),
                outcome,
                request.instanceId(),
                request.instanceKey(),
                now,
                freed,
                outcome == Outcome.RETURNED ? lastIssued : 0,
                keyId);
        SignedDocument signed = signingKeys.sign(response.document());
        String text = new ReturnDocuments.SignedFile(
                        response.document(),
                        signed.keyId(),
                        java.util.Base64.getEncoder().encodeToString(signed.signature()))
                .text();
        em.persist(new ReturnReceipt(
                request.requestId().toString(),
                request.instanceId(),
                outcome.name(),
                request.licenses(),
                freed.size(),
                caller.email(),
                now,
                text));
        audit.record(
                request.action() == Action.RETURN ? "license-return.process" : "license-return.cancel",
                "instance",
                request.instanceId(),
                null,
                Map.of("requestId", request.requestId().toString(), "outcome", outcome.name(), "licenses", freed));
        em.flush();
        FaultInjection.at("return.process");
        return new Processed(request.requestId().toString(), request.instanceId(), outcome.name(), freed, false, text);
    }

    /**
     * Whether the caller may return the licenses this publisher has registered to the instance:
     * asked by the instance before it holds anything for an online return. Answers their numbers.
     */
    public List<String> returnRights(String instanceId) {
        List<String> numbers = instanceId == null
                ? List.of()
                : em.createQuery(
                                "select l.number from License l where l.registeredInstance = :id order by l.number",
                                String.class)
                        .setParameter("id", instanceId)
                        .getResultList();
        if (numbers.isEmpty() && !caller.isPublisherAdmin()) {
            throw new LicensingException(
                    ErrorCode.FORBIDDEN,
                    caller.email() + " may not return the licenses of instance " + instanceId
                            + ": no license of an account they manage is registered to it. Nothing was changed.");
        }
        requireRights(numbers);
        return numbers;
    }

    /**
     * The response kept for one of the instance's own requests, asked by the instance (signed with
     * its key, over the request ID, within the clock skew a sync allows).
     */
    @jakarta.annotation.security.PermitAll
    public String responseForInstance(String instanceId, String time, String signature, String requestId) {
        bindings.requireSigned(
                instanceId,
                time,
                String.valueOf(requestId).getBytes(java.nio.charset.StandardCharsets.UTF_8),
                signature);
        ReturnReceipt receipt = receipt(requestId);
        if (receipt == null || !receipt.instanceId().equals(instanceId)) {
            throw new LicensingException(
                    ErrorCode.RESOURCE_NOT_FOUND,
                    "No return request " + requestId + " of this instance was processed here",
                    Map.of("requestId", String.valueOf(requestId)));
        }
        return receipt.response();
    }

    /** The returns processed for an instance (or for all), newest first: the publisher's side of the record. */
    @RolesAllowed("publisher-admin")
    public List<Receipt> receipts(String instanceId) {
        var query = instanceId == null
                ? em.createQuery(
                        "select r from ReturnReceipt r order by r.processedAt desc, r.id desc", ReturnReceipt.class)
                : em.createQuery(
                                "select r from ReturnReceipt r where r.instanceId = :instance"
                                        + " order by r.processedAt desc, r.id desc",
                                ReturnReceipt.class)
                        .setParameter("instance", instanceId);
        return query.setMaxResults(MAX_RECEIPTS)
                .getResultStream()
                .map(r -> new Receipt(
                        r.requestId(), r.instanceId(), r.outcome(), r.licenseCount(), r.processedAt(), r.processedBy()))
                .toList();
    }

    /** A processed return as staff list them; {@code licenses}: how many it freed. */
    public record Receipt(
            String requestId,
            String instanceId,
            String outcome,
            int licenses,
            Instant processedAt,
            String processedBy) {}

    static final int MAX_RECEIPTS = 500;

    /** The response kept for a request, for a response file that was lost on the way. */
    public Processed response(String requestId) {
        ReturnReceipt receipt = requestId == null ? null : receipt(requestId);
        if (receipt == null) {
            throw new LicensingException(
                    ErrorCode.RESOURCE_NOT_FOUND,
                    "No return request " + requestId + " was processed here",
                    Map.of("requestId", String.valueOf(requestId)));
        }
        requireRights(receipt.requestedLicenses());
        return stored(receipt);
    }

    private Processed stored(ReturnReceipt receipt) {
        ReturnDocuments.Response stored = ReturnDocuments.response(
                ReturnDocuments.read(receipt.response(), ErrorCode.RETURN_RESPONSE_INVALID), ownKeys());
        return new Processed(
                receipt.requestId(),
                receipt.instanceId(),
                receipt.outcome(),
                stored.licenses(),
                true,
                receipt.response());
    }

    /**
     * Like taking licenses off an instance: publisher-admin, or license-manager or
     * deputy-license-manager on an account that owns one of the licenses (an instance serves one
     * customer organisation). A request naming no license of the caller's accounts is refused as
     * if those licenses did not exist.
     */
    private void requireRights(List<String> numbers) {
        if (caller.isPublisherAdmin()) {
            return;
        }
        Set<Long> managed = new java.util.HashSet<>();
        caller.accounts().stream()
                .filter(a -> {
                    Set<Role> roles = caller.rolesFor(a);
                    return roles.contains(Role.LICENSE_MANAGER) || roles.contains(Role.DEPUTY_LICENSE_MANAGER);
                })
                .forEach(a -> managed.add(a.id()));
        boolean serves = false;
        for (int i = 0; !managed.isEmpty() && !serves && i < numbers.size(); i += 1000) {
            serves = em.createQuery(
                                    "select count(l) from License l where l.number in :numbers"
                                            + " and l.owner.id in :owners",
                                    Long.class)
                            .setParameter("numbers", numbers.subList(i, Math.min(numbers.size(), i + 1000)))
                            .setParameter("owners", managed)
                            .getSingleResult()
                    > 0;
        }
        if (!serves) {
            throw new LicensingException(
                    ErrorCode.FORBIDDEN,
                    caller.email() + " may not process this return: that needs the license-manager or"
                            + " deputy-license-manager role on an account whose licenses the instance hosts."
                            + " Nothing was changed.");
        }
    }

    private List<License> hostedBy(String instanceId) {
        List<String> numbers = em.createQuery(
                        "select l.number from License l where l.registeredInstance = :id", String.class)
                .setParameter("id", instanceId)
                .getResultList();
        return LicenseLocks.lockAll(em, numbers, false).stream()
                .filter(l -> instanceId.equals(l.registeredInstance()))
                .toList();
    }

    private ReturnReceipt receipt(String requestId) {
        return em.createQuery("select r from ReturnReceipt r where r.requestId = :id", ReturnReceipt.class)
                .setParameter("id", requestId)
                .getResultStream()
                .findFirst()
                .orElse(null);
    }

    private Map<String, String> ownKeys() {
        Map<String, String> keys = new java.util.HashMap<>();
        signingKeys
                .publicKeys()
                .forEach(k -> keys.put(k.keyId(), java.util.Base64.getEncoder().encodeToString(k.publicKey())));
        return keys;
    }
}
