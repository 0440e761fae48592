package org.licentia.web.rest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.licentia.errors.ErrorCode;
import org.licentia.errors.LicensingException;
import org.licentia.sync.boundary.SyncReportView;
import org.licentia.sync.boundary.Syncs;

@ApplicationScoped
@Path("/sync")
@Produces(MediaType.APPLICATION_JSON)
public class SyncResource {

    @Inject
    Syncs syncs;

    @GET
    @Operation(operationId = "lastSync", summary = "The last sync's report: time, duration, outcome per license")
    public SyncReportView last() {
        return syncs.last()
                .orElseThrow(() -> new LicensingException(
                        ErrorCode.RESOURCE_NOT_FOUND, "This instance has not synced yet", Map.of()));
    }

    @POST
    @Operation(operationId = "syncNow", summary = "Sync with the publisher now (publisher-admin of this instance)")
    public SyncReportView runNow() {
        return syncs.runNow();
    }
}
