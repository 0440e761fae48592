package org.licentia.web.rest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.licentia.catalog.boundary.AccountView;
import org.licentia.catalog.boundary.Accounts;

@ApplicationScoped
@Path("/accounts")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AccountsResource {

    @Inject
    Accounts accounts;

    public record NewAccount(String name) {}

    public record AccountList(List<AccountView> items) {}

    @POST
    @Operation(operationId = "createAccount", summary = "Create a customer account (publisher-admin)")
    public Response create(NewAccount body) {
        AccountView created = accounts.create(body == null ? null : body.name());
        return Response.status(Response.Status.CREATED).entity(created).build();
    }

    @GET
    @Operation(operationId = "listAccounts", summary = "Accounts: all for a publisher-admin, one's own otherwise")
    public AccountList list() {
        return new AccountList(accounts.list());
    }
}
