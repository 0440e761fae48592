package org.licentia.web.rest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.licentia.catalog.boundary.LicenseChange;
import org.licentia.catalog.boundary.LicenseDraft;
import org.licentia.catalog.boundary.LicenseQuery;
import org.licentia.catalog.boundary.LicenseView;
import org.licentia.catalog.boundary.Licenses;
import org.licentia.catalog.boundary.Page;
import org.licentia.catalog.boundary.SignedLicense;

@ApplicationScoped
@Path("/licenses")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class LicensesResource {

    @Inject
    Licenses licenses;

    public record Revocation(String reason) {}

    public record Signature(String algorithm, String keyId, String value) {}

    /** The license, its signed document and the detached signature over the document's canonical bytes. */
    public record SignedLicenseBody(LicenseView license, Map<String, Object> document, Signature signature) {}

    @POST
    @Operation(operationId = "createLicense", summary = "Create a license (publisher-admin)")
    public Response create(LicenseDraft draft, @Context UriInfo uri) {
        LicenseView created = licenses.create(draft);
        return Response.created(
                        uri.getAbsolutePathBuilder().path(created.number()).build())
                .entity(created)
                .build();
    }

    public record Batch(List<LicenseDraft> licenses) {}

    @POST
    @Path("/batch")
    @Operation(
            operationId = "createLicenses",
            summary = "Create up to 1000 licenses at once, all or none (publisher-admin)")
    public Response createAll(Batch batch) {
        return Response.status(Response.Status.CREATED)
                .entity(new CreatedBatch(licenses.createAll(batch == null ? null : batch.licenses())))
                .build();
    }

    public record CreatedBatch(List<LicenseView> licenses) {}

    public record RevocationBatch(List<String> licenses, String reason) {}

    public record RevokedBatch(List<LicenseView> licenses) {}

    @POST
    @Path("/batch/revocation")
    @Operation(
            operationId = "revokeLicenses",
            summary = "Revoke up to 1000 licenses at once, all or none (publisher-admin)")
    public RevokedBatch revokeAll(RevocationBatch batch) {
        return new RevokedBatch(
                licenses.revokeAll(batch == null ? null : batch.licenses(), batch == null ? null : batch.reason()));
    }

    @GET
    @Operation(operationId = "listLicenses", summary = "Licenses, filtered by account, state and product, paged")
    public Page<LicenseView> find(
            @QueryParam("account") String account,
            @QueryParam("state") String state,
            @QueryParam("product") String product,
            @QueryParam("page") String page,
            @QueryParam("size") String size) {
        return licenses.find(new LicenseQuery(
                account,
                state,
                product,
                QueryNumbers.parse("page", page, 0),
                QueryNumbers.parse("size", size, LicenseQuery.DEFAULT_SIZE)));
    }

    @GET
    @Path("/{number}")
    @Operation(operationId = "getLicense", summary = "A license with its Ed25519-signed document")
    public SignedLicenseBody get(@PathParam("number") String number) {
        SignedLicense s = licenses.signed(number);
        return new SignedLicenseBody(
                s.license(),
                s.signed().document(),
                new Signature(
                        s.signed().algorithm(),
                        s.signed().keyId(),
                        Base64.getEncoder().encodeToString(s.signed().signature())));
    }

    @PATCH
    @Path("/{number}")
    @Operation(
            operationId = "updateLicense",
            summary = "Change a license's terms; absent fields stay (publisher-admin)")
    public LicenseView update(@PathParam("number") String number, LicenseChange change) {
        return licenses.update(number, change);
    }

    @DELETE
    @Path("/{number}")
    @Operation(
            operationId = "deleteLicense",
            summary = "Delete a license entered by mistake (publisher-admin); its records stay")
    public Response delete(@PathParam("number") String number) {
        licenses.delete(number);
        return Response.noContent().build();
    }

    @POST
    @Path("/{number}/revoke")
    @Operation(operationId = "revokeLicense", summary = "Revoke a license (publisher-admin)")
    public LicenseView revoke(@PathParam("number") String number, Revocation body) {
        return licenses.revoke(number, body == null ? null : body.reason());
    }
}
