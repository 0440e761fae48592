package org.licentia.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.licentia.client.seat.ClientIdentity;
import org.licentia.client.seat.FloatingSeat;
import org.licentia.client.seat.Lease;
import org.licentia.client.seat.SeatClient;
import org.licentia.client.seat.SeatException;
import org.licentia.client.seat.SeatKey;

/**
 * The Java client library against the real server, as an application uses it: hold a seat while
 * working, be told when it is taken away, borrow one for the road. Every lease it hands out has
 * passed its signature check against the server's published keys.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SeatClientIT {

    private static Customer customer;
    private static String manager;
    private static String tokenName;
    private static SeatClient seats;

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.licentiaEar();
    }

    /** One account and client token per class, made once the deployment is up; each test hosts licenses of its own. */
    @BeforeEach
    void customer() {
        if (customer == null) {
            customer = Customer.create("Seat Client");
            manager = customer.user("manager", "license-manager");
            tokenName = "seat-client-" + Api.uniqueNumber();
            seats = new SeatClient(Api.BASE, OwnInstance.clientToken(tokenName));
        }
    }

    @Test
    void aHeldSeatIsListedUntilClosed() {
        String license = OwnInstance.host(customer, manager, 2);
        FloatingSeat seat = seats.hold(license, new ClientIdentity("it-alice@ws-1/4711", "ws-1", "alice"));
        try (seat) {
            assertTrue(seat.isHeld());
            Lease lease = seat.lease();
            assertEquals(license, lease.license());
            assertEquals("it-alice@ws-1/4711", lease.client());
            assertEquals("ws-1", lease.host());
            assertEquals("alice", lease.user());
            assertEquals(tokenName, lease.tokenName());
            assertFalse(lease.borrowed());
            assertTrue(lease.heartbeatSeconds() > 0);
            assertTrue(lease.expiresAt().isAfter(Instant.now()));
            assertEquals(license, lease.document().text("license"));
            assertEquals(List.of(lease.id()), OwnInstance.leaseIds(license));

            Lease renewed = seat.renew();
            assertEquals(lease.id(), renewed.id());
            assertFalse(renewed.expiresAt().isBefore(lease.expiresAt()));
        }
        assertFalse(seat.isHeld());
        assertEquals(List.of(), OwnInstance.leaseIds(license));
        seat.close();
    }

    @Test
    void reservingAgainGivesTheSameLeaseAndAFullLicenseSaysWhy() {
        String license = OwnInstance.host(customer, manager, 1);
        Lease first = seats.reserve(license, ClientIdentity.of("it-first"));
        assertEquals(
                first.id(),
                seats.reserve(license, ClientIdentity.of("it-first")).id());

        SeatException full =
                assertThrows(SeatException.class, () -> seats.reserve(license, ClientIdentity.of("it-second")));
        assertEquals(SeatException.NO_SEAT_AVAILABLE, full.code());
        assertEquals(409, full.status());
        assertEquals(license, full.details().get("license"));
        assertEquals("1", full.details().get("seats"));
        seats.release(first.id());
    }

    @Test
    void theListenerIsToldOnceTheAdministratorRevokedTheLease() throws Exception {
        String license = OwnInstance.host(customer, manager, 1);
        CompletableFuture<RuntimeException> lost = new CompletableFuture<>();
        try (FloatingSeat seat =
                seats.hold(license, ClientIdentity.of("it-revoked"), (lease, cause) -> lost.complete(cause))) {
            assertEquals(
                    204,
                    Api.admin()
                            .delete("/api/v1/reservations/" + seat.lease().id())
                            .status());

            // Renewing now rather than waiting heartbeatSeconds (a third of the 10-minute lease time-to-live) for the
            // background heartbeat, which FloatingSeatTest covers against a stand-in server.
            SeatException ended = assertThrows(SeatException.class, seat::renew);
            assertEquals(SeatException.LEASE_ENDED, ended.code());
            assertEquals(410, ended.status());
            assertEquals("revoked", ended.details().get("reason"));
            assertSame(ended, lost.get(5, TimeUnit.SECONDS));
            assertFalse(seat.isHeld());
        }
        Lease next = seats.reserve(license, ClientIdentity.of("it-next"));
        assertEquals(List.of(next.id()), OwnInstance.leaseIds(license), "the revoked seat is free again");
        seats.release(next.id());
    }

    @Test
    void aBorrowedLeaseLastsItsDaysAndCanBeCheckedOffline() {
        String license = OwnInstance.host(customer, manager, 2);
        Lease borrowed = seats.borrow(license, ClientIdentity.of("it-laptop"), 3);
        assertTrue(borrowed.borrowed());
        Duration lent = Duration.between(Instant.now(), borrowed.expiresAt());
        assertTrue(
                lent.compareTo(Duration.ofDays(3).minusHours(1)) > 0
                        && lent.compareTo(Duration.ofDays(3).plusHours(1)) < 0,
                lent.toString());

        List<SeatKey> keys = seats.keys();
        assertFalse(keys.isEmpty());
        keys.forEach(k -> assertEquals("Ed25519", k.algorithm()));
        Lease offline = Lease.parse(borrowed.json(), keys);
        assertEquals(borrowed.id(), offline.id());
        assertEquals(borrowed.expiresAt(), offline.expiresAt());

        JsonObject listed = OwnInstance.leases(license).get(0);
        assertEquals(borrowed.id(), listed.getString("id"));
        assertTrue(listed.getBoolean("borrowed"));

        SeatException tooLong =
                assertThrows(SeatException.class, () -> seats.borrow(license, ClientIdentity.of("it-laptop-2"), 365));
        assertEquals(SeatException.BORROW_TOO_LONG, tooLong.code());
        assertEquals(400, tooLong.status());

        seats.release(borrowed.id());
        assertEquals(List.of(), OwnInstance.leaseIds(license));
    }

    @Test
    void refusalsAreTyped() {
        String license = OwnInstance.host(customer, manager, 1);
        SeatException badToken = assertThrows(
                SeatException.class,
                () -> new SeatClient(Api.BASE, "lct_nope.nope").reserve(license, ClientIdentity.of("it-x")));
        assertEquals(SeatException.INVALID_CLIENT_TOKEN, badToken.code());
        assertEquals(401, badToken.status());

        SeatException notHosted =
                assertThrows(SeatException.class, () -> seats.reserve("00000007", ClientIdentity.of("it-x")));
        assertEquals(SeatException.LICENSE_NOT_HOSTED, notHosted.code());
        assertEquals(404, notHosted.status());

        SeatException noLease = assertThrows(SeatException.class, () -> seats.heartbeat(license + ".no-such-lease"));
        assertEquals(SeatException.LEASE_NOT_FOUND, noLease.code());
        assertEquals(404, noLease.status());
    }
}
