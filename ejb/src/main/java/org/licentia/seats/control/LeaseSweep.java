package org.licentia.seats.control;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.licentia.registration.entity.HostedLicensesChanged;
import org.licentia.schema.SchemaMigrations;
import org.licentia.seats.entity.SeatLease;
import org.licentia.seats.entity.SeatUsage;

/**
 * Returns seats nobody holds any more: every cleanup interval it removes the leases that were not
 * renewed in time, and the leases of licenses this instance no longer hosts; and when a
 * registration or sync removes licenses, it ends their leases at once, remembering why.
 */
@Singleton
@DependsOn("SchemaMigrations")
@PermitAll
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class LeaseSweep {

    private static final Logger LOG = Logger.getLogger(LeaseSweep.class.getName());

    @Resource
    TimerService timers;

    @Inject
    SchemaMigrations schema;

    @Inject
    LeaseStore store;

    @Inject
    HostedSeatTerms hosted;

    @Inject
    SeatSettings settings;

    @Inject
    UsageCounters usage;

    @Inject
    SeatMetrics metrics;

    @PostConstruct
    void schedule() {
        long interval = settings.cleanupInterval().toMillis();
        timers.createIntervalTimer(interval, interval, new TimerConfig("seat-lease-sweep", false));
    }

    @Timeout
    public void sweep() {
        if (!schema.isReady()) {
            return;
        }
        try {
            metrics.refresh();
            Instant now = Instant.now();
            for (String license : store.licenses()) {
                if (!hosted.isHosted(license)) {
                    end(
                            license,
                            "no-longer-hosted",
                            "license " + license + " is no longer registered on this instance");
                    continue;
                }
                store.change(license, pool -> pool.expire(now)).ifPresent(d -> {
                    store.rememberExpired(d.expired());
                    usage.count(license, SeatUsage.Event.EXPIRED, d.expired().size());
                });
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Seat lease sweep failed; the next one retries", e);
        }
    }

    /** After a registration, deregistration or sync committed: new terms apply, removed licenses' leases end. */
    public void hostedLicensesChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) HostedLicensesChanged change) {
        hosted.invalidate();
        change.removed()
                .forEach((license, description) -> end(license, change.cause(), description + " at " + Instant.now()));
        metrics.refresh();
    }

    private void end(String license, String reason, String description) {
        List<SeatLease> ended = store.removeAll(license);
        ended.forEach(l -> store.remember(l, reason, description));
        usage.count(license, SeatUsage.Event.ENDED, ended.size());
    }
}
