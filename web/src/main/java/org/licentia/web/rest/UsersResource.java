package org.licentia.web.rest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.licentia.catalog.boundary.NewUser;
import org.licentia.catalog.boundary.RoleAssignment;
import org.licentia.catalog.boundary.UserView;
import org.licentia.catalog.boundary.Users;

@ApplicationScoped
@Path("/users")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class UsersResource {

    @Inject
    Users users;

    @POST
    @Operation(
            operationId = "addUser",
            summary = "Add a user with a first role (publisher-admin, or the account's license-manager)")
    public Response add(NewUser body) {
        return Response.status(Response.Status.CREATED).entity(users.add(body)).build();
    }

    @GET
    @Path("/{email}")
    @Operation(operationId = "getUser", summary = "A user and their role grants")
    public UserView get(@PathParam("email") String email) {
        return users.get(email);
    }

    @PUT
    @Path("/{email}/roles")
    @Operation(
            operationId = "assignRoles",
            summary = "Set exactly the roles a user holds on one account (or publisher roles, with no account)")
    public UserView assignRoles(@PathParam("email") String email, RoleAssignment body) {
        return users.assignRoles(email, body);
    }
}
