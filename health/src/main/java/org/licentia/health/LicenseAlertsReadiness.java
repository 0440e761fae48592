package org.licentia.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.stream.Collectors;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * The license alerts in force, as the alert watch last saw them, in the readiness data for
 * operators' monitoring. Always up: an expired license or a quota overrun restricts new work, it
 * does not make the server unfit to serve the work that keeps running, as the seed says.
 */
@Readiness
@ApplicationScoped
public class LicenseAlertsReadiness implements HealthCheck {

    private static final String NAME = "licentia-license-alerts";
    /** More alerts than this are counted, not listed, so the check stays small. */
    private static final int LISTED = 20;

    @PersistenceContext(unitName = "licentia")
    EntityManager em;

    @Inject
    SchemaStatus schema;

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder check = HealthCheckResponse.named(NAME).up();
        if (!schema.isReady()) {
            return check.build();
        }
        try {
            List<Object[]> open = em.createQuery(
                            "select a.kind, a.licenseNumber from LicenseAlert a where a.endedAt is null"
                                    + " order by a.startedAt, a.id",
                            Object[].class)
                    .getResultList();
            check.withData("activeAlerts", open.size());
            if (!open.isEmpty()) {
                check.withData(
                        "alerts",
                        open.stream()
                                .limit(LISTED)
                                .map(row -> row[0] + " " + row[1])
                                .collect(Collectors.joining(", ")));
            }
        } catch (RuntimeException e) {
            check.withData("error", e.getClass().getSimpleName());
        }
        return check.build();
    }
}
