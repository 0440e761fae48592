package org.licentia.web.rest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.licentia.registration.boundary.ChangeSummary;
import org.licentia.registration.boundary.HostedLicenseView;
import org.licentia.registration.boundary.Registrations;
import org.licentia.registration.control.Credentials;
import org.licentia.returns.boundary.LicenseReturns;

/**
 * On-prem side: register and deregister licenses with the publisher account's credentials, which
 * travel in the body and are checked by the publisher, not by this instance's user store.
 */
@ApplicationScoped
@Path("/registration")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class RegistrationResource {

    @Inject
    Registrations registrations;

    /** {@code licenses} absent: implicit. */
    public record PlanRequest(String email, String password, List<String> licenses) {}

    /** {@code expectedCurrent}: the hosted licenses the confirmed summary showed. */
    public record ApplyRequest(String email, String password, List<String> licenses, List<String> expectedCurrent) {}

    public record Hosted(List<HostedLicenseView> licenses) {}

    /** {@code cancel}: cancel the pending return instead. */
    public record ReturnRequest(String email, String password, boolean cancel) {}

    @Inject
    LicenseReturns returns;

    @POST
    @Path("/return")
    @Operation(
            operationId = "returnLicenses",
            summary = "Online return: every license of this instance goes back to the publisher, which frees it;"
                    + " with cancel, the pending return is cancelled if the publisher has not processed it")
    public LicenseReturns.ReturnView returnLicenses(ReturnRequest body) {
        ReturnRequest request = body == null ? new ReturnRequest(null, null, false) : body;
        return returns.returnOnline(credentials(request.email(), request.password()), request.cancel());
    }

    @POST
    @Path("/plan")
    @Operation(
            operationId = "planRegistration",
            summary = "The Registration Change Summary an explicit list (or an implicit registration) would make")
    public ChangeSummary plan(PlanRequest body) {
        PlanRequest request = body == null ? new PlanRequest(null, null, null) : body;
        return registrations.plan(credentials(request.email(), request.password()), request.licenses());
    }

    @POST
    @Operation(
            operationId = "register",
            summary =
                    "Register: host exactly these licenses (implicit without a list), if the hosted set is still the expected one")
    public Hosted apply(ApplyRequest body) {
        ApplyRequest request = body == null ? new ApplyRequest(null, null, null, null) : body;
        return new Hosted(registrations.apply(
                credentials(request.email(), request.password()), request.licenses(), request.expectedCurrent()));
    }

    @POST
    @Path("/deregister")
    @Operation(
            operationId = "deregister",
            summary = "Deregister all licenses, if the hosted set is still the expected one")
    public Hosted deregister(ApplyRequest body) {
        ApplyRequest request = body == null ? new ApplyRequest(null, null, null, null) : body;
        return new Hosted(registrations.apply(
                credentials(request.email(), request.password()), List.of(), request.expectedCurrent()));
    }

    private Credentials credentials(String email, String password) {
        return new Credentials(email, password);
    }
}
