package org.licentia.activation.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import org.licentia.activation.entity.Activation;
import org.licentia.catalog.entity.Edition;
import org.licentia.catalog.entity.License;
import org.licentia.client.activation.ActivationKey;
import org.licentia.client.activation.ComputerId;
import org.licentia.client.activation.ComputerKey;
import org.licentia.signing.boundary.SigningKeys;

/**
 * Issues the computer key of an activation: its terms (activation, license, features, last day)
 * signed with the server's current key, bound to the activation key and the computer ID. In the
 * compact form (at most 28 groups, features as bits over the product's feature catalog) whenever
 * the terms fit it, otherwise spelled out.
 */
@ApplicationScoped
public class ComputerKeys {

    @Inject
    SigningKeys signingKeys;

    @PersistenceContext(unitName = "licentia")
    EntityManager em;

    public ComputerKey issue(Activation activation, ActivationKey activationKey, ComputerId computerId, Instant now) {
        License license = activation.license();
        ComputerKey.Terms terms = new ComputerKey.Terms(
                activation.id(),
                license.number(),
                now,
                license.terms().expires(),
                license.edition().features());
        SigningKeys.RawSigner signer = signingKeys.rawSigner();
        List<String> catalog = Edition.featureCatalog(
                em.createQuery("select e from Edition e where e.product = :product order by e.id", Edition.class)
                        .setParameter("product", license.product())
                        .getResultList());
        return ComputerKey.fitsCompact(terms, catalog)
                ? ComputerKey.issueCompact(terms, catalog, activationKey, computerId, signer.publicKey(), signer.sign())
                : ComputerKey.issue(terms, activationKey, computerId, signer.publicKey(), signer.sign());
    }
}
