package org.licentia.client.seat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Map;
import org.junit.jupiter.api.Test;

class SeatExceptionTest {

    private static final String URL = "http://licentia.example/api/v1/seats";

    @Test
    void readsCodeDetailAndDetailsOfAProblem() {
        SeatException e = SeatException.from(409, "application/problem+json", """
                {"type":"https://licentia.org/problems/no-seat-available","title":"No seat available","status":409,
                 "code":"NO_SEAT_AVAILABLE","detail":"All 3 seats of license 96023021 are leased",
                 "details":{"license":"96023021","seatsInUse":3,"seats":"3","nextExpiry":"2026-11-22T14:10:00Z"}}""", URL);
        assertEquals(409, e.status());
        assertEquals(SeatException.NO_SEAT_AVAILABLE, e.code());
        assertEquals("All 3 seats of license 96023021 are leased", e.detail());
        assertEquals(
                Map.of("license", "96023021", "seatsInUse", "3", "seats", "3", "nextExpiry", "2026-11-22T14:10:00Z"),
                e.details());
        assertEquals("All 3 seats of license 96023021 are leased [NO_SEAT_AVAILABLE]", e.getMessage());
    }

    @Test
    void takesTheTitleWhenThereIsNoDetail() {
        SeatException e = SeatException.from(
                401,
                "application/problem+json; charset=UTF-8",
                "{\"title\":\"Invalid client token\",\"status\":401,\"code\":\"INVALID_CLIENT_TOKEN\"}",
                URL);
        assertEquals("Invalid client token", e.detail());
        assertEquals(Map.of(), e.details());
    }

    @Test
    void namesStatusAndUrlWhenTheAnswerIsNoProblem() {
        SeatException html = SeatException.from(502, "text/html", "<h1>Bad Gateway</h1>", URL);
        assertNull(html.code());
        assertNull(html.detail());
        assertEquals("HTTP 502 from " + URL, html.getMessage());

        assertEquals(
                "HTTP 500 from " + URL,
                SeatException.from(500, "application/json", "{not json", URL).getMessage());
        assertEquals(
                "HTTP 503 from " + URL, SeatException.from(503, null, "", URL).getMessage());
    }
}
