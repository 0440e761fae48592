package org.licentia.seats.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.Config;

/**
 * The seat settings an administrator tunes at run time (system properties set by wildfly-config/
 * or the management console), read on every use so that a change applies without a redeploy.
 */
@ApplicationScoped
public class SeatSettings {

    @Inject
    Config config;

    /** How long a lease lives without a heartbeat. */
    public Duration leaseTtl() {
        return duration("licentia.seats.lease-ttl", Duration.ofMinutes(10));
    }

    /** A third of the TTL: two heartbeats may be lost before the lease expires. */
    public Duration heartbeatInterval() {
        return leaseTtl().dividedBy(3);
    }

    /** How long a license the publisher could not confirm keeps handing out new seats. */
    public Duration uncertainGrace() {
        return duration("licentia.seats.uncertain-grace", Duration.ofDays(7));
    }

    public int maxBorrowDays() {
        return config.getOptionalValue("licentia.seats.max-borrow-days", Integer.class)
                .orElse(7);
    }

    /** Read once at start: the sweep's timer interval. */
    public Duration cleanupInterval() {
        return duration("licentia.seats.cleanup-interval", Duration.ofSeconds(30));
    }

    /** The last value read of each duration setting and what it parsed to: parsing takes a regular expression. */
    private final Map<String, Parsed> parsed = new ConcurrentHashMap<>();

    private record Parsed(String text, Duration value) {}

    private Duration duration(String name, Duration fallback) {
        String text = config.getOptionalValue(name, String.class)
                .filter(s -> !s.isBlank())
                .orElse(null);
        if (text == null) {
            return fallback;
        }
        Parsed last = parsed.get(name);
        if (last == null || !last.text().equals(text)) {
            last = new Parsed(text, Duration.parse(text));
            parsed.put(name, last);
        }
        return last.value();
    }
}
