package org.licentia.bench;

import java.time.Duration;
import java.util.Optional;

/**
 * The CPU time the server's JVM has used so far, as the operating system counts it. The CPU time
 * per request is steadier than a rate on a machine whose speed varies, and it is the cost that
 * decides how many requests a server of its own could answer.
 */
final class ServerCpu {

    private final ProcessHandle process;

    private ServerCpu(ProcessHandle process) {
        this.process = process;
    }

    /** The server JVM found as {@link ServerHeap} finds it, when the operating system reports its CPU time. */
    static Optional<ServerCpu> of(Optional<ServerHeap> server) {
        return server.flatMap(s -> ProcessHandle.of(s.pid()))
                .map(ServerCpu::new)
                .filter(c -> c.used().isPresent());
    }

    Optional<Duration> used() {
        return process.info().totalCpuDuration();
    }

    /** Microseconds of server CPU per request between two readings. */
    static double microsPerRequest(Duration before, Duration after, long requests) {
        return requests == 0 ? Double.NaN : after.minus(before).toNanos() / 1e3 / requests;
    }
}
