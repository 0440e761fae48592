package org.licentia.seats.control;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import org.licentia.schema.SchemaMigrations;

/** Writes the counted seat events once a minute, and once more when the application stops. */
@Singleton
@DependsOn("SchemaMigrations")
@Startup
@PermitAll
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class UsageFlush {

    private static final long INTERVAL_MILLIS = 60_000;

    @Resource
    TimerService timers;

    @Inject
    SchemaMigrations schema;

    @Inject
    UsageCounters counters;

    @PostConstruct
    void schedule() {
        timers.createIntervalTimer(INTERVAL_MILLIS, INTERVAL_MILLIS, new TimerConfig("seat-usage-flush", false));
    }

    @Timeout
    void flush() {
        if (schema.isReady()) {
            counters.flush();
        }
    }

    @PreDestroy
    void flushOnStop() {
        flush();
    }
}
