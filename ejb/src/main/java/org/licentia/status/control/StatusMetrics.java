package org.licentia.status.control;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The status figures at :9990/metrics, as the alert watch last read them: active alerts by kind,
 * and per hosted license the days left and the quota used and in all. Like the seat figures, at
 * most {@link #MAX_LICENSE_SERIES} licenses get series of their own.
 */
@ApplicationScoped
public class StatusMetrics {

    static final int MAX_LICENSE_SERIES = 500;
    static final String DAYS_LEFT = "licentia.license.days.left";
    static final String QUOTA_USED = "licentia.license.quota.used";
    static final String QUOTA = "licentia.license.quota";
    static final String ALERTS = "licentia.alerts.active";

    @Inject
    MeterRegistry registry;

    private volatile Map<String, LicenseReadings.Reading> latest = Map.of();
    private volatile Map<AlertRules.Kind, Long> alertCounts = Map.of();
    private volatile LocalDate today;
    private final Set<String> shown = new HashSet<>();
    private boolean alertsShown;

    public synchronized void show(LicenseReadings.Readings readings) {
        Map<String, LicenseReadings.Reading> byNumber = new HashMap<>();
        readings.licenses().forEach(r -> byNumber.put(r.number(), r));
        Map<AlertRules.Kind, Long> counts = new HashMap<>();
        readings.alerts().forEach(a -> counts.merge(a.kind(), 1L, Long::sum));
        today = readings.today();
        latest = Map.copyOf(byNumber);
        alertCounts = Map.copyOf(counts);
        if (!alertsShown) {
            for (AlertRules.Kind kind : AlertRules.Kind.values()) {
                registry.gauge(
                        ALERTS,
                        Tags.of("kind", kind.name()),
                        this,
                        m -> m.alertCounts.getOrDefault(kind, 0L).doubleValue());
            }
            alertsShown = true;
        }
        for (String license : Set.copyOf(shown)) {
            if (!byNumber.containsKey(license)) {
                shown.remove(license);
                for (String name : new String[] {DAYS_LEFT, QUOTA_USED, QUOTA}) {
                    Gauge gauge = registry.find(name).tag("license", license).gauge();
                    if (gauge != null) {
                        registry.remove(gauge);
                    }
                }
            }
        }
        for (String license : new TreeSet<>(byNumber.keySet())) {
            if (shown.size() >= MAX_LICENSE_SERIES) {
                break;
            }
            if (shown.add(license)) {
                LicenseReadings.Reading r = byNumber.get(license);
                Tags tags = Tags.of("license", license, "metric", r.terms().quotaMetric());
                registry.gauge(DAYS_LEFT, Tags.of("license", license), this, m -> m.daysLeft(license));
                registry.gauge(QUOTA_USED, tags, this, m -> m.figure(license, true));
                registry.gauge(QUOTA, tags, this, m -> m.figure(license, false));
            }
        }
    }

    private double daysLeft(String license) {
        LicenseReadings.Reading r = latest.get(license);
        if (r == null || r.terms().expires() == null) {
            return Double.NaN;
        }
        return AlertRules.daysLeft(r.terms().expires(), today);
    }

    private double figure(String license, boolean used) {
        LicenseReadings.Reading r = latest.get(license);
        if (r == null) {
            return Double.NaN;
        }
        return used ? r.used() : r.quota();
    }
}
