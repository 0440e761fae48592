package org.licentia.client.seat;

import java.lang.System.Logger.Level;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A seat held for as long as the application runs: the lease is renewed in the background every
 * {@link Lease#heartbeatSeconds()} and released by {@link #close()}, so try-with-resources fits.
 *
 * <p>The seat is lost, and the listener told once, when the server says the lease is gone
 * ({@code LEASE_ENDED} after a revocation, a deregistration or a sync; {@code LEASE_NOT_FOUND}) or
 * the client token no longer works. A renewal that fails for want of an answer (network down,
 * server restarting, a 5xx) is not a loss: it is tried again at the next interval, and sooner, at
 * the lease's expiry, if that comes first; only when the lease has expired without a confirmed
 * renewal is the seat lost, since by then the server may have given it to someone else.
 */
public final class FloatingSeat implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(FloatingSeat.class.getName());

    /** Statuses that say "not now" rather than "no": the request may well succeed when repeated. */
    private static final Set<Integer> TRANSIENT_CLIENT_STATUSES = Set.of(408, 425, 429);

    /** However odd the server's advice, renewals never come back to back. */
    private static final Duration MIN_INTERVAL = Duration.ofSeconds(1);

    private enum State {
        HELD,
        LOST,
        CLOSED
    }

    private final SeatClient seats;
    private final SeatLossListener onLoss;
    private final ScheduledExecutorService heartbeats;
    private final Object lock = new Object();
    private Lease lease;
    private State state = State.HELD;

    FloatingSeat(SeatClient seats, Lease lease, SeatLossListener onLoss) {
        this.seats = seats;
        this.lease = lease;
        this.onLoss = onLoss;
        this.heartbeats = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "licentia-seat-heartbeat " + lease.id());
            thread.setDaemon(true);
            return thread;
        });
        scheduleNextBeat(false);
    }

    /** The lease as last confirmed by the server. */
    public Lease lease() {
        synchronized (lock) {
            return lease;
        }
    }

    /** True until the seat is lost or closed, and never past the last confirmed expiry. */
    public boolean isHeld() {
        synchronized (lock) {
            return state == State.HELD && Instant.now().isBefore(lease.expiresAt());
        }
    }

    /**
     * Renews the lease now rather than at the next heartbeat, e.g. after the machine woke from sleep
     * or before work that must not run without a seat. Failures count as at a heartbeat: a refusal
     * loses the seat (and tells the listener), a missing answer does so only past the expiry.
     *
     * @throws IllegalStateException when the seat was already lost or closed
     */
    public Lease renew() {
        Lease current;
        synchronized (lock) {
            if (state != State.HELD) {
                throw new IllegalStateException(
                        "the seat of lease " + lease.id() + " is no longer held (" + state + ")");
            }
            current = lease;
        }
        try {
            Lease renewed = seats.heartbeat(current.id());
            synchronized (lock) {
                if (state == State.HELD) {
                    lease = renewed;
                }
            }
            return renewed;
        } catch (SeatException e) {
            if (endsTheLease(e)) {
                lose(e);
            } else {
                loseIfExpired(e);
            }
            throw e;
        } catch (SeatServerUnreachableException | LeaseSignatureException e) {
            loseIfExpired(e);
            throw e;
        }
    }

    /**
     * Stops the heartbeats and releases the lease; does nothing the second time. A lease the server
     * already ended needs no release. When the server cannot be reached, the failure is thrown, and
     * the seat comes free on its own once the lease expires.
     */
    @Override
    public void close() {
        Lease last;
        boolean held;
        synchronized (lock) {
            if (state == State.CLOSED) {
                return;
            }
            held = state == State.HELD;
            state = State.CLOSED;
            last = lease;
        }
        heartbeats.shutdownNow();
        if (held) {
            try {
                seats.release(last.id());
            } catch (SeatException e) {
                if (!SeatException.LEASE_ENDED.equals(e.code()) && !SeatException.LEASE_NOT_FOUND.equals(e.code())) {
                    throw e;
                }
            }
        }
    }

    private void beat() {
        boolean renewed = false;
        try {
            renew();
            renewed = true;
        } catch (IllegalStateException lostOrClosed) {
            return;
        } catch (RuntimeException e) {
            if (isHeld()) {
                LOG.log(Level.WARNING, "Could not renew lease {0}, trying again: {1}", lease().id(), e.getMessage());
            }
        }
        scheduleNextBeat(!renewed);
    }

    /** After a failure, the next try comes no later than the expiry: the last moment a renewal can save the seat. */
    private void scheduleNextBeat(boolean failed) {
        synchronized (lock) {
            if (state != State.HELD) {
                return;
            }
            Duration interval = lease.heartbeatSeconds() > 0
                    ? Duration.ofSeconds(lease.heartbeatSeconds())
                    // An answer without advice: renew three times per remaining lease time, as the server would advise.
                    : Duration.between(Instant.now(), lease.expiresAt()).dividedBy(3);
            if (failed) {
                Duration untilExpiry = Duration.between(Instant.now(), lease.expiresAt());
                interval = untilExpiry.compareTo(interval) < 0 ? untilExpiry : interval;
            } else if (interval.compareTo(MIN_INTERVAL) < 0) {
                interval = MIN_INTERVAL;
            }
            heartbeats.schedule(this::beat, Math.max(0, interval.toMillis()), TimeUnit.MILLISECONDS);
        }
    }

    /** A 4xx answer is the server's decision about this lease; repeating the request will not change it. */
    private static boolean endsTheLease(SeatException e) {
        return e.status() >= 400 && e.status() < 500 && !TRANSIENT_CLIENT_STATUSES.contains(e.status());
    }

    private void loseIfExpired(RuntimeException cause) {
        boolean expired;
        synchronized (lock) {
            expired = !Instant.now().isBefore(lease.expiresAt());
        }
        if (expired) {
            lose(cause);
        }
    }

    private void lose(RuntimeException cause) {
        Lease last;
        synchronized (lock) {
            if (state != State.HELD) {
                return;
            }
            state = State.LOST;
            last = lease;
        }
        heartbeats.shutdown();
        if (onLoss != null) {
            try {
                onLoss.seatLost(last, cause);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "The seat loss listener of lease " + last.id() + " failed", e);
            }
        }
    }

    @Override
    public String toString() {
        synchronized (lock) {
            return "FloatingSeat[" + lease.id() + ", " + state + ", until " + lease.expiresAt() + "]";
        }
    }
}
