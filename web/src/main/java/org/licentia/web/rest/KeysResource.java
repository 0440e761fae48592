package org.licentia.web.rest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.licentia.signing.boundary.SigningKeys;

@ApplicationScoped
@Path("/keys")
@Produces(MediaType.APPLICATION_JSON)
public class KeysResource {

    @Inject
    SigningKeys signingKeys;

    public record Key(String keyId, String algorithm, String publicKey, Instant createdAt, boolean active) {}

    public record Keys(List<Key> keys) {}

    @GET
    @Operation(
            operationId = "signingKeys",
            summary = "The server's signature verification keys (raw Ed25519 public keys, Base64)")
    public Keys keys() {
        return of(signingKeys);
    }

    static Keys of(SigningKeys signingKeys) {
        return of(signingKeys.publicKeys());
    }

    static Keys of(List<org.licentia.signing.boundary.PublicKey> keys) {
        return new Keys(keys.stream()
                .map(k -> new Key(
                        k.keyId(),
                        k.algorithm(),
                        Base64.getEncoder().encodeToString(k.publicKey()),
                        k.createdAt(),
                        k.active()))
                .toList());
    }
}
