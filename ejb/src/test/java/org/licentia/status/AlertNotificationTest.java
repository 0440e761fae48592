package org.licentia.status;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.licentia.status.entity.AlertNotification;

class AlertNotificationTest {

    private static final Instant NOW = Instant.parse("2026-11-29T08:00:00Z");

    @Test
    void eachRetryWaitsTwiceAsLongUpToAnHourThenItIsGivenUp() {
        AlertNotification n = new AlertNotification(1L, "STARTED", "{}", NOW);
        n.failed("HTTP 503", NOW, Duration.ofSeconds(10), 20);
        assertEquals(NOW.plusSeconds(10), n.nextAttemptAt());
        n.failed("HTTP 503", NOW, Duration.ofSeconds(10), 20);
        assertEquals(NOW.plusSeconds(20), n.nextAttemptAt());
        n.failed("HTTP 503", NOW, Duration.ofSeconds(10), 20);
        assertEquals(NOW.plusSeconds(40), n.nextAttemptAt());
        for (int i = 0; i < 12; i++) {
            n.failed("HTTP 503", NOW, Duration.ofSeconds(10), 20);
        }
        assertEquals(NOW.plus(Duration.ofHours(1)), n.nextAttemptAt(), "never more than an hour");
        assertEquals(AlertNotification.PENDING, n.state());
        for (int i = 0; i < 5; i++) {
            n.failed("timed out", NOW, Duration.ofSeconds(10), 20);
        }
        assertEquals(AlertNotification.FAILED, n.state());
        assertEquals(20, n.attempts());
        assertEquals("timed out", n.lastError());
    }

    @Test
    void aDeliveryEndsTheRetries() {
        AlertNotification n = new AlertNotification(1L, "ENDED", "{}", NOW);
        n.failed("refused", NOW, Duration.ofSeconds(1), 3);
        n.delivered(NOW);
        assertEquals(AlertNotification.DELIVERED, n.state());
        assertEquals(2, n.attempts());
    }
}
