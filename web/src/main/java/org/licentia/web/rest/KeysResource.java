package org.licentia.web.rest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.licentia.signing.boundary.KeyRollover;
import org.licentia.signing.boundary.SigningKeys;

@ApplicationScoped
@Path("/keys")
@Produces(MediaType.APPLICATION_JSON)
public class KeysResource {

    @Inject
    SigningKeys signingKeys;

    public record Key(String keyId, String algorithm, String publicKey, Instant createdAt, boolean active) {}

    /** {@code rollovers}: each rotation's new key, signed by the key it replaced (docs/license-files.md). */
    public record Keys(List<Key> keys, List<KeyRollover> rollovers) {}

    @GET
    @Operation(
            operationId = "signingKeys",
            summary = "The server's signature verification keys (raw Ed25519 public keys, Base64)")
    public Keys keys() {
        return of(signingKeys);
    }

    /** RFC 8555's media type for PEM certificates, which browsers and tools save as .pem. */
    static final String PEM = "application/pem-certificate-chain";

    @GET
    @Path("/certificate")
    @Produces(PEM)
    @Operation(
            operationId = "signingKeyCertificate",
            summary = "The current signing key's self-signed X.509 certificate (PEM): keep it to check the CMS"
                    + " signature (manifest.p7s) of license files with openssl cms or any PKI library")
    public String certificate() {
        return "-----BEGIN CERTIFICATE-----\n"
                + java.util.Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(signingKeys.certificate())
                + "\n-----END CERTIFICATE-----\n";
    }

    @POST
    @Path("/rotation")
    @Operation(
            operationId = "rotateSigningKey",
            summary = "Replace the signing key by a new one, endorsed by the old one in a rollover document"
                    + " (publisher-admin); the old key stays listed")
    public KeyRollover rotate() {
        return signingKeys.rotate();
    }

    static Keys of(SigningKeys signingKeys) {
        return of(signingKeys.publicKeys(), signingKeys.rollovers());
    }

    static Keys of(List<org.licentia.signing.boundary.PublicKey> keys) {
        return of(keys, List.of());
    }

    static Keys of(List<org.licentia.signing.boundary.PublicKey> keys, List<KeyRollover> rollovers) {
        return new Keys(
                keys.stream()
                        .map(k -> new Key(
                                k.keyId(),
                                k.algorithm(),
                                Base64.getEncoder().encodeToString(k.publicKey()),
                                k.createdAt(),
                                k.active()))
                        .toList(),
                rollovers);
    }
}
