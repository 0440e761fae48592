package org.licentia.activation.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
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

    /**
     * Each product's feature catalog, read again after {@link #CATALOG_TTL}: a query per activation
     * cost a fifth of the activation rate, and catalogs only grow, rarely. A catalog up to a minute
     * old misses at most a feature added meanwhile, whose licenses' keys are then spelled out.
     */
    private static final Duration CATALOG_TTL = Duration.ofMinutes(1);

    private record Catalog(List<String> features, Instant readAt) {}

    private final Map<Long, Catalog> catalogs = new ConcurrentHashMap<>();

    public ComputerKey issue(Activation activation, ActivationKey activationKey, ComputerId computerId, Instant now) {
        License license = activation.license();
        ComputerKey.Terms terms = new ComputerKey.Terms(
                activation.id(),
                license.number(),
                now,
                license.terms().expires(),
                license.edition().features());
        SigningKeys.RawSigner signer = signingKeys.rawSigner();
        List<String> catalog = catalogOf(license, now);
        return ComputerKey.fitsCompact(terms, catalog)
                ? ComputerKey.issueCompact(terms, catalog, activationKey, computerId, signer.publicKey(), signer.sign())
                : ComputerKey.issue(terms, activationKey, computerId, signer.publicKey(), signer.sign());
    }

    private List<String> catalogOf(License license, Instant now) {
        Catalog cached = catalogs.get(license.product().id());
        if (cached == null || cached.readAt().plus(CATALOG_TTL).isBefore(now)) {
            cached = new Catalog(Edition.featureCatalog(em, license.product()), now);
            catalogs.put(license.product().id(), cached);
        }
        return cached.features();
    }
}
