package org.licentia.returns.boundary;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.licentia.catalog.control.Caller;
import org.licentia.errors.ErrorCode;
import org.licentia.errors.LicensingException;
import org.licentia.registration.boundary.InstanceIdentity;
import org.licentia.registration.control.Credentials;
import org.licentia.registration.control.UpstreamPublisher;
import org.licentia.returns.control.ReturnLedger;
import org.licentia.returns.entity.LicenseReturn;

/**
 * On-prem side of license returns (the fourth seed): all of this instance's licenses go back to the
 * publisher, which frees them for another instance. Three ways, one ledger:
 * <ul>
 *   <li>online: the publisher account's user asks the instance, which carries its own request to the
 *       publisher and takes the answer ({@link #returnOnline});
 *   <li>semi-online and offline: the instance's admin takes the signed request ({@link #request}),
 *       carries it to the publisher, and brings the publisher's response back ({@link #confirm}).
 * </ul>
 * The hold on the licenses starts when the request is made and is committed before the request
 * can reach the publisher; nothing but the publisher's signed response ends it.
 */
@Stateless
@RolesAllowed("publisher-admin")
public class LicenseReturns {

    @Inject
    ReturnLedger ledger;

    @Inject
    Caller caller;

    @Inject
    UpstreamPublisher publisher;

    @Inject
    InstanceIdentity identity;

    /** A return as the admin sees it; {@code file} is the request (or, with {@code cancel}, the cancel request) to carry. */
    public record ReturnView(
            String requestId,
            String state,
            String instanceId,
            List<String> licenses,
            Instant requestedAt,
            String requestedBy,
            Instant resolvedAt,
            String resolvedBy,
            boolean alreadyApplied,
            String file) {

        static ReturnView of(LicenseReturn r, boolean alreadyApplied, String instanceId, String file) {
            return new ReturnView(
                    r.requestId(),
                    r.state().name(),
                    instanceId,
                    r.licenses(),
                    r.requestedAt(),
                    r.requestedBy(),
                    r.resolvedAt(),
                    r.resolvedBy(),
                    alreadyApplied,
                    file);
        }
    }

    /** The pending return, or else the last one; empty when this instance never returned licenses. */
    public Optional<ReturnView> current() {
        return ledger.pending()
                .or(ledger::latest)
                .map(r -> ReturnView.of(r, false, identity.instanceId(), r.isPending() ? r.request() : null));
    }

    /** Opens the return (or gives the pending one): from now on its licenses give nothing new. */
    public ReturnView request() {
        LicenseReturn r = ledger.open(caller.email());
        return ReturnView.of(r, false, identity.instanceId(), r.request());
    }

    /** The signed cancel request of the pending return, for the publisher to answer. */
    public ReturnView cancelRequest() {
        ReturnLedger.CancelRequest cancel = ledger.cancelRequest();
        return ReturnView.of(cancel.pending(), false, identity.instanceId(), cancel.file());
    }

    /** Takes the publisher's response file (a return, or a cancel). */
    public ReturnView confirm(String responseFile) {
        ReturnLedger.Resolution done = ledger.close(responseFile, caller.email());
        return ReturnView.of(done.licenseReturn(), done.alreadyApplied(), identity.instanceId(), null);
    }

    /**
     * Online: with the publisher account's credentials, as for registration. The request is made
     * (and committed) first, then carried; if the publisher cannot be reached or its answer is
     * lost, the return stays pending and calling this again sends the same request, which the
     * publisher answers the same way. {@code cancel} asks the publisher to cancel the pending one.
     */
    @PermitAll
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public ReturnView returnOnline(Credentials who, boolean cancel) {
        String requestFile;
        if (cancel) {
            requestFile = ledger.cancelRequest().file();
        } else {
            if (ledger.pending().isEmpty()) {
                ledger.requireSomethingToReturn();
                // who may return is the publisher's to say: ask before anything is held here
                publisher.checkReturnRights(who, identity.instanceId());
            }
            requestFile = ledger.open(who.email()).request();
        }
        String response;
        ReturnLedger.Resolution done;
        try {
            response = publisher.processReturn(who, requestFile);
        } catch (LicensingException e) {
            throw stillPending(e.code(), e.getMessage() + ".", e.details(), cancel);
        }
        try {
            done = ledger.close(response, who.email());
        } catch (LicensingException e) {
            if (e.code() != ErrorCode.RETURN_RESPONSE_INVALID && e.code() != ErrorCode.RETURN_RESPONSE_MISMATCH) {
                throw e;
            }
            // the caller sent nothing wrong: the publisher's answer is what cannot be taken
            throw stillPending(
                    ErrorCode.UPSTREAM_INVALID_ANSWER,
                    "The publisher's answer to the return cannot be taken: " + e.getMessage(),
                    java.util.Map.of(),
                    cancel);
        }
        return ReturnView.of(done.licenseReturn(), done.alreadyApplied(), identity.instanceId(), null);
    }

    private static LicensingException stillPending(
            ErrorCode code, String why, java.util.Map<String, String> details, boolean cancel) {
        return new LicensingException(
                code,
                why + " The return stays pending: run it again to finish it" + (cancel ? "" : ", or cancel it"),
                details);
    }
}
