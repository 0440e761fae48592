package org.licentia.activation.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import org.licentia.activation.entity.Activation;
import org.licentia.catalog.entity.License;
import org.licentia.client.activation.ActivationKey;
import org.licentia.client.activation.ComputerId;
import org.licentia.client.activation.ComputerKey;
import org.licentia.signing.boundary.SigningKeys;

/**
 * Issues the computer key of an activation: its terms (activation, license, features, last day)
 * signed with the server's current key, bound to the activation key and the computer ID.
 */
@ApplicationScoped
public class ComputerKeys {

    @Inject
    SigningKeys signingKeys;

    public ComputerKey issue(Activation activation, ActivationKey activationKey, ComputerId computerId, Instant now) {
        License license = activation.license();
        ComputerKey.Terms terms = new ComputerKey.Terms(
                activation.id(),
                license.number(),
                now,
                license.terms().expires(),
                license.edition().features());
        SigningKeys.RawSigner signer = signingKeys.rawSigner();
        return ComputerKey.issue(terms, activationKey, computerId, signer.publicKey(), signer.sign());
    }
}
