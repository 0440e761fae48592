package org.licentia.client.seat;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.licentia.client.http.ServerStandIn.Answer;

/** Heartbeats, loss and release against a stand-in server whose leases last seconds and want a heartbeat every second. */
class FloatingSeatTest {

    /** What the listener was told, when. */
    record Loss(Lease lastLease, RuntimeException cause, Instant at) {}

    private SeatServerStandIn server;
    private SeatClient seats;
    private final BlockingQueue<Loss> losses = new LinkedBlockingQueue<>();
    private final SeatLossListener listener = (lease, cause) -> losses.add(new Loss(lease, cause, Instant.now()));

    @BeforeEach
    void start() throws IOException {
        server = new SeatServerStandIn();
        seats = new SeatClient(server.url.toString(), SeatServerStandIn.TOKEN);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private static void await(BooleanSupplier condition, Duration within) throws InterruptedException {
        Instant deadline = Instant.now().plus(within);
        while (!condition.getAsBoolean()) {
            assertTrue(Instant.now().isBefore(deadline), "not within " + within);
            Thread.sleep(50);
        }
    }

    private int heartbeats() {
        return server.requests("POST", "/heartbeat").size();
    }

    @Test
    void renewsEveryIntervalAndReleasesOnceOnClose() throws Exception {
        FloatingSeat seat = seats.hold("96023021", ClientIdentity.of("alice"), listener);
        Instant firstExpiry = seat.lease().expiresAt();
        assertTrue(seat.isHeld());

        await(() -> heartbeats() >= 2, Duration.ofSeconds(5));
        assertTrue(seat.lease().expiresAt().isAfter(firstExpiry), "the renewed lease is kept");

        seat.close();
        seat.close();
        assertFalse(seat.isHeld());
        assertEquals(
                List.of("DELETE"),
                server.requests("DELETE", "/api/v1/seats/96023021.alice").stream()
                        .map(SeatServerStandIn.Request::method)
                        .toList());
        int afterClose = heartbeats();
        Thread.sleep(1500);
        assertEquals(afterClose, heartbeats(), "no heartbeat after close");
        assertNull(losses.poll(), "closing is no loss");
        assertThrows(IllegalStateException.class, seat::renew);
    }

    @Test
    void aLeaseTheServerEndedIsLostOnceAndNotReleased() throws Exception {
        server.heartbeat = request -> Answer.problem(
                410,
                "LEASE_ENDED",
                "Lease 96023021.bob was revoked",
                "{\"lease\":\"96023021.bob\",\"reason\":\"revoked\"}");
        FloatingSeat seat = seats.hold("96023021", ClientIdentity.of("bob"), listener);

        Loss loss = losses.poll(5, TimeUnit.SECONDS);
        SeatException ended = assertInstanceOf(SeatException.class, loss.cause());
        assertEquals(SeatException.LEASE_ENDED, ended.code());
        assertEquals("revoked", ended.details().get("reason"));
        assertEquals("96023021.bob", loss.lastLease().id());
        assertFalse(seat.isHeld());

        Thread.sleep(1500);
        assertEquals(1, heartbeats(), "no heartbeat after the loss");
        assertNull(losses.poll(), "told once");
        seat.close();
        assertTrue(server.requests("DELETE", "/api/v1/seats/96023021.bob").isEmpty());
    }

    @Test
    void anUnreachableServerCostsTheSeatOnlyOnceTheLeaseExpired() throws Exception {
        server.ttl = Duration.ofMillis(2500);
        FloatingSeat seat = seats.hold("96023021", ClientIdentity.of("carol"), listener);
        Instant expiry = seat.lease().expiresAt();
        server.close();

        Thread.sleep(1200);
        assertTrue(seat.isHeld(), "a missed heartbeat is no loss");
        Loss loss = losses.poll(5, TimeUnit.SECONDS);
        assertInstanceOf(SeatServerUnreachableException.class, loss.cause());
        assertFalse(loss.at().isBefore(expiry), "lost at " + loss.at() + ", before the expiry " + expiry);
        assertTrue(
                Duration.between(expiry, loss.at()).toMillis() < 1000,
                "lost soon after the expiry, not a whole interval later");
        assertFalse(seat.isHeld());
        assertDoesNotThrow(seat::close);
    }

    @Test
    void aServerErrorIsRetriedAndTheSeatKeptWhenARenewalGetsThrough() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        var renew = server.heartbeat;
        server.heartbeat = request -> calls.incrementAndGet() == 1
                ? new Answer(503, "text/html", "<h1>Service Unavailable</h1>")
                : renew.apply(request);
        FloatingSeat seat = seats.hold("96023021", ClientIdentity.of("dave"), listener);

        await(() -> calls.get() >= 3, Duration.ofSeconds(5));
        assertTrue(seat.isHeld());
        assertNull(losses.poll());
        seat.close();
    }

    @Test
    void renewNowLosesTheSeatWhenTheTokenWasRevoked() {
        FloatingSeat seat = seats.hold("96023021", ClientIdentity.of("erin"), listener);
        server.heartbeat = request -> Answer.problem(401, "INVALID_CLIENT_TOKEN", "The client token was revoked", null);
        SeatException refused = assertThrows(SeatException.class, seat::renew);
        assertEquals(SeatException.INVALID_CLIENT_TOKEN, refused.code());
        assertFalse(seat.isHeld());
        assertEquals(1, losses.size());
    }

    @Test
    void closeAcceptsALeaseThatAlreadyEndedButReportsOtherFailures() {
        server.release = request -> Answer.problem(410, "LEASE_ENDED", "Lease expired", "{\"reason\":\"expired\"}");
        FloatingSeat ended = seats.hold("96023021", ClientIdentity.of("frank"), listener);
        assertDoesNotThrow(ended::close);

        server.release = request -> new Answer(500, "text/html", "<h1>Oops</h1>");
        FloatingSeat failing = seats.hold("96023021", ClientIdentity.of("grace"), listener);
        SeatException failed = assertThrows(SeatException.class, failing::close);
        assertEquals(500, failed.status());
        assertFalse(failing.isHeld());
        assertDoesNotThrow(failing::close, "closed anyway: the second close does nothing");
    }
}
