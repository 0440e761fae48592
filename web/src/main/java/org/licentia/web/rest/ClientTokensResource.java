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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.licentia.seats.boundary.ClientTokenDraft;
import org.licentia.seats.boundary.ClientTokenView;
import org.licentia.seats.boundary.ClientTokens;

@ApplicationScoped
@Path("/client-tokens")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ClientTokensResource {

    @Inject
    ClientTokens tokens;

    public record Tokens(List<ClientTokenView> tokens) {}

    @POST
    @Operation(
            operationId = "createClientToken",
            summary =
                    "Create a client token for seat clients; its value is shown only in this answer (publisher-admin)")
    public Response create(ClientTokenDraft draft) {
        return Response.status(Response.Status.CREATED)
                .entity(tokens.create(draft))
                .build();
    }

    @GET
    @Operation(operationId = "listClientTokens", summary = "The client tokens, without their values (publisher-admin)")
    public Tokens list() {
        return new Tokens(tokens.list());
    }

    @DELETE
    @Path("/{name}")
    @Operation(operationId = "revokeClientToken", summary = "Revoke a client token (publisher-admin)")
    public Response revoke(@PathParam("name") String name) {
        tokens.revoke(name);
        return Response.noContent().build();
    }
}
