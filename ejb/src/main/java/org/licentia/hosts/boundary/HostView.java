package org.licentia.hosts.boundary;

import java.time.Instant;
import org.licentia.hosts.entity.ReportedHost;

/** A reported host as clients read it; {@code counted} while its reports keep coming. */
public record HostView(
        String hostId,
        String product,
        String license,
        int cpuSockets,
        boolean counted,
        Instant firstReportedAt,
        Instant lastReportedAt,
        String reportedBy) {

    static HostView of(ReportedHost h, Instant cutoff) {
        return new HostView(
                h.hostId(),
                h.product(),
                h.licenseNumber(),
                h.cpuSockets(),
                h.countsAt(cutoff),
                h.firstReportedAt(),
                h.lastReportedAt(),
                h.reportedBy());
    }
}
