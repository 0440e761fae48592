package org.licentia.schema;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/**
 * Serialises what nodes do once, at their first start on a new database (the instance identity,
 * the signing key, the first users), when the nodes of a cluster start at the same moment: each
 * does it in a transaction that first takes this lock, so the second finds what the first made
 * instead of making a second one. Only PostgreSQL is shared by nodes; an H2 file belongs to one
 * server, so there is nothing to wait for.
 */
@ApplicationScoped
public class FirstStartLock {

    /** Any number of Licentia's own: the key of PostgreSQL's transaction-level advisory lock. */
    private static final long KEY = 0x4c6963656e746961L;

    @PersistenceContext(unitName = "licentia")
    EntityManager em;

    @Inject
    SchemaMigrations schema;

    /** Takes the lock for the rest of the caller's transaction. */
    public void acquire() {
        if ("postgresql".equals(schema.database())) {
            em.createNativeQuery("SELECT 1 FROM (SELECT pg_advisory_xact_lock(" + KEY + ")) AS first_start")
                    .getSingleResult();
        }
    }
}
