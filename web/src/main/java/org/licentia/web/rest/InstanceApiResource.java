package org.licentia.web.rest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.licentia.errors.ErrorCode;
import org.licentia.errors.LicensingException;
import org.licentia.registration.boundary.InstanceRegistrations;
import org.licentia.registration.control.InstanceRequests;
import org.licentia.returns.boundary.InstanceReturns;
import org.licentia.signing.boundary.SigningKeys;

/**
 * Publisher side, for instances acting on their own (no user): the public verification keys, and
 * the batched sync validation, authenticated by the instance's signature instead of a password.
 */
@ApplicationScoped
@Path("/instance-api")
@Produces(MediaType.APPLICATION_JSON)
public class InstanceApiResource {

    @Inject
    InstanceRegistrations registrations;

    @Inject
    SigningKeys signingKeys;

    @Inject
    InstanceReturns returns;

    public record Result(String number, String status, InstancesResource.SignedRegistration registration) {}

    public record Results(List<Result> results) {}

    @GET
    @Path("/keys")
    @Operation(
            operationId = "instanceKeys",
            summary = "The publisher's verification keys, for instances checking documents")
    public KeysResource.Keys keys() {
        return KeysResource.of(signingKeys);
    }

    @GET
    @Path("/returns/{requestId}")
    @Operation(
            operationId = "instanceReturnResponse",
            summary = "The response to one of the instance's own return requests, asked by the instance (signed),"
                    + " so a return whose answer was lost finishes at its next sync")
    public Response returnResponse(
            @HeaderParam(InstanceRequests.INSTANCE_HEADER) String instanceId,
            @HeaderParam(InstanceRequests.TIME_HEADER) String time,
            @HeaderParam(InstanceRequests.SIGNATURE_HEADER) String signature,
            @PathParam("requestId") String requestId) {
        return Response.ok(
                        returns.responseForInstance(instanceId, time, signature, requestId), MediaType.APPLICATION_JSON)
                .build();
    }

    @POST
    @Path("/validation")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "validateHostedLicenses",
            summary = "Sync: validate every license an instance hosts, in one call signed by the instance")
    public Results validate(
            @HeaderParam(InstanceRequests.INSTANCE_HEADER) String instanceId,
            @HeaderParam(InstanceRequests.TIME_HEADER) String time,
            @HeaderParam(InstanceRequests.SIGNATURE_HEADER) String signature,
            byte[] body) {
        List<String> numbers = new ArrayList<>();
        try {
            JsonObject request =
                    Json.createReader(new ByteArrayInputStream(body)).readObject();
            for (JsonValue v : request.getJsonArray("licenses")) {
                numbers.add(((JsonString) v).getString());
            }
        } catch (RuntimeException e) {
            throw new LicensingException(ErrorCode.MALFORMED_REQUEST, "Expected {\"licenses\": [\"NNNNNNNN\", ...]}");
        }
        return new Results(registrations.validate(instanceId, time, signature, body, numbers).stream()
                .map(v -> new Result(
                        v.number(),
                        v.status(),
                        v.registered() == null ? null : InstancesResource.SignedRegistration.of(v.registered())))
                .toList());
    }
}
