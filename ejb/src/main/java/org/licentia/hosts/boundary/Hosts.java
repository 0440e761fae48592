package org.licentia.hosts.boundary;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.licentia.catalog.control.InputValidation;
import org.licentia.errors.ErrorCode;
import org.licentia.errors.LicensingException;
import org.licentia.hosts.control.HostSettings;
import org.licentia.hosts.control.HostUsage;
import org.licentia.hosts.control.QuotaRestriction;
import org.licentia.hosts.entity.ReportedHost;
import org.licentia.operations.LicenseCalendar;
import org.licentia.operations.OnCommit;
import org.licentia.registration.control.HostedLicenseAccess;
import org.licentia.registration.entity.HostedLicense;
import org.licentia.seats.control.ClientTokenCheck;

/**
 * On-prem side: the licensed product's hosts report themselves here with a client token. A host
 * already counted renews its report; a new one (or one that stopped reporting) is admitted only
 * by a license of its product, licensed by hosts or CPU sockets, that is not expired and has room
 * for it, under a lock on those licenses, so that hosts reporting at once on any node never
 * exceed a quota. A license over its quota (a smaller one came in a license file, or a counted
 * host grew sockets) admits no host until usage is back under it; hosts already counted keep
 * reporting: existing services keep running, as the seed says.
 */
@Stateless
public class Hosts {

    @PersistenceContext(unitName = "licentia")
    EntityManager em;

    @Inject
    org.licentia.hardwarekey.control.KeyGate keyGate;

    @Inject
    ClientTokenCheck tokens;

    @Inject
    InputValidation validation;

    @Inject
    HostSettings settings;

    @Inject
    HostUsage usage;

    @Inject
    LicenseCalendar calendar;

    @Inject
    HostedLicenseAccess access;

    @Inject
    OnCommit onCommit;

    /** The answer to a report: the host as counted, and when to report next. */
    public record Reported(HostView host, long reportEverySeconds) {}

    @PermitAll
    public Reported report(String token, HostReport report) {
        String holder = tokens.holder(token);
        validation.require(report);
        Instant now = Instant.now();
        Instant cutoff = now.minus(settings.reportTtl());
        LocalDate today = calendar.today();
        String product = report.product();
        String hostId = report.hostId();
        int sockets = report.cpuSockets();

        ReportedHost host = find(product, hostId);
        if (host != null && host.countsAt(cutoff) && isUsable(host.licenseNumber(), today)) {
            // counted already: it keeps its place, even if it now reports more sockets; no lock needed
            host.admit(host.licenseNumber(), sockets, holder, now);
            onCommit.run(usage::invalidate);
            return new Reported(
                    HostView.of(host, cutoff),
                    Math.max(1, settings.reportInterval().toSeconds()));
        }
        // locks the product's licenses by hosts or CPU sockets: admissions of one product queue here
        List<HostedLicense> licenses = em.createQuery(
                        "select h from HostedLicense h where h.terms.product = :product"
                                + " and h.terms.quotaMetric in ('hosts', 'cpu-sockets') order by h.number",
                        HostedLicense.class)
                .setParameter("product", product)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultList();
        if (host != null) {
            em.refresh(host);
        } else {
            host = find(product, hostId);
        }
        Map<String, HostedLicense> usable = new LinkedHashMap<>();
        licenses.stream()
                .filter(l -> !l.isExpiredOn(today) && !l.isReturnPending() && keyGate.isUsable(l.number()))
                .forEach(l -> usable.put(l.number(), l));
        String license = host != null && host.countsAt(cutoff) && usable.containsKey(host.licenseNumber())
                ? host.licenseNumber()
                : admittingLicense(licenses, usable, product, hostId, sockets, now);
        if (host == null) {
            host = new ReportedHost(hostId, product, license, sockets, holder, now);
            em.persist(host);
        } else {
            host.admit(license, sockets, holder, now);
        }
        onCommit.run(usage::invalidate);
        return new Reported(
                HostView.of(host, cutoff), Math.max(1, settings.reportInterval().toSeconds()));
    }

    private ReportedHost find(String product, String hostId) {
        return em.createQuery(
                        "select h from ReportedHost h where h.product = :product and h.hostId = :host",
                        ReportedHost.class)
                .setParameter("product", product)
                .setParameter("host", hostId)
                .getResultStream()
                .findFirst()
                .orElse(null);
    }

    private boolean isUsable(String license, LocalDate today) {
        return em.createQuery(
                        "select h.number, h.terms.expires from HostedLicense h where h.number = :number"
                                + " and h.terms.quotaMetric in ('hosts', 'cpu-sockets') and h.returnRequest is null",
                        Object[].class)
                .setParameter("number", license)
                .getResultStream()
                .findFirst()
                .map(row -> row[1] == null || !((LocalDate) row[1]).isBefore(today))
                .orElse(false);
    }

    private String admittingLicense(
            List<HostedLicense> licenses,
            Map<String, HostedLicense> usable,
            String product,
            String hostId,
            int sockets,
            Instant now) {
        if (usable.isEmpty()) {
            licenses.stream().filter(HostedLicense::isReturnPending).findFirst().ifPresent(held -> {
                throw QuotaRestriction.returnPending(held.number());
            });
            licenses.stream()
                    .filter(l -> !l.isExpiredOn(calendar.dayOf(now)))
                    .forEach(l -> keyGate.requireUsable(l.number()));
            if (!licenses.isEmpty()) {
                HostedLicense last = licenses.get(licenses.size() - 1);
                throw new LicensingException(
                        ErrorCode.LICENSE_EXPIRED,
                        "Every license of product " + product + " by hosts or CPU sockets has expired (license "
                                + last.number() + " on " + last.terms().expires() + ")",
                        Map.of(
                                "license",
                                last.number(),
                                "expires",
                                String.valueOf(last.terms().expires())));
            }
            throw new LicensingException(
                    ErrorCode.LICENSE_NOT_HOSTED,
                    "No license of product " + product + " licensed by hosts or CPU sockets is registered on this"
                            + " instance",
                    Map.of("product", product));
        }
        List<String> full = new ArrayList<>();
        Map<String, String> details = new HashMap<>();
        for (HostedLicense l : usable.values()) {
            String metric = l.terms().quotaMetric();
            int used = usage.counted(l.number(), now).by(metric);
            int wanted = "cpu-sockets".equals(metric) ? sockets : 1;
            if ((long) used + wanted <= l.terms().quota()) {
                return l.number();
            }
            full.add(l.number() + " (" + used + " of " + l.terms().quota() + " " + metric + " used)");
            if (details.isEmpty()) {
                details.put("license", l.number());
                details.put("quotaMetric", metric);
                details.put("used", Integer.toString(used));
                details.put("quota", Integer.toString(l.terms().quota()));
                details.put("requested", Integer.toString(wanted));
            }
        }
        throw new LicensingException(
                ErrorCode.INSUFFICIENT_QUOTA,
                "Insufficient license quota: host " + hostId + " (" + sockets + " CPU sockets) does not fit in any"
                        + " license of product " + product + ": " + String.join(", ", full),
                details);
    }

    /** Every reported host the caller may see (by the owner of the license it counts against), counted ones first. */
    @RolesAllowed({"publisher-admin", "license-manager", "deputy-license-manager", "viewer"})
    public List<HostView> list() {
        Instant cutoff = Instant.now().minus(settings.reportTtl());
        Map<String, String> owners = new HashMap<>();
        em.createQuery("select h.number, h.terms.account from HostedLicense h", Object[].class)
                .getResultList()
                .forEach(row -> owners.put((String) row[0], (String) row[1]));
        List<HostView> all = em.createQuery(
                        "select h from ReportedHost h order by h.lastReportedAt desc, h.product, h.hostId",
                        ReportedHost.class)
                .setMaxResults(100_000)
                .getResultStream()
                .map(h -> HostView.of(h, cutoff))
                .sorted((a, b) -> Boolean.compare(b.counted(), a.counted()))
                .toList();
        return access.visible(all, h -> owners.get(h.license()));
    }
}
