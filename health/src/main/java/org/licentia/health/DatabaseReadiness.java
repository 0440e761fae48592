package org.licentia.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready only while the license database answers; WildFly adds its own check that the EAR is deployed. */
@Readiness
@ApplicationScoped
public class DatabaseReadiness implements HealthCheck {

    @PersistenceContext(unitName = "licentia")
    EntityManager em;

    @Override
    public HealthCheckResponse call() {
        try {
            em.createQuery("select count(k) from SigningKey k", Long.class).getSingleResult();
            return HealthCheckResponse.up("licentia-database");
        } catch (RuntimeException e) {
            return HealthCheckResponse.named("licentia-database").down().withData("error", e.getClass().getSimpleName()).build();
        }
    }
}
