package org.licentia.sync.control;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.Timer;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.licentia.schema.SchemaMigrations;
import org.licentia.sync.boundary.Syncs;

/**
 * Starts a sync shortly after start-up on each node, and then every {@code licentia.sync.interval}
 * (ISO-8601, default PT1H) with a persistent timer: in WildFly's {@code ha} profile persistent
 * timers are distributed, so the cluster has one interval timer that fires on one node. Should two
 * nodes still fire at once (two nodes creating the timer at their very first start),
 * {@link Syncs#runIfDue} lets only the first sync, through the database they share.
 */
@Singleton
@DependsOn("SchemaMigrations")
@Startup
@PermitAll
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class SyncSchedule {

    private static final String STARTUP = "startup";
    private static final String INTERVAL = "interval";
    private static final Logger LOG = Logger.getLogger(SyncSchedule.class.getName());

    @Resource
    TimerService timers;

    @Inject
    SchemaMigrations schema;

    @Inject
    Syncs syncs;

    @Inject
    @ConfigProperty(name = "licentia.sync.interval", defaultValue = "PT1H")
    Duration interval;

    @Inject
    @ConfigProperty(name = "licentia.sync.startup-delay", defaultValue = "PT20S")
    Duration startupDelay;

    @PostConstruct
    void schedule() {
        timers.createSingleActionTimer(startupDelay.toMillis(), new TimerConfig(STARTUP, false));
        String info = INTERVAL + " " + interval;
        boolean scheduled = false;
        for (Timer timer : timers.getTimers()) {
            if (timer.isPersistent() && info.equals(timer.getInfo())) {
                scheduled = true;
            } else if (timer.isPersistent()) {
                timer.cancel();
            }
        }
        if (!scheduled) {
            timers.createIntervalTimer(
                    startupDelay.plus(interval).toMillis(), interval.toMillis(), new TimerConfig(info, true));
        }
    }

    @Timeout
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void fire(Timer timer) {
        if (!schema.isReady()) {
            return;
        }
        try {
            syncs.runIfDue(String.valueOf(timer.getInfo()).startsWith(INTERVAL) ? INTERVAL : STARTUP)
                    .ifPresent(report -> LOG.log(Level.INFO, "Sync {0}: {1} licenses, {2} ms", new Object[] {
                        report.outcome(), report.licenses().size(), report.durationMs()
                    }));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Sync failed; the next one will retry", e);
        }
    }
}
