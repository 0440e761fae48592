package org.licentia.returns.control;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.LocalBean;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.licentia.audit.control.AuditTrail;
import org.licentia.errors.ErrorCode;
import org.licentia.errors.LicensingException;
import org.licentia.licensefile.entity.AppliedLicenseFile;
import org.licentia.records.control.RecordBook;
import org.licentia.records.control.RecordBook.Change;
import org.licentia.registration.boundary.InstanceIdentity;
import org.licentia.registration.control.FaultInjection;
import org.licentia.registration.control.PublisherTrust;
import org.licentia.registration.control.UpstreamPublisher;
import org.licentia.registration.entity.HostedLicense;
import org.licentia.registration.entity.HostedLicensesChanged;
import org.licentia.registration.entity.LocalInstance;
import org.licentia.returns.control.ReturnDocuments.Action;
import org.licentia.returns.control.ReturnDocuments.Outcome;
import org.licentia.returns.entity.LicenseReturn;
import org.licentia.signing.control.Ed25519KeyPair;

/**
 * On-prem side: this instance's returns, each step in a transaction of its own under the instance
 * row's lock (so it never overlaps a registration, a sync or a license file upload on any node).
 * Opening a return holds every hosted license at once, before the request leaves the instance; only
 * the publisher's signed response ends the hold, by dropping the licenses or, for a cancelled
 * request, by giving them back to use.
 */
@Stateless
@LocalBean
@PermitAll
public class ReturnLedger {

    private static final java.util.logging.Logger LOG =
            java.util.logging.Logger.getLogger(ReturnLedger.class.getName());

    @PersistenceContext(unitName = "licentia")
    EntityManager em;

    @Inject
    InstanceIdentity identity;

    @Inject
    PublisherTrust trust;

    @Inject
    RecordBook records;

    @Inject
    AuditTrail audit;

    @Inject
    Event<HostedLicensesChanged> changed;

    @Inject
    UpstreamPublisher publisher;

    /** How a response was taken: {@code alreadyApplied} when it was the answer in effect already. */
    public record Resolution(LicenseReturn licenseReturn, boolean alreadyApplied) {}

    public Optional<LicenseReturn> pending() {
        return em.createQuery(
                        "select r from LicenseReturn r where r.state = :pending order by r.id desc",
                        LicenseReturn.class)
                .setParameter("pending", LicenseReturn.State.PENDING)
                .setMaxResults(1)
                .getResultStream()
                .findFirst();
    }

    public Optional<LicenseReturn> latest() {
        return em.createQuery("select r from LicenseReturn r order by r.id desc", LicenseReturn.class)
                .setMaxResults(1)
                .getResultStream()
                .findFirst();
    }

    /** Refuses {@code what} while a return is pending: the licenses may be freed at the publisher already. */
    public void requireNonePending(String what) {
        pending().ifPresent(r -> {
            throw new LicensingException(
                    ErrorCode.LICENSE_RETURN_PENDING,
                    "Cannot " + what + ": the return " + r.requestId() + " of this instance's licenses is pending."
                            + " Confirm it with the publisher's response, or cancel it with the publisher's cancel"
                            + " response. Nothing was changed.",
                    Map.of("requestId", r.requestId()));
        });
    }

    /** License files up to this serial held licenses that were returned since: they are never applied again. */
    public long voidedFileSerial() {
        Long voided = em.createQuery(
                        "select max(r.voidsFileSerial) from LicenseReturn r where r.state = :returned", Long.class)
                .setParameter("returned", LicenseReturn.State.RETURNED)
                .getSingleResult();
        return voided == null ? 0 : voided;
    }

    /** The pending return, or a new one holding every hosted license; the same request on every call until answered. */
    public LicenseReturn open(String actor) {
        lockInstance();
        Optional<LicenseReturn> pending = pending();
        if (pending.isPresent()) {
            return pending.get();
        }
        List<HostedLicense> hosted = em.createQuery(
                        "select h from HostedLicense h where h.source <> 'HARDWARE_KEY' order by h.number",
                        HostedLicense.class)
                .getResultList();
        if (hosted.isEmpty()) {
            throw nothingToReturn();
        }
        Instant now = Instant.now();
        List<String> numbers = hosted.stream().map(HostedLicense::number).toList();
        ReturnDocuments.Request request = new ReturnDocuments.Request(
                UUID.randomUUID(), Action.RETURN, identity.instanceId(), instanceKey(), now, numbers, lastFileSerial());
        String file = sign(request).text();
        LicenseReturn opened = new LicenseReturn(request.requestId().toString(), file, numbers, actor, now);
        em.persist(opened);
        Map<String, String> held = new LinkedHashMap<>();
        for (HostedLicense h : hosted) {
            h.holdForReturn(opened.requestId());
            records.record(Change.RETURN, RecordBook.methodOf(h), h, "RETURN_PENDING", actor, now);
            held.put(
                    h.number(),
                    "license " + h.number() + " is being returned to the publisher (request " + opened.requestId()
                            + ")");
        }
        audit.recordAs(
                actor,
                "license-return.request",
                "license-return",
                opened.requestId(),
                null,
                Map.of("licenses", numbers));
        em.flush();
        // held leases end now, with the reason, and no new seats are given from the held licenses
        changed.fire(new HostedLicensesChanged(held, "return-pending"));
        return opened;
    }

    /**
     * Asks the publisher, as this instance, whether it answered the pending return (an answer lost
     * on the way, a response file never brought back) and takes that answer if so; true when the
     * return is no longer pending. The publisher's silence or absence changes nothing.
     */
    public boolean settle(LicenseReturn pending) {
        String response;
        try {
            response = publisher.returnResponse(identity.instanceId(), pending.requestId(), identity::signBase64);
        } catch (LicensingException notAnswered) {
            return false;
        }
        try {
            close(response, "sync");
            return true;
        } catch (LicensingException unusable) {
            LOG.warning("The publisher's answer to return " + pending.requestId() + " cannot be taken: "
                    + unusable.getMessage());
            return false;
        }
    }

    /** Refuses a return of an instance that hosts nothing, before anyone is asked about it. */
    public void requireSomethingToReturn() {
        if (em.createQuery("select count(h) from HostedLicense h where h.source <> 'HARDWARE_KEY'", Long.class)
                        .getSingleResult()
                == 0) {
            throw nothingToReturn();
        }
    }

    private static LicensingException nothingToReturn() {
        return new LicensingException(
                ErrorCode.NOTHING_TO_RETURN, "This instance hosts no licenses: there is nothing to return.");
    }

    /** The pending return and the signed request to cancel it. */
    public record CancelRequest(LicenseReturn pending, String file) {}

    /** A signed request to cancel the pending return, for the publisher: it answers whether that is still possible. */
    public CancelRequest cancelRequest() {
        LicenseReturn r = pending()
                .orElseThrow(() -> new LicensingException(
                        ErrorCode.NO_RETURN_PENDING,
                        "No return is pending on this instance: there is nothing to cancel."));
        return new CancelRequest(
                r,
                sign(new ReturnDocuments.Request(
                                UUID.fromString(r.requestId()),
                                Action.CANCEL,
                                identity.instanceId(),
                                instanceKey(),
                                Instant.now(),
                                r.licenses(),
                                lastFileSerial()))
                        .text());
    }

    /**
     * Takes the publisher's response: checked whole (a trusted publisher key, this instance and its
     * key, the pending request's ID) before anything changes. RETURNED drops the held licenses and
     * voids the license files that held them; CANCELLED makes them usable again.
     */
    public Resolution close(String responseFile, String actor) {
        ReturnDocuments.SignedFile file = ReturnDocuments.read(responseFile, ErrorCode.RETURN_RESPONSE_INVALID);
        lockInstance();
        ReturnDocuments.Response response = ReturnDocuments.response(file, trust.keys());
        if (!identity.instanceId().equals(response.instanceId())
                || !instanceKey().equals(response.instanceKey())) {
            throw new LicensingException(
                    ErrorCode.RETURN_RESPONSE_MISMATCH,
                    "The return response is for instance " + response.instanceId() + ", not this one ("
                            + identity.instanceId() + "). Nothing was changed.");
        }
        LicenseReturn r = em.createQuery("select r from LicenseReturn r where r.requestId = :id", LicenseReturn.class)
                .setParameter("id", response.requestId().toString())
                .getResultStream()
                .findFirst()
                .orElseThrow(() -> mismatch(response));
        if (!r.isPending()) {
            // the answer in effect, given again, changes nothing; an older return's answer is a replay
            boolean latest =
                    latest().map(l -> l.requestId().equals(r.requestId())).orElse(false);
            if (latest && file.text().equals(r.response())) {
                return new Resolution(r, true);
            }
            throw mismatch(response);
        }
        Instant now = Instant.now();
        boolean returned = response.outcome() == Outcome.RETURNED;
        Map<String, String> dropped = new LinkedHashMap<>();
        for (HostedLicense h : em.createQuery(
                        "select h from HostedLicense h where h.returnRequest = :id order by h.number",
                        HostedLicense.class)
                .setParameter("id", r.requestId())
                .getResultList()) {
            if (returned) {
                records.record(Change.RETURN, RecordBook.methodOf(h), h, "RETURNED", actor, now);
                dropped.put(h.number(), "license " + h.number() + " was returned to the publisher");
                em.remove(h);
            } else {
                h.releaseFromReturn();
                records.record(Change.RETURN, RecordBook.methodOf(h), h, "RETURN_CANCELLED", actor, now);
            }
        }
        r.resolve(returned, file.text(), response.voidsFileSerial(), actor, now);
        audit.recordAs(
                actor,
                returned ? "license-return.returned" : "license-return.cancelled",
                "license-return",
                r.requestId(),
                null,
                Map.of("licenses", r.licenses()));
        em.flush();
        FaultInjection.at("return.confirm");
        changed.fire(new HostedLicensesChanged(dropped, "returned"));
        return new Resolution(r, false);
    }

    private ReturnDocuments.SignedFile sign(ReturnDocuments.Request request) {
        return ReturnDocuments.sign(request.document(), instanceKey(), identity::sign);
    }

    private String instanceKey() {
        return Ed25519KeyPair.keyIdOf(identity.publicKey());
    }

    private long lastFileSerial() {
        return AppliedLicenseFile.lastSerial(em);
    }

    private void lockInstance() {
        em.find(LocalInstance.class, LocalInstance.THE_ONE, LockModeType.PESSIMISTIC_WRITE);
    }

    private static LicensingException mismatch(ReturnDocuments.Response response) {
        return new LicensingException(
                ErrorCode.RETURN_RESPONSE_MISMATCH,
                "The return response answers request " + response.requestId() + ", which is not this instance's"
                        + " pending return (an old or another request's response). Nothing was changed.",
                Map.of("requestId", response.requestId().toString()));
    }
}
