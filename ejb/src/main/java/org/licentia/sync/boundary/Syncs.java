package org.licentia.sync.boundary;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.licentia.audit.control.AuditTrail;
import org.licentia.errors.LicensingException;
import org.licentia.operations.LicenseCalendar;
import org.licentia.records.control.RecordBook;
import org.licentia.records.control.RecordBook.Change;
import org.licentia.records.control.RecordBook.Method;
import org.licentia.registration.boundary.HostedLicenseView;
import org.licentia.registration.boundary.InstanceIdentity;
import org.licentia.registration.control.HostedLicenseAccess;
import org.licentia.registration.control.PublisherTrust;
import org.licentia.registration.control.RegistrationCheck;
import org.licentia.registration.control.UpstreamPublisher;
import org.licentia.registration.entity.HostedLicense;
import org.licentia.registration.entity.HostedLicensesChanged;
import org.licentia.registration.entity.HostedTerms;
import org.licentia.registration.entity.LocalInstance;
import org.licentia.sync.control.SyncMetrics;
import org.licentia.sync.entity.SyncReport;

/**
 * Sync: every hosted license validated with the publisher in one batched, instance-signed call.
 * Revoked, expired, unknown or elsewhere-registered licenses are removed; valid ones take the
 * publisher's current terms; when the publisher cannot be asked, all are kept and marked uncertain.
 * Sync never adds a license. It holds the instance row's lock, so it never overlaps another sync
 * or a registration change, on any node sharing the database.
 */
@Stateless
@PermitAll
public class Syncs {

    private static final java.util.logging.Logger LOG = java.util.logging.Logger.getLogger(Syncs.class.getName());

    private static final Jsonb JSON = JsonbBuilder.create();

    @PersistenceContext(unitName = "licentia")
    EntityManager em;

    @Inject
    LicenseCalendar calendar;

    @Inject
    RecordBook records;

    @Inject
    InstanceIdentity identity;

    @Inject
    UpstreamPublisher publisher;

    @Inject
    AuditTrail audit;

    @Inject
    HostedLicenseAccess access;

    @Inject
    Event<HostedLicensesChanged> changed;

    @Inject
    @ConfigProperty(name = "licentia.sync.interval", defaultValue = "PT1H")
    Duration interval;

    @Inject
    SyncMetrics metrics;

    @Inject
    PublisherTrust trust;

    @Inject
    org.licentia.returns.control.ReturnLedger returns;

    @RolesAllowed("publisher-admin")
    public SyncReportView runNow() {
        return sync("manual");
    }

    /**
     * Called by every node's timer; only the first node to find the last sync older than the
     * interval (less a tenth, for timer drift) syncs, so the cluster syncs once per interval.
     */
    public Optional<SyncReportView> runIfDue(String trigger) {
        em.find(LocalInstance.class, LocalInstance.THE_ONE, LockModeType.PESSIMISTIC_WRITE);
        Optional<SyncReport> last = lastReport();
        Duration slack = interval.dividedBy(10);
        if (last.isPresent()
                && !"startup".equals(trigger)
                && last.get().startedAt().isAfter(Instant.now().minus(interval).plus(slack))) {
            return Optional.empty();
        }
        return Optional.of(sync(trigger));
    }

    @RolesAllowed({"publisher-admin", "license-manager", "deputy-license-manager", "viewer"})
    public Optional<SyncReportView> last() {
        return lastReport().map(Syncs::view).map(this::visibleOnly);
    }

    /** A user who is not the instance's admin sees the outcomes of their accounts' hosted licenses only. */
    private SyncReportView visibleOnly(SyncReportView report) {
        if (access.seesAll()) {
            return report;
        }
        Set<String> visible = access
                .visible(
                        em.createQuery("select h from HostedLicense h", HostedLicense.class)
                                .getResultList(),
                        h -> h.terms().account())
                .stream()
                .map(HostedLicense::number)
                .collect(Collectors.toSet());
        return new SyncReportView(
                report.startedAt(),
                report.durationMs(),
                report.outcome(),
                report.trigger(),
                report.licenses().stream()
                        .filter(e -> visible.contains(e.number()))
                        .toList());
    }

    private SyncReportView sync(String trigger) {
        Instant started = Instant.now();
        em.find(LocalInstance.class, LocalInstance.THE_ONE, LockModeType.PESSIMISTIC_WRITE);
        Optional<org.licentia.returns.entity.LicenseReturn> pendingReturn = returns.pending();
        if (pendingReturn.isPresent() && !returns.settle(pendingReturn.get())) {
            // the publisher may have freed them already: only its answer to the return decides now
            long duration = Duration.between(started, Instant.now()).toMillis();
            em.persist(new SyncReport(started, duration, "RETURN_PENDING", trigger, "[]"));
            return new SyncReportView(started, duration, "RETURN_PENDING", trigger, List.of());
        }
        // license files' licenses hold until their own expiry: the publisher is never asked about them
        List<HostedLicense> hosted = em.createQuery(
                        "select h from HostedLicense h where h.source = 'ONLINE' order by h.number",
                        HostedLicense.class)
                .getResultList();
        List<SyncReportView.Entry> entries = new ArrayList<>(hosted.size());
        Map<String, String> removed = new LinkedHashMap<>();
        String outcome = "COMPLETED";
        String failure = null;
        LocalDate today = calendar.today();
        List<HostedLicense> toAsk = new ArrayList<>();
        for (HostedLicense h : hosted) {
            if (h.isExpiredOn(today)) {
                remove(h, "EXPIRED", entries, removed);
            } else {
                toAsk.add(h);
            }
        }
        if (!toAsk.isEmpty()) {
            Map<String, UpstreamPublisher.Verdict> verdicts = new HashMap<>();
            Map<String, String> keys;
            try {
                keys = trust.keysPinningOnFirstUse();
                publisher
                        .validate(
                                identity.instanceId(),
                                toAsk.stream().map(HostedLicense::number).toList(),
                                identity::signBase64)
                        .forEach(v -> verdicts.put(v.number(), v));
            } catch (LicensingException failed) {
                keys = null;
                outcome = outcomeOf(failed);
                failure = failed.code().name();
                LOG.warning("Sync " + outcome + ": " + failed.code() + ": " + failed.getMessage());
            }
            Map<String, HostedTerms> checked = keys == null ? Map.of() : checkAll(verdicts.values(), keys);
            for (HostedLicense h : toAsk) {
                UpstreamPublisher.Verdict v = verdicts.get(h.number());
                if (keys == null || v == null) {
                    h.markUncertain(started);
                    entries.add(new SyncReportView.Entry(
                            h.number(), "UNCERTAIN", keys == null ? outcome + ": " + failure : "NOT_IN_ANSWER"));
                } else if ("VALID".equals(v.status())) {
                    confirm(h, v.registration(), checked.get(h.number()), started, entries);
                } else {
                    remove(h, v.status(), entries, removed);
                }
            }
        }
        long duration = Duration.between(started, Instant.now()).toMillis();
        em.persist(new SyncReport(started, duration, outcome, trigger, JSON.toJson(entries)));
        em.flush();
        metrics.ranOnCommit(started, outcome);
        changed.fire(new HostedLicensesChanged(removed, "removed-by-sync"));
        return new SyncReportView(started, duration, outcome, trigger, entries);
    }

    /**
     * Why nothing could be confirmed: the publisher could not be asked (unreachable, 5xx, timed
     * out), it refused the request (a 4xx: this instance is not registered there, its signature or
     * clock is off), or its answer was not one to rely on (garbage, a bad signature). The hosted
     * licenses are kept and marked uncertain in each case, since none was confirmed; the report
     * and the log say which it was, so an administrator looks for a network problem only when
     * there is one.
     */
    static String outcomeOf(LicensingException failed) {
        return switch (failed.code()) {
            case UPSTREAM_UNAVAILABLE -> "PUBLISHER_UNAVAILABLE";
            case UPSTREAM_INVALID_ANSWER -> "PUBLISHER_ANSWER_INVALID";
            default -> "PUBLISHER_REFUSED";
        };
    }

    /** Checks every VALID verdict's document on all cores; a bad one maps to null, not to a failure of the sync. */
    private Map<String, HostedTerms> checkAll(
            java.util.Collection<UpstreamPublisher.Verdict> verdicts, Map<String, String> keys) {
        String instanceId = identity.instanceId();
        Map<String, HostedTerms> checked = new java.util.concurrent.ConcurrentHashMap<>();
        verdicts.parallelStream().filter(v -> "VALID".equals(v.status())).forEach(v -> {
            try {
                checked.put(v.number(), RegistrationCheck.verified(v.registration(), keys, instanceId));
            } catch (LicensingException invalidDocument) {
                // left out: the license stays, marked uncertain
            }
        });
        return checked;
    }

    private void confirm(
            HostedLicense h,
            UpstreamPublisher.SignedRegistration r,
            HostedTerms terms,
            Instant now,
            List<SyncReportView.Entry> entries) {
        if (terms == null) {
            h.markUncertain(now);
            entries.add(new SyncReportView.Entry(h.number(), "UNCERTAIN", "INVALID_DOCUMENT"));
            return;
        }
        boolean changed = !terms.equals(h.terms());
        HostedLicenseView before = HostedLicenseView.of(h);
        h.confirm(terms, r.document(), r.keyId(), r.signature(), now);
        if (changed) {
            records.record(Change.UPDATE, Method.ONLINE, h, "sync", now);
            audit.recordAs("sync", "sync.update", "hosted-license", h.number(), before, HostedLicenseView.of(h));
        }
        entries.add(new SyncReportView.Entry(h.number(), changed ? "UPDATED" : "UNCHANGED", "VALID"));
    }

    private void remove(
            HostedLicense h, String reason, List<SyncReportView.Entry> entries, Map<String, String> removed) {
        removed.put(h.number(), "license " + h.number() + " was removed from this instance by sync (" + reason + ")");
        audit.recordAs("sync", "sync.remove", "hosted-license", h.number(), HostedLicenseView.of(h), reason);
        records.record(
                Change.REMOVE,
                Method.ONLINE,
                h,
                "REVOKED".equals(reason) || "EXPIRED".equals(reason) ? reason : "REMOVED",
                "sync",
                Instant.now());
        em.remove(h);
        entries.add(new SyncReportView.Entry(h.number(), "REMOVED", reason));
    }

    private Optional<SyncReport> lastReport() {
        return em.createQuery("select r from SyncReport r order by r.startedAt desc, r.id desc", SyncReport.class)
                .setMaxResults(1)
                .getResultStream()
                .findFirst();
    }

    private static SyncReportView view(SyncReport r) {
        SyncReportView.Entry[] entries = JSON.fromJson(r.licenses(), SyncReportView.Entry[].class);
        return new SyncReportView(r.startedAt(), r.durationMs(), r.outcome(), r.trigger(), List.of(entries));
    }
}
