package org.licentia.web.rest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.licentia.hosts.boundary.HostReport;
import org.licentia.hosts.boundary.HostView;
import org.licentia.hosts.boundary.Hosts;
import org.licentia.web.BearerTokens;

/** On-prem: the licensed product's hosts report themselves (client token); users list them. */
@ApplicationScoped
@Path("/hosts")
@Produces(MediaType.APPLICATION_JSON)
public class HostsResource {

    @Inject
    Hosts hosts;

    public record HostList(List<HostView> hosts) {}

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "reportHost",
            summary = "A host of the licensed product reports itself (client token, Bearer), again every"
                    + " reportEverySeconds; a new host needs room in a license by hosts or CPU sockets")
    public Hosts.Reported report(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, HostReport report) {
        return hosts.report(BearerTokens.of(authorization), report);
    }

    @GET
    @Operation(
            operationId = "listHosts",
            summary = "On-prem: the reported hosts, counted ones first, for the licenses the caller may see")
    public HostList list() {
        return new HostList(hosts.list());
    }
}
