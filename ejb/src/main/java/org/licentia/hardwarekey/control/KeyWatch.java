package org.licentia.hardwarekey.control;

import jakarta.annotation.PostConstruct;
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
import java.util.logging.Level;
import java.util.logging.Logger;
import org.licentia.errors.LicensingException;
import org.licentia.schema.SchemaMigrations;

/**
 * Every node reads its slots once per scan interval and reports them (its heartbeat), then
 * evaluates the status across the nodes. A node with no PKCS#11 module configured still reports,
 * holding nothing, while a key's license is installed: removing the setting is a removed key.
 */
@Singleton
@DependsOn("SchemaMigrations")
@Startup
@PermitAll
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class KeyWatch {

    private static final Logger LOG = Logger.getLogger(KeyWatch.class.getName());

    @Resource
    TimerService timers;

    @Inject
    SchemaMigrations schema;

    @Inject
    NodeKeys nodeKeys;

    private String lastProblem;

    @PostConstruct
    void schedule() {
        arm();
    }

    @Timeout
    void scan() {
        try {
            if (schema.isReady()) {
                if (KeySettings.library().isPresent()) {
                    nodeKeys.report();
                    nodeKeys.evaluate();
                } else if (nodeKeys.anyKeyLicense()) {
                    nodeKeys.reportNone();
                    nodeKeys.evaluate();
                }
            }
            lastProblem = null;
        } catch (LicensingException e) {
            // said once per change, not every interval
            if (!e.getMessage().equals(lastProblem)) {
                LOG.log(Level.WARNING, "Hardware key scan: {0}", e.getMessage());
                lastProblem = e.getMessage();
            }
        } catch (jakarta.ejb.EJBException e) {
            // the node's first report raced with a status call's; the next interval reports again
            LOG.log(Level.FINE, "Hardware key scan failed; next interval", e);
        } finally {
            arm();
        }
    }

    private void arm() {
        long millis;
        try {
            millis = KeySettings.scanInterval().toMillis();
        } catch (LicensingException e) {
            millis = KeySettings.DEFAULT_SCAN_INTERVAL.toMillis();
        }
        timers.createSingleActionTimer(millis, new TimerConfig("hardware-key-scan", false));
    }
}
