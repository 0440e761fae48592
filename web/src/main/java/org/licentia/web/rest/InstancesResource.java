package org.licentia.web.rest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Base64;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.licentia.catalog.boundary.LicenseView;
import org.licentia.registration.boundary.InstanceRegistrations;
import org.licentia.returns.boundary.InstanceReturns;

/** Publisher side, server to server: an on-prem instance registers licenses with a user's credentials. */
@ApplicationScoped
@Path("/instances/{instanceId}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class InstancesResource {

    @Inject
    InstanceRegistrations registrations;

    public record Candidates(List<LicenseView> items) {}

    public record ReturnRights(List<String> licenses) {}

    @Inject
    InstanceReturns returns;

    @GET
    @Path("/return-rights")
    @Operation(
            operationId = "licenseReturnRights",
            summary = "Whether the caller may return the licenses registered to the instance; answers their numbers")
    public ReturnRights returnRights(@PathParam("instanceId") String instanceId) {
        return new ReturnRights(returns.returnRights(instanceId));
    }

    public record RegistrationRequest(String publicKey, boolean implicit, List<String> licenses) {}

    public record SignedRegistration(String number, String document, String keyId, String signature) {

        static SignedRegistration of(InstanceRegistrations.Registered r) {
            return new SignedRegistration(
                    r.number(),
                    Base64.getEncoder().encodeToString(r.signed().canonical()),
                    r.signed().keyId(),
                    Base64.getEncoder().encodeToString(r.signed().signature()));
        }
    }

    public record RegistrationAnswer(String instanceId, List<SignedRegistration> licenses) {}

    @GET
    @Path("/candidates")
    @Operation(
            operationId = "registrationCandidates",
            summary =
                    "What an implicit registration would take: the caller's accounts' active licenses no instance hosts")
    public Candidates candidates(@PathParam("instanceId") String instanceId) {
        return new Candidates(registrations.candidates(instanceId));
    }

    @PUT
    @Path("/registrations")
    @Operation(
            operationId = "registerInstance",
            summary =
                    "Make the instance host exactly these licenses (or, implicitly, every candidate); signed documents back")
    public RegistrationAnswer register(@PathParam("instanceId") String instanceId, RegistrationRequest body) {
        RegistrationRequest request = body == null ? new RegistrationRequest(null, false, null) : body;
        return new RegistrationAnswer(
                instanceId,
                registrations.register(instanceId, request.publicKey(), request.licenses(), request.implicit()).stream()
                        .map(SignedRegistration::of)
                        .toList());
    }
}
