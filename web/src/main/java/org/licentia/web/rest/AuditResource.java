package org.licentia.web.rest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.licentia.audit.boundary.AuditRecords;

@ApplicationScoped
@Path("/audit")
@Produces(MediaType.APPLICATION_JSON)
public class AuditResource {

    @Inject
    AuditRecords records;

    public record AuditPage(List<AuditRecords.Entry> items) {}

    @GET
    @Operation(
            operationId = "listAuditRecords",
            summary = "Licensing records (audit), newest first; filter by item type and id (publisher-admin)")
    public AuditPage find(
            @QueryParam("itemType") String itemType,
            @QueryParam("itemId") String itemId,
            @QueryParam("page") String page,
            @QueryParam("size") String size) {
        return new AuditPage(records.find(
                itemType, itemId, QueryNumbers.parse("page", page, 0), QueryNumbers.parse("size", size, 50)));
    }
}
