package org.licentia.web.rest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.licentia.seats.boundary.LeaseView;
import org.licentia.seats.boundary.SeatRequest;
import org.licentia.seats.boundary.Seats;
import org.licentia.seats.boundary.SignedLease;
import org.licentia.web.BearerTokens;

/** Seat clients: reserve, heartbeat, release and borrow, signed in with a client token (Bearer). */
@ApplicationScoped
@Path("/seats")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class SeatsResource {

    @Inject
    Seats seats;

    /**
     * A lease, its signed document and the batch signature that covers the document (docs/seats.md).
     * {@code canonicalDocument} is the document's canonical form, which {@link LeaseBodyWriter}
     * writes as it is instead of encoding the document again; it is not a member of the answer.
     */
    public record LeaseBody(
            LeaseView lease,
            Map<String, Object> document,
            BatchSignature signature,
            @Schema(hidden = true) byte[] canonicalDocument) {

        static LeaseBody of(SignedLease s) {
            return new LeaseBody(
                    s.lease(),
                    s.signed().document(),
                    new BatchSignature(
                            s.signed().algorithm(),
                            s.signed().keyId(),
                            Base64.getEncoder().encodeToString(s.signed().signature()),
                            s.signed().batchPath()),
                    s.signed().canonical());
        }
    }

    public record BatchSignature(String algorithm, String keyId, String value, List<String> batchPath) {}

    @POST
    @Operation(
            operationId = "reserveSeat",
            summary =
                    "Reserve a seat of a license, or of any license of a product with a feature (201 new, 200 the client's existing lease)")
    public Response reserve(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, SeatRequest request) {
        return answer(seats.reserve(BearerTokens.of(authorization), request));
    }

    @POST
    @Path("/borrow")
    @Operation(operationId = "borrowSeat", summary = "Borrow a seat for offline use for some days")
    public Response borrow(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, SeatRequest request) {
        return answer(seats.borrow(BearerTokens.of(authorization), request));
    }

    @POST
    @Path("/{lease}/heartbeat")
    @Operation(operationId = "heartbeatSeat", summary = "Renew a lease")
    public LeaseBody heartbeat(
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, @PathParam("lease") String lease) {
        return LeaseBody.of(seats.heartbeat(BearerTokens.of(authorization), lease));
    }

    @DELETE
    @Path("/{lease}")
    @Operation(operationId = "releaseSeat", summary = "Release a lease")
    public Response release(
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, @PathParam("lease") String lease) {
        seats.release(BearerTokens.of(authorization), lease);
        return Response.noContent().build();
    }

    @GET
    @Path("/keys")
    @Operation(operationId = "seatKeys", summary = "The keys that verify lease documents")
    public KeysResource.Keys keys(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        return KeysResource.of(seats.keys(BearerTokens.of(authorization)));
    }

    private static Response answer(SignedLease lease) {
        return Response.status(lease.created() ? Response.Status.CREATED : Response.Status.OK)
                .entity(LeaseBody.of(lease))
                .build();
    }

    public record Leases(List<LeaseView> leases) {}
}
