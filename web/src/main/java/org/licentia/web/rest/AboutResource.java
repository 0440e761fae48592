package org.licentia.web.rest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.licentia.server.boundary.About;
import org.licentia.server.boundary.ServerDescription;

/** What this server is: version, build, schema version and role. No sign-in, like the home page that shows it. */
@ApplicationScoped
@Path("/about")
public class AboutResource {

    @Inject
    ServerDescription server;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "about",
            summary = "This server's version, build, database schema version and role (both or on-prem); no sign-in")
    public About about() {
        return server.about();
    }
}
