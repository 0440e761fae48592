package org.licentia.hardwarekey.control;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/** The status across the nodes in a transaction of its own, for the scan timer, which runs without one. */
@Stateless
@PermitAll
public class KeyEvaluation {

    @PersistenceContext(unitName = "licentia")
    EntityManager em;

    @Inject
    NodeKeys nodeKeys;

    public NodeKeys.Evaluation evaluate() {
        return nodeKeys.evaluate();
    }

    public boolean anyKeyLicense() {
        return em.createQuery("select count(h) from HostedLicense h where h.source = 'HARDWARE_KEY'", Long.class)
                        .getSingleResult()
                > 0;
    }
}
