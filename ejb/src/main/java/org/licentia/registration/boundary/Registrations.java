package org.licentia.registration.boundary;

import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.licentia.audit.control.AuditTrail;
import org.licentia.catalog.control.LicenseNumbers;
import org.licentia.errors.ErrorCode;
import org.licentia.errors.LicensingException;
import org.licentia.records.control.RecordBook;
import org.licentia.records.control.RecordBook.Change;
import org.licentia.records.control.RecordBook.Method;
import org.licentia.registration.control.Credentials;
import org.licentia.registration.control.FaultInjection;
import org.licentia.registration.control.HostedLicenseAccess;
import org.licentia.registration.control.PublisherTrust;
import org.licentia.registration.control.RegistrationCheck;
import org.licentia.registration.control.UpstreamPublisher;
import org.licentia.registration.entity.HostedLicense;
import org.licentia.registration.entity.HostedLicensesChanged;
import org.licentia.registration.entity.HostedTerms;
import org.licentia.registration.entity.LocalInstance;

/**
 * On-prem side of registration: which of the publisher's licenses this instance hosts. The rules
 * are the seed's: an empty instance may register implicitly; once it hosts licenses only explicit
 * lists are accepted; an explicit change is applied only if the hosted set is still the one the
 * user confirmed; and a failure anywhere leaves both this instance and the publisher as they were.
 */
@Stateless
@PermitAll
public class Registrations {

    private static final Logger LOG = Logger.getLogger(Registrations.class.getName());

    @PersistenceContext(unitName = "licentia")
    EntityManager em;

    @Inject
    InstanceIdentity identity;

    @Inject
    UpstreamPublisher publisher;

    @Inject
    AuditTrail audit;

    @Inject
    HostedLicenseAccess access;

    @Inject
    PublisherTrust trust;

    @Resource
    TransactionSynchronizationRegistry transactions;

    @Inject
    Event<HostedLicensesChanged> changed;

    @Inject
    RecordBook records;

    @Inject
    org.licentia.returns.control.ReturnLedger returns;

    @RolesAllowed({"publisher-admin", "license-manager", "deputy-license-manager", "viewer"})
    public List<HostedLicenseView> hosted() {
        return access.visible(
                hostedLicenses().stream().map(HostedLicenseView::of).toList(), HostedLicenseView::account);
    }

    /** The publisher keys this instance trusts: for the admin to compare with the publisher's own list. */
    @RolesAllowed("publisher-admin")
    public List<PublisherTrust.TrustedKey> trustedPublisherKeys() {
        return trust.trusted();
    }

    /** The change an explicit list would make (or, with no list, an implicit registration), for the user to confirm. */
    public ChangeSummary plan(Credentials who, List<String> requested) {
        publisher.checkCredentials(who);
        returns.requireNonePending("change the registered licenses");
        List<String> current = currentNumbers();
        if (requested == null) {
            refuseImplicitUnlessEmpty(current);
            return ChangeSummary.of(current, publisher.candidates(who, identity.instanceId()));
        }
        return ChangeSummary.of(current, valid(requested));
    }

    /**
     * Hosts exactly {@code requested} (implicit when null). {@code expectedCurrent} is the hosted set
     * the user saw in the summary; if it has changed since, nothing is applied.
     */
    public List<HostedLicenseView> apply(Credentials who, List<String> requested, List<String> expectedCurrent) {
        em.find(LocalInstance.class, LocalInstance.THE_ONE, LockModeType.PESSIMISTIC_WRITE);
        returns.requireNonePending("change the registered licenses");
        Map<String, HostedLicense> current = new LinkedHashMap<>();
        onlineLicenses().forEach(h -> current.put(h.number(), h));
        List<String> previous = List.copyOf(current.keySet());
        List<String> wanted = null;
        if (requested == null) {
            refuseImplicitUnlessEmpty(previous);
        } else {
            wanted = valid(requested);
            if (expectedCurrent == null || !new TreeSet<>(expectedCurrent).equals(new TreeSet<>(previous))) {
                throw new LicensingException(
                        ErrorCode.REGISTRATION_STATE_CHANGED,
                        "The registered licenses changed since the summary was made: they are now " + previous
                                + ". Nothing was changed; review the new summary and confirm again.",
                        Map.of("current", String.join(",", previous)));
            }
        }
        Map<String, String> keys = trust.keysPinningOnFirstUse();
        restorePublisherOnRollback(previous);
        List<UpstreamPublisher.SignedRegistration> answer =
                publisher.register(who, identity.instanceId(), identity.publicKeyBase64(), wanted);
        Map<String, HostedTerms> verified = RegistrationCheck.verifiedAll(answer, keys, identity.instanceId());
        if (wanted != null && !new TreeSet<>(verified.keySet()).equals(new TreeSet<>(wanted))) {
            throw new LicensingException(
                    ErrorCode.UPSTREAM_INVALID_ANSWER,
                    "The publisher confirmed " + verified.keySet() + " instead of the requested " + wanted);
        }
        Instant now = Instant.now();
        Map<String, String> removed = new LinkedHashMap<>();
        for (HostedLicense h : current.values()) {
            if (!verified.containsKey(h.number())) {
                removed.put(
                        h.number(), "license " + h.number() + " was deregistered from this instance by " + who.email());
                records.record(Change.REMOVE, Method.ONLINE, h, "REMOVED", who.email(), now);
                em.remove(h);
                audit.recordAs(
                        who.email(),
                        "registration.remove",
                        "hosted-license",
                        h.number(),
                        HostedLicenseView.of(h),
                        null);
            }
        }
        List<HostedLicense> result = new ArrayList<>();
        for (UpstreamPublisher.SignedRegistration r : answer) {
            HostedLicense h = current.get(r.number());
            if (h == null) {
                h = new HostedLicense(
                        r.number(), verified.get(r.number()), r.document(), r.keyId(), r.signature(), who.email(), now);
                em.persist(h);
                records.record(Change.INSTALL, Method.ONLINE, h, who.email(), now);
                audit.recordAs(
                        who.email(), "registration.add", "hosted-license", h.number(), null, HostedLicenseView.of(h));
            } else {
                boolean changedTerms = !verified.get(r.number()).equals(h.terms());
                h.confirm(verified.get(r.number()), r.document(), r.keyId(), r.signature(), now);
                if (changedTerms) {
                    records.record(Change.UPDATE, Method.ONLINE, h, who.email(), now);
                }
            }
            result.add(h);
        }
        em.flush();
        changed.fire(new HostedLicensesChanged(removed, "deregistered"));
        FaultInjection.at("registration.commit");
        return result.stream()
                .sorted(java.util.Comparator.comparing(HostedLicense::number))
                .map(HostedLicenseView::of)
                .toList();
    }

    private void refuseImplicitUnlessEmpty(List<String> current) {
        if (!current.isEmpty()) {
            throw new LicensingException(
                    ErrorCode.IMPLICIT_REGISTRATION_REFUSED,
                    "Server is already hosting registered licenses: " + current,
                    Map.of("current", String.join(",", current)));
        }
    }

    /**
     * Once the publisher may have applied a change, a rollback here (a refused document, a database
     * failure at commit) re-asserts the previous set at the publisher, signed by this instance.
     * If the publisher cannot be reached then, the next sync does the same.
     */
    private void restorePublisherOnRollback(List<String> previous) {
        String instanceId = identity.instanceId();
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {}

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    return;
                }
                try {
                    publisher.validate(instanceId, previous, identity::signBase64);
                } catch (RuntimeException e) {
                    LOG.log(
                            Level.WARNING,
                            "Could not restore the publisher's registrations after a failed change; "
                                    + "the next sync will: {0}",
                            e.getMessage());
                }
            }
        });
    }

    private List<HostedLicense> hostedLicenses() {
        return em.createQuery("select h from HostedLicense h order by h.number", HostedLicense.class)
                .getResultList();
    }

    /** Online registration changes these only; the licenses of license files are the files' to change. */
    private List<HostedLicense> onlineLicenses() {
        return em.createQuery(
                        "select h from HostedLicense h where h.source = 'ONLINE' order by h.number",
                        HostedLicense.class)
                .getResultList();
    }

    private List<String> currentNumbers() {
        return em.createQuery(
                        "select h.number from HostedLicense h where h.source = 'ONLINE' order by h.number",
                        String.class)
                .getResultList();
    }

    private static List<String> valid(List<String> numbers) {
        if (numbers.size() > InstanceRegistrations.MAX_LICENSES) {
            throw new LicensingException(
                    ErrorCode.INVALID_INPUT,
                    "At most " + InstanceRegistrations.MAX_LICENSES + " licenses per registration");
        }
        TreeSet<String> set = new TreeSet<>();
        numbers.forEach(n -> set.add(LicenseNumbers.requireValid(n)));
        return List.copyOf(set);
    }
}
