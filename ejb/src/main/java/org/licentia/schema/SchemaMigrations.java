package org.licentia.schema;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceUnit;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.hibernate.SessionFactory;
import org.licentia.health.SchemaStatus;

/**
 * Brings the database to this build's schema at start-up, before any other bean uses it. A
 * database made by Licentia 0.1 (whose schema Hibernate created, with no migration history) is
 * adopted at version 1, which is exactly that schema. Several nodes starting at once on one
 * PostgreSQL database migrate once: Flyway holds a lock while it migrates.
 *
 * <p>A migration that fails, or a schema that does not match the entities afterwards, does not
 * stop the deployment: the server stays up but not ready, with the reason in the readiness check
 * and one log line, so an administrator can see what went wrong and nothing writes to a database
 * in an unknown state.
 */
@Singleton
@Startup
@PermitAll
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class SchemaMigrations {

    private static final Logger LOG = Logger.getLogger(SchemaMigrations.class.getName());
    private static final int MAX_REASON_LENGTH = 600;

    @Resource(lookup = "java:jboss/datasources/LicentiaDS")
    DataSource dataSource;

    @PersistenceUnit(unitName = "licentia")
    EntityManagerFactory entityManagerFactory;

    @Inject
    SchemaStatus status;

    private volatile String vendor;

    @PostConstruct
    void migrate() {
        try {
            vendor = vendor();
        } catch (SQLException e) {
            fail(Optional.empty(), "the license database does not answer: " + oneLine(e));
            return;
        }
        Flyway flyway = Flyway.configure(SchemaMigrations.class.getClassLoader())
                .dataSource(dataSource)
                .locations("classpath:db/migration/common", "classpath:db/migration/" + vendor)
                .baselineOnMigrate(true)
                .baselineVersion("1")
                .baselineDescription("Licentia 0.1 schema, made by Hibernate")
                .cleanDisabled(true)
                .load();
        try {
            flyway.migrate();
        } catch (RuntimeException e) {
            fail(versionOf(flyway), "the schema migration failed: " + oneLine(e));
            return;
        }
        String version = versionOf(flyway).orElse("none");
        try {
            entityManagerFactory.unwrap(SessionFactory.class).getSchemaManager().validateMappedObjects();
        } catch (RuntimeException e) {
            fail(
                    Optional.of(version),
                    "the schema at version " + version + " does not match this build: " + oneLine(e));
            return;
        }
        status.ready(version);
        LOG.info("Database schema at version " + version);
    }

    /** The version the database is at, once the migration ran (also when the schema is not usable). */
    public Optional<String> version() {
        return status.version();
    }

    public boolean isReady() {
        return status.isReady();
    }

    /** The database: {@code h2} or {@code postgresql}. */
    public String database() {
        return vendor;
    }

    private void fail(Optional<String> version, String reason) {
        status.failed(version.orElse(null), reason);
        LOG.severe("Licentia is not ready: " + reason);
    }

    /** The folder of the migrations whose SQL differs between the databases: h2 or postgresql. */
    private String vendor() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            String product = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
            return product.contains("postgres") ? "postgresql" : product;
        }
    }

    /** The version of the last migration that completed: a failed one (H2 records those) does not count. */
    private static Optional<String> versionOf(Flyway flyway) {
        try {
            return Arrays.stream(flyway.info().applied())
                    .filter(m -> m.getState().isApplied() && !m.getState().isFailed())
                    .reduce((first, second) -> second)
                    .map(MigrationInfo::getVersion)
                    .map(Object::toString);
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Flyway's and the driver's messages run over several lines; the log and the check get one. */
    private static String oneLine(Throwable e) {
        StringBuilder text = new StringBuilder();
        for (Throwable t = e;
                t != null && text.length() < MAX_REASON_LENGTH;
                t = t.getCause() == t ? null : t.getCause()) {
            if (t.getMessage() != null
                    && !text.toString().contains(t.getMessage().strip())) {
                text.append(text.isEmpty() ? "" : "; ").append(t.getMessage().strip());
            }
        }
        String line = text.toString().replaceAll("\\s+", " ");
        return line.length() > MAX_REASON_LENGTH ? line.substring(0, MAX_REASON_LENGTH) + "…" : line;
    }
}
