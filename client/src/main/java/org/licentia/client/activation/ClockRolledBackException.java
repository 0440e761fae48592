package org.licentia.client.activation;

import java.time.Instant;

/** The computer's clock shows a time before one this installation has already seen: it was set back. */
public class ClockRolledBackException extends RuntimeException {

    private final Instant latestSeen;
    private final Instant now;

    ClockRolledBackException(Instant latestSeen, Instant now) {
        super("the clock shows " + now + ", but this installation has already seen " + latestSeen
                + ": set the clock right to go on");
        this.latestSeen = latestSeen;
        this.now = now;
    }

    public Instant latestSeen() {
        return latestSeen;
    }

    public Instant now() {
        return now;
    }
}
