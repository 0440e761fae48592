package org.licentia.web.rest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * Answers without touching anything: a liveness probe for load balancers, and the benchmark's
 * baseline for what the HTTP and JAX-RS layers alone cost.
 */
@ApplicationScoped
@Path("/ping")
public class PingResource {

    private static final Map<String, String> OK = Map.of("status", "ok");

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "ping", summary = "Answers {\"status\":\"ok\"}; no sign-in")
    public Map<String, String> ping() {
        return OK;
    }
}
