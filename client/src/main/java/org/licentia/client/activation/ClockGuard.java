package org.licentia.client.activation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * Notices a clock set back to stretch a time-limited license: the installation records the latest
 * time it has seen (file {@code latest-time}, an ISO-8601 instant) and refuses a time more than
 * {@link #TOLERANCE} before it.
 *
 * <p>The tolerance lets through what honest clocks do: NTP stepping a fast clock back, a virtual
 * machine resumed from a snapshot a little behind, two processes reading the clock in a different
 * order. It is a tripwire, not a proof: whoever deletes the file starts afresh, so a decision that
 * matters should also rest on a time the server signed.
 */
public final class ClockGuard {

    public static final Duration TOLERANCE = Duration.ofMinutes(5);
    static final String FILE = "latest-time";

    private final Path directory;

    ClockGuard(Path directory) {
        this.directory = directory;
    }

    /**
     * Accepts {@code now} and records it if it is the latest time seen so far.
     *
     * @throws ClockRolledBackException when {@code now} is more than {@link #TOLERANCE} before the latest time seen; nothing is recorded then
     * @throws UncheckedIOException when the record cannot be read or written
     */
    public void check(Instant now) {
        try {
            Installation.locked(directory, () -> {
                Optional<Instant> latest = read();
                if (latest.isPresent() && now.isBefore(latest.get().minus(TOLERANCE))) {
                    throw new ClockRolledBackException(latest.get(), now);
                }
                if (latest.isEmpty() || now.isAfter(latest.get())) {
                    Installation.replace(directory.resolve(FILE), now + "\n");
                }
                return null;
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the latest time in " + directory + ": " + e.getMessage(), e);
        }
    }

    /** The latest time recorded, empty before the first {@link #check(Instant)}. */
    public Optional<Instant> latestSeen() {
        try {
            return Installation.locked(directory, this::read);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Optional<Instant> read() throws IOException {
        Path file = directory.resolve(FILE);
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        String text = Files.readString(file, StandardCharsets.US_ASCII).strip();
        try {
            return Optional.of(Instant.parse(text));
        } catch (DateTimeParseException e) {
            // Written whole or not at all, so this is an edit: not silently taken as "never seen a time".
            throw new IOException(file + " does not hold a time: " + text, e);
        }
    }
}
