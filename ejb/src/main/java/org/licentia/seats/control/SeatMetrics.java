package org.licentia.seats.control;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.licentia.seats.entity.SeatPool;
import org.licentia.seats.entity.SeatUsage;

/**
 * The seat figures at :9990/metrics, per hosted license: seats in use and in all (read when
 * scraped), and the reservations and denials since the server started. The set of licenses follows
 * the hosted licenses at each sweep and after each registration change.
 */
@ApplicationScoped
public class SeatMetrics {

    @Inject
    MeterRegistry registry;

    @Inject
    LeaseStore store;

    @Inject
    HostedSeatTerms hosted;

    private MultiGauge inUse;
    private MultiGauge total;
    private final Map<String, Counter> reservations = new ConcurrentHashMap<>();
    private final Map<String, Counter> denials = new ConcurrentHashMap<>();

    @PostConstruct
    void register() {
        inUse = MultiGauge.builder("licentia.seats.in.use").description("Seats of a hosted license held now").register(registry);
        total = MultiGauge.builder("licentia.seats.total").description("Seats a hosted license grants").register(registry);
    }

    /** Follows the hosted licenses: a license that is no longer hosted disappears from the figures. */
    public void refresh() {
        var licenses = hosted.all();
        inUse.register(licenses.stream().map(t -> MultiGauge.Row.of(Tags.of("license", t.license()), store,
                s -> s.pool(t.license()).map(SeatPool::size).orElse(0))).toList(), true);
        total.register(licenses.stream().map(t -> MultiGauge.Row.of(Tags.of("license", t.license()), t.seats())).toList(), true);
    }

    void counted(String license, SeatUsage.Event event, int n) {
        if (event == SeatUsage.Event.RESERVED) {
            reservations.computeIfAbsent(license, l -> Counter.builder("licentia.seat.reservations")
                    .description("Seats reserved since the server started").tag("license", l).register(registry)).increment(n);
        } else if (event == SeatUsage.Event.DENIED) {
            denials.computeIfAbsent(license, l -> Counter.builder("licentia.seat.denials")
                    .description("Seat requests denied since the server started").tag("license", l).register(registry)).increment(n);
        }
    }
}
