package org.licentia.web.rest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.licentia.seats.boundary.Reservations;
import org.licentia.seats.boundary.SeatUsageView;

/** The administrator's view of seats: who holds which, revoking, usage records. */
@ApplicationScoped
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
public class ReservationsResource {

    @Inject
    Reservations reservations;

    @GET
    @Path("reservations")
    @Operation(operationId = "listReservations", summary = "Live seat leases, of one license or all (publisher-admin)")
    public SeatsResource.Leases leases(@QueryParam("license") String license) {
        return new SeatsResource.Leases(reservations.leases(license));
    }

    @DELETE
    @Path("reservations/{lease}")
    @Operation(operationId = "revokeReservation", summary = "Revoke a seat lease (publisher-admin)")
    public Response revoke(@PathParam("lease") String lease) {
        reservations.revoke(lease);
        return Response.noContent().build();
    }

    public record Usage(List<SeatUsageView> usage) {}

    @GET
    @Path("seat-usage")
    @Operation(
            operationId = "seatUsage",
            summary =
                    "Seat usage per license and hour: reservations, releases, expiries, borrows, revocations, denials (publisher-admin)")
    public Usage usage(@QueryParam("license") String license) {
        return new Usage(reservations.usage(license));
    }
}
