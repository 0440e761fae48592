package org.licentia.seats.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.licentia.catalog.control.InputValidation;
import org.licentia.errors.ErrorCode;
import org.licentia.errors.LicensingException;
import org.licentia.hosts.control.QuotaRestriction;
import org.licentia.operations.LicenseCalendar;
import org.licentia.seats.control.ClientTokenCheck;
import org.licentia.seats.control.HostedSeatTerms;
import org.licentia.seats.control.LeaseDocuments;
import org.licentia.seats.control.LeaseStore;
import org.licentia.seats.control.SeatSettings;
import org.licentia.seats.control.UsageCounters;
import org.licentia.seats.entity.ClientIdentity;
import org.licentia.seats.entity.SeatLease;
import org.licentia.seats.entity.SeatPool;
import org.licentia.seats.entity.SeatTerms;
import org.licentia.seats.entity.SeatUsage;
import org.licentia.signing.boundary.PublicKey;
import org.licentia.signing.boundary.SigningKeys;

/**
 * What seat clients do: reserve, renew, release and borrow seats of the hosted licenses, signed in
 * with a client token. The database is not touched on this path (terms are held in memory, leases
 * in the cache, usage counted in memory), so it needs no transaction, and no user sign-in: it is a
 * plain CDI bean, which spares every seat request the EJB container's interceptors.
 */
@ApplicationScoped
public class Seats {

    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    ClientTokenCheck tokens;

    @Inject
    HostedSeatTerms hosted;

    @Inject
    LeaseStore store;

    @Inject
    LeaseDocuments documents;

    @Inject
    SeatSettings settings;

    @Inject
    UsageCounters usage;

    @Inject
    InputValidation validation;

    @Inject
    SigningKeys signingKeys;

    @Inject
    LicenseCalendar calendar;

    @Inject
    QuotaRestriction quota;

    public SignedLease reserve(String token, SeatRequest request) {
        String holder = tokens.holder(token);
        validation.require(request);
        return take(holder, request, null);
    }

    public SignedLease borrow(String token, SeatRequest request) {
        String holder = tokens.holder(token);
        validation.require(request);
        int max = settings.maxBorrowDays();
        if (request.days() == null) {
            throw new LicensingException(
                    ErrorCode.INVALID_INPUT,
                    "Invalid input: days is required to borrow a seat",
                    Map.of("days", "must not be null"));
        }
        if (request.days() > max) {
            throw new LicensingException(
                    ErrorCode.BORROW_TOO_LONG,
                    "A seat can be borrowed for at most " + max + " days, not " + request.days(),
                    Map.of("days", request.days().toString(), "maxDays", Integer.toString(max)));
        }
        return take(holder, request, Instant.now().plus(Duration.ofDays(request.days())));
    }

    public SignedLease heartbeat(String token, String leaseId) {
        String holder = tokens.holder(token);
        String license = licenseOf(leaseId);
        Instant now = Instant.now();
        SeatTerms terms = hosted.of(license).orElse(null);
        if (terms != null && terms.isExpiredOn(calendar.dayOf(now))) {
            endLease(
                    terms,
                    leaseId,
                    holder,
                    "license-expired",
                    "license " + terms.license() + " expired on " + terms.expires());
        }
        if (terms != null && terms.returnPending()) {
            endLease(
                    terms,
                    leaseId,
                    holder,
                    "return-pending",
                    "license " + terms.license() + " is being returned to the publisher");
        }
        Optional<SeatPool.Decision> renewed =
                store.change(license, pool -> pool.heartbeat(leaseId, holder, now, settings.leaseTtl()));
        if (renewed.isEmpty()) {
            throw gone(leaseId);
        }
        if (renewed.get().denial() != null) {
            noteExpired(renewed.get(), now);
            throw gone(leaseId);
        }
        return signed(renewed.get().lease(), terms, now, false);
    }

    /** The license has expired or is being returned: the lease ends at this heartbeat, and says why. */
    private void endLease(SeatTerms terms, String leaseId, String holder, String reason, String description) {
        Optional<SeatPool.Decision> ended = store.change(terms.license(), pool -> pool.end(leaseId, holder));
        if (ended.isPresent()) {
            store.remember(ended.get().lease(), reason, description);
            usage.count(terms.license(), SeatUsage.Event.ENDED);
        }
        throw gone(leaseId);
    }

    public void release(String token, String leaseId) {
        String holder = tokens.holder(token);
        String license = licenseOf(leaseId);
        Instant now = Instant.now();
        Optional<SeatPool.Decision> ended = store.change(license, pool -> pool.end(leaseId, holder));
        if (ended.isPresent()) {
            store.remember(ended.get().lease(), "released", "released by its client at " + now);
            usage.count(license, SeatUsage.Event.RELEASED);
        } else if (store.whyEnded(leaseId).isEmpty()) {
            throw notFound(leaseId);
        }
        // else: released before, or ended otherwise; either way the seat is free, as the client wants
    }

    public List<PublicKey> keys(String token) {
        tokens.holder(token);
        return signingKeys.publicKeys();
    }

    private SignedLease take(String holder, SeatRequest request, Instant borrowUntil) {
        ClientIdentity who = new ClientIdentity(
                request.client().strip(),
                request.host() == null || request.host().isBlank()
                        ? request.client().strip()
                        : request.host().strip(),
                request.user() == null || request.user().isBlank()
                        ? null
                        : request.user().strip(),
                holder);
        if (request.license() != null) {
            SeatTerms terms = hosted.of(request.license())
                    .orElseThrow(() -> new LicensingException(
                            ErrorCode.LICENSE_NOT_HOSTED,
                            "License " + request.license() + " is not registered on this instance",
                            Map.of("license", request.license())));
            return takeFrom(terms, who, borrowUntil);
        }
        if (request.product() == null) {
            throw new LicensingException(
                    ErrorCode.INVALID_INPUT,
                    "Invalid input: give a license, or a product (and a feature)",
                    Map.of("license", "license or product is required"));
        }
        List<SeatTerms> candidates = hosted.all().stream()
                .filter(t -> t.product().equals(request.product()) && t.hasFeature(request.feature()))
                .sorted(Comparator.comparing(SeatTerms::license))
                .toList();
        if (candidates.isEmpty()) {
            throw new LicensingException(
                    ErrorCode.LICENSE_NOT_HOSTED,
                    "No license of product " + request.product()
                            + (request.feature() == null ? "" : " with feature " + request.feature())
                            + " is registered on this instance",
                    Map.of("product", request.product()));
        }
        // A client that holds a seat of one of them keeps that one: never a second seat by another license.
        for (SeatTerms t : candidates) {
            if (store.pool(t.license())
                    .map(p -> p.leases().stream().anyMatch(l -> l.client().equals(who.client())))
                    .orElse(false)) {
                return takeFrom(t, who, borrowUntil);
            }
        }
        List<LicensingException> denials = new ArrayList<>();
        for (SeatTerms t : candidates) {
            try {
                return takeFrom(t, who, borrowUntil);
            } catch (LicensingException denied) {
                denials.add(denied);
            }
        }
        throw denials.size() == 1
                ? denials.get(0)
                : new LicensingException(
                        denials.get(0).code(),
                        "No license of product " + request.product() + " can give a seat: "
                                + denials.stream()
                                        .map(LicensingException::getMessage)
                                        .reduce((a, b) -> a + "; " + b)
                                        .orElse(""),
                        Map.of("product", request.product()));
    }

    private SignedLease takeFrom(SeatTerms terms, ClientIdentity who, Instant borrowUntil) {
        Instant now = Instant.now();
        if (terms.uncertainSince() != null
                && terms.uncertainSince().plus(settings.uncertainGrace()).isBefore(now)) {
            usage.count(terms.license(), SeatUsage.Event.DENIED);
            throw new LicensingException(
                    ErrorCode.LICENSE_UNCERTAIN,
                    "License " + terms.license()
                            + " could not be confirmed by the publisher since " + terms.uncertainSince()
                            + ", longer than the grace period " + settings.uncertainGrace()
                            + "; no new seats until it is",
                    Map.of(
                            "license",
                            terms.license(),
                            "uncertainSince",
                            terms.uncertainSince().toString()));
        }
        try {
            quota.requireWithinQuota(terms);
        } catch (LicensingException overQuota) {
            usage.count(terms.license(), SeatUsage.Event.DENIED);
            throw overQuota;
        }
        Duration ttl = settings.leaseTtl();
        LocalDate today = calendar.dayOf(now);
        SeatPool.Decision d = store.decide(
                terms.license(),
                pool -> pool.reserve(terms, who, now, today, ttl, borrowUntil, () -> newLeaseId(terms.license())));
        noteExpired(d, now);
        if (d.denial() != null) {
            usage.count(terms.license(), SeatUsage.Event.DENIED);
            throw denial(terms, d);
        }
        if (d.created()) {
            usage.count(terms.license(), borrowUntil != null ? SeatUsage.Event.BORROWED : SeatUsage.Event.RESERVED);
        }
        return signed(d.lease(), terms, now, d.created());
    }

    private void noteExpired(SeatPool.Decision d, Instant now) {
        store.rememberExpired(d.expired());
        if (!d.expired().isEmpty()) {
            usage.count(
                    d.expired().get(0).license(),
                    SeatUsage.Event.EXPIRED,
                    d.expired().size());
        }
    }

    private static LicensingException denial(SeatTerms terms, SeatPool.Decision d) {
        String license = terms.license();
        return switch (d.denial()) {
            case EXPIRED ->
                new LicensingException(
                        ErrorCode.LICENSE_EXPIRED,
                        "License " + license + " expired on " + terms.expires(),
                        Map.of("license", license, "expires", terms.expires().toString()));
            case QUOTA_EXCEEDED ->
                new LicensingException(
                        ErrorCode.QUOTA_EXCEEDED,
                        "License " + license + " allows seats on " + terms.hostsQuota() + " hosts at once, and "
                                + d.hostsInUse() + " hosts hold seats",
                        Map.of(
                                "license",
                                license,
                                "quota",
                                Integer.toString(terms.hostsQuota()),
                                "hostsInUse",
                                Integer.toString(d.hostsInUse())));
            case LEASE_EXPIRED -> throw new IllegalStateException("not a reservation's outcome");
            case NO_SEAT -> {
                if (d.seatsInUse() > terms.seats()) {
                    // a license file lowered the seats below what is held: held leases run on, no new ones
                    yield QuotaRestriction.overQuota(license, "seats", d.seatsInUse(), terms.seats());
                }
                Map<String, String> details = new LinkedHashMap<>();
                details.put("license", license);
                details.put("seatsInUse", Integer.toString(d.seatsInUse()));
                details.put("seats", Integer.toString(terms.seats()));
                Optional<Instant> next = d.pool().nextExpiry();
                next.ifPresent(t -> details.put("nextExpiry", t.toString()));
                yield new LicensingException(
                        ErrorCode.NO_SEAT_AVAILABLE,
                        "All seats of license " + license + " are in use (" + d.seatsInUse() + " of " + terms.seats()
                                + ")"
                                + next.map(t -> "; the next lease expires at " + t)
                                        .orElse(""),
                        details);
            }
        };
    }

    private SignedLease signed(SeatLease lease, SeatTerms terms, Instant now, boolean created) {
        long heartbeat =
                lease.borrowed() ? 0 : Math.max(1, settings.heartbeatInterval().toSeconds());
        return new SignedLease(
                LeaseView.of(lease, terms == null ? null : terms.product(), heartbeat),
                documents.sign(lease, terms, now),
                created);
    }

    private String licenseOf(String leaseId) {
        String license = SeatLease.licenseOf(leaseId);
        if (license == null || leaseId.length() > 40) {
            throw notFound(leaseId == null ? "" : leaseId.substring(0, Math.min(leaseId.length(), 40)));
        }
        return license;
    }

    private LicensingException gone(String leaseId) {
        return store.whyEnded(leaseId)
                .<LicensingException>map(ending -> new LicensingException(
                        ErrorCode.LEASE_ENDED,
                        "Lease " + leaseId + " has ended: " + ending.description(),
                        Map.of("lease", leaseId, "reason", ending.reason())))
                .orElseGet(() -> notFound(leaseId));
    }

    static LicensingException notFound(String leaseId) {
        return new LicensingException(
                ErrorCode.LEASE_NOT_FOUND, "No lease " + leaseId + " on this instance", Map.of("lease", leaseId));
    }

    private static String newLeaseId(String license) {
        byte[] random = new byte[16];
        RANDOM.nextBytes(random);
        return license + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }
}
