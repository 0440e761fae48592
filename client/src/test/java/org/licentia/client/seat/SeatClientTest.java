package org.licentia.client.seat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import java.io.IOException;
import java.io.StringReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.licentia.client.http.ServerStandIn.Answer;

class SeatClientTest {

    private SeatServerStandIn server;
    private SeatClient seats;

    @BeforeEach
    void start() throws IOException {
        server = new SeatServerStandIn();
        seats = new SeatClient(server.url + "/", SeatServerStandIn.TOKEN);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private static jakarta.json.JsonObject json(String text) {
        return Json.createReader(new StringReader(text)).readObject();
    }

    @Test
    void reserveSendsTheIdentityWithTheTokenAndHandsOutTheCheckedLease() {
        Lease lease = seats.reserve("96023021", new ClientIdentity("alice4711", "ws-17", "alice"));
        assertEquals("96023021.alice4711", lease.id());
        assertEquals("96023021", lease.license());
        var reserve = server.requests("POST", "/api/v1/seats").get(0);
        assertEquals("Bearer " + SeatServerStandIn.TOKEN, reserve.authorization());
        assertEquals(
                json("{\"license\":\"96023021\",\"client\":\"alice4711\",\"host\":\"ws-17\",\"user\":\"alice\"}"),
                reserve.json());
    }

    @Test
    void byProductSendsOnlyWhatIsGiven() {
        seats.reserveByProduct("qt", null, ClientIdentity.of("bob"));
        assertEquals(
                json("{\"product\":\"qt\",\"client\":\"bob\"}"),
                server.requests("POST", "/api/v1/seats").get(0).json());
        seats.borrowByProduct("qt", "designer", ClientIdentity.of("bob"), 3);
        assertEquals(
                json("{\"product\":\"qt\",\"feature\":\"designer\",\"client\":\"bob\",\"days\":3}"),
                server.requests("POST", "/api/v1/seats/borrow").get(0).json());
    }

    @Test
    void borrowSendsTheDaysAndGetsABorrowedLease() {
        Lease lease = seats.borrow("96023021", ClientIdentity.of("laptop"), 5);
        assertTrue(lease.borrowed());
        assertEquals(
                5, server.requests("POST", "/api/v1/seats/borrow").get(0).json().getInt("days"));
    }

    @Test
    void heartbeatAndReleaseNameTheLease() {
        Lease lease = seats.reserve("96023021", ClientIdentity.of("carol"));
        Lease renewed = seats.heartbeat(lease.id());
        assertFalse(renewed.expiresAt().isBefore(lease.expiresAt()));
        seats.release(lease.id());
        assertEquals(
                1,
                server.requests("POST", "/api/v1/seats/96023021.carol/heartbeat")
                        .size());
        assertEquals(
                1, server.requests("DELETE", "/api/v1/seats/96023021.carol").size());
    }

    @Test
    void keysAreFetchedOnceAndAgainOnlyForAKeyNotSeenBefore() {
        seats.reserve("96023021", ClientIdentity.of("a"));
        seats.reserve("96023021", ClientIdentity.of("b"));
        assertEquals(1, server.requests("GET", "/api/v1/seats/keys").size());
        assertEquals(1, seats.keys().size());

        server.signer = new LeaseSigner("2026-12");
        Lease signedByTheNewKey = seats.reserve("96023021", ClientIdentity.of("c"));
        assertEquals("2026-12", signedByTheNewKey.document().keyId());
        assertEquals(2, server.requests("GET", "/api/v1/seats/keys").size());
    }

    @Test
    void refusesALeaseSignedByAKeyTheServerDoesNotList() {
        seats.keys();
        LeaseSigner listed = server.signer;
        server.keys = listed::keysJson;
        server.signer = new LeaseSigner("2026-11");
        assertThrows(LeaseSignatureException.class, () -> seats.reserve("96023021", ClientIdentity.of("a")));
    }

    @Test
    void aRefusalCarriesTheProblem() {
        server.heartbeat = request -> Answer.problem(
                410,
                "LEASE_ENDED",
                "Lease 96023021.x was revoked",
                "{\"lease\":\"96023021.x\",\"reason\":\"revoked\"}");
        SeatException ended = assertThrows(SeatException.class, () -> seats.heartbeat("96023021.x"));
        assertEquals(410, ended.status());
        assertEquals(SeatException.LEASE_ENDED, ended.code());
        assertEquals("revoked", ended.details().get("reason"));

        SeatException token = assertThrows(
                SeatException.class,
                () -> new SeatClient(server.url.toString(), "lct_wrong.token")
                        .reserve("96023021", ClientIdentity.of("a")));
        assertEquals(SeatException.INVALID_CLIENT_TOKEN, token.code());
        assertEquals(401, token.status());
    }

    @Test
    void anUnreachableServerIsAnIoFailure() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        SeatServerUnreachableException down = assertThrows(
                SeatServerUnreachableException.class,
                () -> new SeatClient("http://127.0.0.1:" + port, SeatServerStandIn.TOKEN)
                        .reserve("96023021", ClientIdentity.of("a")));
        assertInstanceOf(IOException.class, down.getCause());
        assertTrue(
                down.getMessage().startsWith("cannot reach the Licentia server at http://127.0.0.1:" + port + ": "),
                down.getMessage());
    }

    @Test
    void refusesUnusableSettingsBeforeAnyRequest() {
        assertThrows(IllegalArgumentException.class, () -> new SeatClient("localhost:8080", "t"));
        assertThrows(IllegalArgumentException.class, () -> new SeatClient("http://localhost:8080", " "));
        assertThrows(IllegalArgumentException.class, () -> ClientIdentity.of(""));
    }
}
