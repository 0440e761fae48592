package org.licentia.seats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.licentia.seats.entity.ClientIdentity;
import org.licentia.seats.entity.SeatLease;
import org.licentia.seats.entity.SeatPool;
import org.licentia.seats.entity.SeatTerms;

class SeatPoolTest {

    private static final Instant NOW = Instant.parse("2026-11-22T12:00:00Z");
    private static final Duration TTL = Duration.ofMinutes(10);
    private final AtomicInteger ids = new AtomicInteger();

    private static SeatTerms terms(int seats, int hostsQuota, LocalDate expires) {
        return new SeatTerms(
                "96023021",
                "cloud",
                List.of("designer"),
                seats,
                hostsQuota,
                expires,
                null,
                hostsQuota > 0 ? "hosts" : "seats",
                hostsQuota > 0 ? hostsQuota : seats,
                false);
    }

    private static ClientIdentity client(String name, String host) {
        return new ClientIdentity(name, host, null, "token");
    }

    private SeatPool.Decision reserve(SeatPool pool, SeatTerms terms, ClientIdentity who, Instant now) {
        return pool.reserve(
                terms,
                who,
                now,
                LocalDate.ofInstant(now, ZoneOffset.UTC),
                TTL,
                null,
                () -> "96023021.lease" + ids.incrementAndGet());
    }

    @Test
    void grantsUpToTheSeatAmountAndSaysWhyNotThen() {
        SeatPool pool = SeatPool.empty("96023021");
        SeatTerms terms = terms(2, 0, null);
        pool = reserve(pool, terms, client("a", "h1"), NOW).pool();
        pool = reserve(pool, terms, client("b", "h2"), NOW.plusSeconds(5)).pool();
        SeatPool.Decision third = reserve(pool, terms, client("c", "h3"), NOW.plusSeconds(6));
        assertEquals(SeatPool.Denial.NO_SEAT, third.denial());
        assertEquals(2, third.seatsInUse());
        assertEquals(NOW.plus(TTL), third.pool().nextExpiry().orElseThrow());
    }

    @Test
    void theSameClientGetsItsLeaseBackRenewedNeverASecondSeat() {
        SeatTerms terms = terms(5, 0, null);
        SeatPool.Decision first = reserve(SeatPool.empty("96023021"), terms, client("a", "h1"), NOW);
        SeatPool.Decision again = reserve(first.pool(), terms, client("a", "h1"), NOW.plusSeconds(60));
        assertTrue(first.created());
        assertFalse(again.created());
        assertEquals(first.lease().id(), again.lease().id());
        assertEquals(NOW.plusSeconds(60).plus(TTL), again.lease().expiresAt());
        assertEquals(1, again.seatsInUse());
    }

    @Test
    void expiredLeasesFreeTheirSeatsForNewClients() {
        SeatTerms terms = terms(1, 0, null);
        SeatPool pool = reserve(SeatPool.empty("96023021"), terms, client("a", "h1"), NOW)
                .pool();
        SeatPool.Decision later =
                reserve(pool, terms, client("b", "h2"), NOW.plus(TTL).plusSeconds(1));
        assertNull(later.denial());
        assertEquals(1, later.expired().size());
        assertEquals("a", later.expired().get(0).client());
        assertEquals(1, later.seatsInUse());
    }

    @Test
    void anExpiredLicenseGivesNoSeat() {
        SeatPool.Decision d =
                reserve(SeatPool.empty("96023021"), terms(5, 0, LocalDate.of(2026, 11, 21)), client("a", "h"), NOW);
        assertEquals(SeatPool.Denial.EXPIRED, d.denial());
    }

    @Test
    void aHostsQuotaCountsDistinctHosts() {
        SeatTerms terms = terms(10, 2, null);
        SeatPool pool = SeatPool.empty("96023021");
        pool = reserve(pool, terms, client("a", "h1"), NOW).pool();
        pool = reserve(pool, terms, client("b", "h1"), NOW).pool();
        pool = reserve(pool, terms, client("c", "h2"), NOW).pool();
        SeatPool.Decision onThirdHost = reserve(pool, terms, client("d", "h3"), NOW);
        assertEquals(SeatPool.Denial.QUOTA_EXCEEDED, onThirdHost.denial());
        assertEquals(2, onThirdHost.hostsInUse());
        assertNull(reserve(pool, terms, client("e", "h2"), NOW).denial());
        SeatLease a = pool.leases().stream()
                .filter(l -> l.client().equals("a"))
                .findFirst()
                .orElseThrow();
        SeatLease b = pool.leases().stream()
                .filter(l -> l.client().equals("b"))
                .findFirst()
                .orElseThrow();
        SeatPool withoutH1 =
                pool.end(a.id()).orElseThrow().pool().end(b.id()).orElseThrow().pool();
        assertNull(reserve(withoutH1, terms, client("d", "h3"), NOW).denial());
    }

    @Test
    void heartbeatRenewsALiveLeaseAndRemovesAnExpiredOne() {
        SeatTerms terms = terms(1, 0, null);
        SeatLease lease = reserve(SeatPool.empty("96023021"), terms, client("a", "h"), NOW)
                .lease();
        SeatPool pool = reserve(SeatPool.empty("96023021"), terms, client("a", "h"), NOW)
                .pool();
        lease = pool.leases().iterator().next();
        SeatPool.Decision renewed =
                pool.heartbeat(lease.id(), "token", NOW.plusSeconds(300), TTL).orElseThrow();
        assertEquals(NOW.plusSeconds(300).plus(TTL), renewed.lease().expiresAt());
        SeatPool.Decision late = pool.heartbeat(
                        lease.id(), "token", NOW.plus(TTL).plusSeconds(1), TTL)
                .orElseThrow();
        assertEquals(SeatPool.Denial.LEASE_EXPIRED, late.denial());
        assertTrue(late.pool().isEmpty());
        assertTrue(pool.heartbeat("96023021.unknown", "token", NOW, TTL).isEmpty());
    }

    @Test
    void aBorrowedLeaseKeepsItsExpiryAtHeartbeatAndAReleaseEndsIt() {
        SeatTerms terms = terms(1, 0, null);
        Instant until = NOW.plus(Duration.ofDays(3));
        SeatPool.Decision borrowed = SeatPool.empty("96023021")
                .reserve(
                        terms,
                        client("laptop", "h"),
                        NOW,
                        LocalDate.ofInstant(NOW, ZoneOffset.UTC),
                        TTL,
                        until,
                        () -> "96023021.b");
        assertTrue(borrowed.lease().borrowed());
        assertEquals(
                until,
                borrowed.pool()
                        .heartbeat("96023021.b", "token", NOW.plusSeconds(10), TTL)
                        .orElseThrow()
                        .lease()
                        .expiresAt());
        SeatPool.Decision released = borrowed.pool().end("96023021.b", "token").orElseThrow();
        assertNull(released.toStore());
        assertTrue(released.pool().end("96023021.b").isEmpty());
    }

    @Test
    void aLeaseBelongsToTheClientTokenThatTookIt() {
        SeatTerms terms = terms(5, 0, null);
        SeatPool.Decision mine = reserve(SeatPool.empty("96023021"), terms, client("a", "h1"), NOW);
        String id = mine.lease().id();
        assertTrue(mine.pool()
                .heartbeat(id, "other-token", NOW.plusSeconds(5), TTL)
                .isEmpty());
        assertTrue(mine.pool().end(id, "other-token").isEmpty());
        assertTrue(mine.pool().heartbeat(id, "token", NOW.plusSeconds(5), TTL).isPresent());
        // an administrator's revocation names no token
        assertTrue(mine.pool().end(id).isPresent());
        // the same client ID under another token is another client, with a seat of its own
        SeatPool.Decision theirs = reserve(mine.pool(), terms, new ClientIdentity("a", "h1", null, "other-token"), NOW);
        assertTrue(theirs.created());
        assertEquals(2, theirs.seatsInUse());
    }

    @Test
    void theLicenseIsReadFromTheLeaseId() {
        assertEquals("96023021", SeatLease.licenseOf("96023021.q0Vw"));
        assertNull(SeatLease.licenseOf("9602302.q0Vw"));
        assertNull(SeatLease.licenseOf("garbage"));
        assertNull(SeatLease.licenseOf(null));
    }
}
