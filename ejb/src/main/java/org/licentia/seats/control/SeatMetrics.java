package org.licentia.seats.control;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.licentia.seats.entity.SeatPool;
import org.licentia.seats.entity.SeatTerms;
import org.licentia.seats.entity.SeatUsage;

/**
 * The seat figures at :9990/metrics, per hosted license: seats in use and in all (read when
 * scraped), and the reservations and denials since the server started. The set of licenses follows
 * the hosted licenses at each sweep and after each registration change.
 *
 * <p>Meters are made with the registry's own methods ({@code gauge}, {@code counter}), never with
 * Micrometer's builders: WildFly 39 hands deployments a registry that passes only those on to
 * the registry it serves at /metrics.
 */
@ApplicationScoped
public class SeatMetrics {

    static final String IN_USE = "licentia.seats.in.use";
    static final String GRANTED = "licentia.seats.granted";

    /**
     * At most this many licenses get series of their own: WildFly's registry looks through every
     * meter to make or find one, so a series per license for ten thousand licenses cost a
     * registration of them 25 s (and a scrape would be as large). The totals cover all licenses.
     */
    static final int MAX_LICENSE_SERIES = 500;

    static final String IN_USE_ALL = "licentia.seats.in.use.all";
    static final String GRANTED_ALL = "licentia.seats.granted.all";

    @Inject
    MeterRegistry registry;

    @Inject
    LeaseStore store;

    @Inject
    HostedSeatTerms hosted;

    private final Set<String> shown = ConcurrentHashMap.newKeySet();
    private boolean totalsShown;
    private final Map<String, Counter> reservations = new ConcurrentHashMap<>();
    private final Map<String, Counter> denials = new ConcurrentHashMap<>();

    /** Follows the hosted licenses: a license that is no longer hosted disappears from the figures. */
    public synchronized void refresh() {
        if (!totalsShown) {
            registry.gauge(IN_USE_ALL, Tags.empty(), this, SeatMetrics::inUseAll);
            registry.gauge(GRANTED_ALL, Tags.empty(), this, SeatMetrics::grantedAll);
            totalsShown = true;
        }
        Set<String> now = new HashSet<>();
        for (SeatTerms terms : hosted.all()) {
            now.add(terms.license());
        }
        for (String license : Set.copyOf(shown)) {
            if (!now.contains(license)) {
                shown.remove(license);
                for (String name : new String[] {IN_USE, GRANTED}) {
                    Gauge gauge = registry.find(name).tag("license", license).gauge();
                    if (gauge != null) {
                        registry.remove(gauge);
                    }
                }
            }
        }
        for (String license : new java.util.TreeSet<>(now)) {
            if (shown.size() >= MAX_LICENSE_SERIES) {
                break;
            }
            if (shown.add(license)) {
                registry.gauge(IN_USE, Tags.of("license", license), this, m -> m.inUse(license));
                registry.gauge(GRANTED, Tags.of("license", license), this, m -> m.total(license));
            }
        }
    }

    private double inUseAll() {
        return hosted.all().stream()
                .mapToInt(t -> store.pool(t.license()).map(SeatPool::size).orElse(0))
                .sum();
    }

    private double grantedAll() {
        return hosted.all().stream().mapToLong(SeatTerms::seats).sum();
    }

    private double inUse(String license) {
        return hosted.isHosted(license)
                ? store.pool(license).map(SeatPool::size).orElse(0)
                : Double.NaN;
    }

    private double total(String license) {
        return hosted.of(license).map(t -> (double) t.seats()).orElse(Double.NaN);
    }

    void counted(String license, SeatUsage.Event event, int n) {
        if (event == SeatUsage.Event.RESERVED) {
            reservations
                    .computeIfAbsent(
                            license, l -> registry.counter("licentia.seat.reservations", Tags.of("license", l)))
                    .increment(n);
        } else if (event == SeatUsage.Event.DENIED) {
            denials.computeIfAbsent(license, l -> registry.counter("licentia.seat.denials", Tags.of("license", l)))
                    .increment(n);
        }
    }
}
