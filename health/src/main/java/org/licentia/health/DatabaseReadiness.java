package org.licentia.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready only once the schema is at this build's version and while the license database answers;
 * WildFly adds its own check that the EAR is deployed. A failed migration keeps the server not
 * ready, with the reason in the check's data.
 */
@Readiness
@ApplicationScoped
public class DatabaseReadiness implements HealthCheck {

    private static final String NAME = "licentia-database";

    @PersistenceContext(unitName = "licentia")
    EntityManager em;

    @Inject
    SchemaStatus schema;

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder check = HealthCheckResponse.named(NAME);
        schema.version().ifPresent(version -> check.withData("schemaVersion", version));
        if (schema.problem().isPresent()) {
            return check.down().withData("error", schema.problem().get()).build();
        }
        if (!schema.isReady()) {
            return check.down()
                    .withData("error", "the schema migration has not run yet")
                    .build();
        }
        try {
            em.createQuery("select count(k) from SigningKey k", Long.class).getSingleResult();
            return check.up().build();
        } catch (RuntimeException e) {
            return check.down().withData("error", e.getClass().getSimpleName()).build();
        }
    }
}
