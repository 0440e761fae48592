package org.licentia.client.seat;

import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A host of the product reporting itself in the background, every {@link HostReport#reportEverySeconds()}
 * the instance advises, like a seat's heartbeats. A report that gets no answer is tried again at
 * the next interval (the host keeps counting until the instance's report TTL passes); a refusal
 * (a 4xx: quota, expiry, a revoked token) stops the reports and tells the listener once.
 */
public final class HostReporting implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(HostReporting.class.getName());
    private static final Duration MIN_INTERVAL = Duration.ofSeconds(1);

    private final SeatClient client;
    private final String hostId;
    private final int cpuSockets;
    private final String product;
    private final HostRefusalListener onRefusal;
    private final ScheduledExecutorService timer;
    private volatile HostReport last;
    private volatile boolean stopped;

    HostReporting(
            SeatClient client,
            String hostId,
            int cpuSockets,
            String product,
            HostReport first,
            HostRefusalListener onRefusal) {
        this.client = client;
        this.hostId = hostId;
        this.cpuSockets = cpuSockets;
        this.product = product;
        this.onRefusal = onRefusal;
        this.last = first;
        this.timer = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "licentia-host-report " + hostId);
            thread.setDaemon(true);
            return thread;
        });
        scheduleNext();
    }

    /** The instance's last answer. */
    public HostReport last() {
        return last;
    }

    /** True until a refusal or {@link #close()}. */
    public boolean isReporting() {
        return !stopped;
    }

    /** Stops reporting; the host stops counting once the instance's report TTL passes. */
    @Override
    public void close() {
        stopped = true;
        timer.shutdownNow();
    }

    private void report() {
        if (stopped) {
            return;
        }
        try {
            last = client.reportHost(hostId, cpuSockets, product);
        } catch (SeatException e) {
            if (e.status() >= 400 && e.status() < 500 && e.status() != 408 && e.status() != 429) {
                stopped = true;
                timer.shutdown();
                if (onRefusal != null) {
                    onRefusal.hostRefused(last, e);
                }
                return;
            }
            LOG.log(Level.WARNING, "Host report of {0} failed, trying again: {1}", hostId, e.getMessage());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Host report of {0} failed, trying again: {1}", hostId, e.getMessage());
        }
        scheduleNext();
    }

    private void scheduleNext() {
        if (stopped) {
            return;
        }
        Duration interval = Duration.ofSeconds(Math.max(last.reportEverySeconds(), MIN_INTERVAL.toSeconds()));
        timer.schedule(this::report, interval.toMillis(), TimeUnit.MILLISECONDS);
    }
}
