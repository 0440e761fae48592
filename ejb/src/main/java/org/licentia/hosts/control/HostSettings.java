package org.licentia.hosts.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.Config;

/** How long a host counts after its last report ({@code licentia.hosts.report-ttl}, ISO-8601, default PT15M). */
@ApplicationScoped
public class HostSettings {

    @Inject
    Config config;

    public Duration reportTtl() {
        return config.getOptionalValue("licentia.hosts.report-ttl", String.class)
                .filter(s -> !s.isBlank())
                .map(Duration::parse)
                .orElse(Duration.ofMinutes(15));
    }

    /** A third of the TTL: two reports may be lost before the host stops counting. */
    public Duration reportInterval() {
        return reportTtl().dividedBy(3);
    }
}
