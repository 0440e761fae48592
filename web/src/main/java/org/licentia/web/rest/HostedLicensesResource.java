package org.licentia.web.rest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.licentia.registration.boundary.Registrations;

@ApplicationScoped
@Path("/hosted-licenses")
@Produces(MediaType.APPLICATION_JSON)
public class HostedLicensesResource {

    @Inject
    Registrations registrations;

    @GET
    @Operation(
            operationId = "listHostedLicenses",
            summary = "The licenses this on-prem instance hosts, with their last sync status")
    public RegistrationResource.Hosted list() {
        return new RegistrationResource.Hosted(registrations.hosted());
    }
}
