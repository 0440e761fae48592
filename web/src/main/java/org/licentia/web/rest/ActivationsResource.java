package org.licentia.web.rest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.licentia.activation.boundary.ActivationRequest;
import org.licentia.activation.boundary.ActivationStatus;
import org.licentia.activation.boundary.ActivationView;
import org.licentia.activation.boundary.Activations;
import org.licentia.activation.boundary.IssuedActivation;
import org.licentia.signing.boundary.SigningKeys;

/**
 * Node-locked activation. {@code /online}, {@code /status}, {@code /deactivations} and {@code /keys}
 * need no sign-in (the activation key or the deactivation code is the proof); the rest is for the
 * publisher's staff.
 */
@ApplicationScoped
@Path("/activations")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ActivationsResource {

    @Inject
    Activations activations;

    @Inject
    SigningKeys signingKeys;

    public record StatusRequest(String activationKey, String computerId) {}

    public record Deactivation(String dvc) {}

    public record ActivationList(List<ActivationView> activations) {}

    @POST
    @Path("/online")
    @Operation(
            operationId = "activateOnline",
            summary =
                    "Activate this computer with the license's activation key (201 new, 200 the computer's existing activation)")
    public Response activateOnline(ActivationRequest request) {
        return answer(activations.activate(request));
    }

    @POST
    @Operation(
            operationId = "createActivation",
            summary = "Activate a computer whose ID a customer sent (offline activation by the publisher's staff)")
    public Response create(ActivationRequest request) {
        return answer(activations.create(request));
    }

    @POST
    @Path("/status")
    @Operation(
            operationId = "activationStatus",
            summary = "Online validation: ACTIVE, DEACTIVATED, REVOKED or NOT_ACTIVATED")
    public ActivationStatus status(StatusRequest request) {
        return request == null
                ? activations.status(null, null)
                : activations.status(request.activationKey(), request.computerId());
    }

    public record FeatureCatalogRequest(String activationKey) {}

    @POST
    @Path("/feature-catalog")
    @Operation(
            operationId = "activationFeatureCatalog",
            summary = "The product and its feature catalog for an activation key: the order in which compact"
                    + " computer keys grant features")
    public Activations.FeatureCatalogView featureCatalog(FeatureCatalogRequest request) {
        return activations.featureCatalog(request == null ? null : request.activationKey());
    }

    @POST
    @Path("/deactivations")
    @Operation(
            operationId = "deactivate",
            summary =
                    "Deactivate with a Deactivation Verification Code, online or as sent by the customer; a code works once")
    public ActivationView deactivate(Deactivation deactivation) {
        return activations.deactivate(deactivation == null ? null : deactivation.dvc());
    }

    @GET
    @Operation(operationId = "listActivations", summary = "The activations of a license")
    public ActivationList list(@QueryParam("license") String license) {
        return new ActivationList(activations.list(license));
    }

    @DELETE
    @Path("/{id}")
    @Operation(
            operationId = "releaseActivation",
            summary = "Release an activation without a deactivation code (a lost computer)")
    public ActivationView release(@PathParam("id") String id) {
        return activations.release(id);
    }

    @GET
    @Path("/keys")
    @Operation(
            operationId = "activationKeys",
            summary = "The keys that verify computer keys (raw Ed25519 public keys, Base64)")
    public KeysResource.Keys keys() {
        return KeysResource.of(signingKeys);
    }

    private static Response answer(IssuedActivation issued) {
        return Response.status(issued.created() ? Response.Status.CREATED : Response.Status.OK)
                .entity(issued.activation())
                .build();
    }
}
