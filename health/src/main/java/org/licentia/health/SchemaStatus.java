package org.licentia.health;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/**
 * What the schema migration at start-up found, for the readiness check. The EJB module's
 * {@code SchemaMigrations} writes it; it lives here because this library is the one place both the
 * EJB module and the health extension see.
 */
@ApplicationScoped
public class SchemaStatus {

    private volatile String version;
    private volatile String problem;

    /** The schema is at {@code version} and matches the entities. */
    public void ready(String version) {
        this.version = version;
        this.problem = null;
    }

    /** The schema could not be brought to this build's version, or does not match it. */
    public void failed(String version, String problem) {
        this.version = version;
        this.problem = problem;
    }

    public boolean isReady() {
        return version != null && problem == null;
    }

    /** The version the database is at, once the migration ran. */
    public Optional<String> version() {
        return Optional.ofNullable(version);
    }

    /** Why the schema is not usable; empty while it is, or before the migration ran. */
    public Optional<String> problem() {
        return Optional.ofNullable(problem);
    }
}
