package org.licentia.web.rest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.licentia.status.boundary.LicenseStatus;
import org.licentia.status.boundary.StatusView;

/** On-prem: the license status and the alerts in force, for the licenses the caller may see. */
@ApplicationScoped
@Path("/status")
@Produces(MediaType.APPLICATION_JSON)
public class StatusResource {

    @Inject
    LicenseStatus status;

    @GET
    @Operation(
            operationId = "licenseStatus",
            summary = "On-prem: each hosted license's status (VALID, EXPIRED), dates and usage, and the alerts"
                    + " in force (License to Expire, License Expired, Insufficient License Quota)")
    public StatusView status() {
        return status.status();
    }
}
