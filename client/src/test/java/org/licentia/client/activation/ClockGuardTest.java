package org.licentia.client.activation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClockGuardTest {

    private static final Instant NOON = Instant.parse("2026-03-01T12:00:00Z");

    @TempDir
    Path dir;

    @Test
    void recordsLaterTimesAndRefusesEarlierOnes() {
        ClockGuard clock = Installation.open(dir).clock();
        assertEquals(Optional.empty(), clock.latestSeen());
        clock.check(NOON);
        clock.check(NOON.plus(Duration.ofHours(3)));
        assertEquals(Optional.of(NOON.plus(Duration.ofHours(3))), clock.latestSeen());

        ClockRolledBackException e = assertThrows(ClockRolledBackException.class, () -> clock.check(NOON));
        assertEquals(NOON, e.now());
        assertEquals(NOON.plus(Duration.ofHours(3)), e.latestSeen());
        assertEquals(Optional.of(NOON.plus(Duration.ofHours(3))), clock.latestSeen(), "a refused time is not recorded");
    }

    @Test
    void letsThroughASmallStepBackWithoutRecordingIt() {
        ClockGuard clock = Installation.open(dir).clock();
        clock.check(NOON);
        clock.check(NOON.minus(ClockGuard.TOLERANCE));
        assertEquals(Optional.of(NOON), clock.latestSeen());
        assertThrows(
                ClockRolledBackException.class,
                () -> clock.check(NOON.minus(ClockGuard.TOLERANCE).minusSeconds(1)));
    }

    @Test
    void remembersAcrossRuns() {
        Installation.open(dir).clock().check(NOON);
        ClockGuard later = Installation.open(dir).clock();
        assertEquals(Optional.of(NOON), later.latestSeen());
        assertThrows(ClockRolledBackException.class, () -> later.check(NOON.minus(Duration.ofDays(1))));
        later.check(NOON.plusSeconds(1));
        assertEquals(
                Optional.of(NOON.plusSeconds(1)), Installation.open(dir).clock().latestSeen());
    }

    @Test
    void anEditedRecordIsAnErrorNotAFreshStart() throws IOException {
        ClockGuard clock = Installation.open(dir).clock();
        clock.check(NOON);
        Files.writeString(dir.resolve(ClockGuard.FILE), "yesterday\n");
        assertThrows(UncheckedIOException.class, () -> clock.check(NOON));
    }
}
