package org.licentia.web.rest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
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
import org.licentia.returns.boundary.InstanceReturns;

/**
 * Publisher side of license returns: an instance's signed return (or cancel) request file in, the
 * signed response file out, the same one for the same request every time.
 */
@ApplicationScoped
@Path("/returns")
@Produces(MediaType.APPLICATION_JSON)
public class ReturnsResource {

    @Inject
    InstanceReturns returns;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "processLicenseReturn",
            summary = "Publisher: process an instance's return (or cancel) request file, the file as the body;"
                    + " answers the signed response file (license-manager or deputy of an account whose licenses"
                    + " the instance hosts, or publisher-admin)")
    public Response process(byte[] requestFile) {
        return file(returns.process(LicenseReturnResource.text(requestFile, "the return request file")));
    }

    public record Receipts(List<InstanceReturns.Receipt> returns) {}

    @GET
    @Operation(
            operationId = "licenseReturns",
            summary = "Publisher: the returns processed, newest first (up to 500), of one instance or all"
                    + " (publisher-admin)")
    public Receipts list(@QueryParam("instance") String instanceId) {
        return new Receipts(returns.receipts(instanceId));
    }

    @GET
    @Path("/{requestId}")
    @Operation(
            operationId = "licenseReturnResponse",
            summary = "Publisher: the response file of a return request processed before, when it was lost")
    public Response response(@PathParam("requestId") String requestId) {
        return file(returns.response(requestId));
    }

    private static Response file(InstanceReturns.Processed p) {
        return Response.ok(p.response(), MediaType.APPLICATION_JSON)
                .header(
                        "Content-Disposition",
                        "attachment; filename=\"licentia-return-"
                                + p.requestId().substring(0, 8) + "-response.json\"")
                .header("X-Licentia-Outcome", p.outcome())
                .header("X-Licentia-Processed-Before", p.processedBefore())
                .build();
    }
}
