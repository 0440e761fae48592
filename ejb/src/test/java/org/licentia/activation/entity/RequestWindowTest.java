package org.licentia.activation.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RequestWindowTest {

    private static final Instant T0 = Instant.parse("2026-11-28T12:00:59Z");

    @Test
    void aMinutesBoundaryGivesNoFreshAllowance() {
        RequestWindow window = new RequestWindow(Duration.ofMinutes(1));
        for (int i = 0; i < 20; i++) {
            assertEquals(0, window.admit("10.0.0.1", 20, T0.plusMillis(i * 10)));
        }
        // one second later a new calendar minute has begun; the window still holds the twenty
        assertEquals(59, window.admit("10.0.0.1", 20, T0.plusSeconds(1)));
        assertEquals(0, window.admit("10.0.0.2", 20, T0.plusSeconds(1)), "another address has its own window");
        assertEquals(
                0,
                window.admit("10.0.0.1", 20, T0.plusSeconds(60).plusMillis(1)),
                "the first request has left the window");
        assertEquals(1, window.admit("10.0.0.1", 20, T0.plusSeconds(60).plusMillis(2)));
    }

    @Test
    void refusedRequestsDoNotCountAndQuietAddressesAreForgotten() {
        RequestWindow window = new RequestWindow(Duration.ofSeconds(10));
        assertEquals(0, window.admit("a", 1, T0));
        for (int i = 1; i < 100; i++) {
            assertEquals(10, window.admit("a", 1, T0.plusMillis(i)));
        }
        assertEquals(0, window.admit("a", 1, T0.plusSeconds(10).plusMillis(1)), "refusals did not extend the wait");
        window.admit("b", 1, T0.plusSeconds(10).plusMillis(2));
        assertEquals(2, window.addresses());
        window.admit("c", 1, T0.plusSeconds(30));
        assertEquals(1, window.addresses(), "a and b were quiet for a whole window");
    }
}
