package org.licentia.web.rest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.EntityPart;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.licentia.errors.ErrorCode;
import org.licentia.errors.LicensingException;
import org.licentia.licensefile.boundary.LicenseFileUploads;
import org.licentia.licensefile.boundary.LicenseFiles;
import org.licentia.registration.boundary.Registrations;
import org.licentia.registration.control.PublisherTrust;

/**
 * Request-key licensing over REST: the publisher makes a license file from an instance's request
 * code ({@code POST}, answers the zip); the instance gives its request code and takes the upload of
 * a file ({@code POST /upload} with the zip as the body), on any node.
 */
@ApplicationScoped
@Path("/license-files")
@Produces(MediaType.APPLICATION_JSON)
public class LicenseFilesResource {

    public static final String ZIP = "application/zip";

    @Inject
    LicenseFiles files;

    @Inject
    LicenseFileUploads uploads;

    @Inject
    Registrations registrations;

    /** {@code licenses}, or {@code account} for all of its licenses that no instance hosts. */
    public record LicenseFileRequest(String requestCode, List<String> licenses, String account) {}

    public record AppliedFiles(List<LicenseFileUploads.AppliedFileView> files) {}

    public record TrustedKeys(List<PublisherTrust.TrustedKey> keys) {}

    @GET
    @Path("/request-code")
    @Operation(
            operationId = "requestCode",
            summary = "On-prem: this instance's request code, to send to the publisher for a license file (admin)")
    public LicenseFileUploads.RequestCodeView requestCode() {
        return uploads.requestCode();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(ZIP)
    @Operation(
            operationId = "createLicenseFile",
            summary = "Publisher: a license file (zip) for the instance of a request code, with the listed licenses"
                    + " or all of an account's unhosted ones, and every license its earlier files gave it")
    @APIResponse(
            responseCode = "200",
            description = "The license file",
            content = @Content(mediaType = ZIP, schema = @Schema(type = SchemaType.STRING, format = "binary")))
    public Response create(LicenseFileRequest body) {
        LicenseFileRequest request = body == null ? new LicenseFileRequest(null, null, null) : body;
        LicenseFiles.IssuedFile file = files.create(request.requestCode(), request.licenses(), request.account());
        return Response.ok(file.zip(), ZIP)
                .header("Content-Disposition", "attachment; filename=\"" + file.fileName() + "\"")
                .header("X-Licentia-Serial", file.serial())
                .header("X-Licentia-Instance", file.instanceId())
                .build();
    }

    @POST
    @Path("/upload")
    @Consumes(ZIP)
    @Operation(
            operationId = "uploadLicenseFile",
            summary = "On-prem: apply a license file (the zip as the body), on any node (admin)")
    public LicenseFileUploads.UploadResult upload(byte[] zip) {
        return uploads.upload(zip);
    }

    /** The same from an HTML form or {@code curl -F file=@license.zip}: the zip in the part named {@code file}. */
    @POST
    @Path("/upload")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Operation(
            operationId = "uploadLicenseFileForm",
            summary = "On-prem: apply a license file sent as multipart/form-data, the zip in the part named file"
                    + " (admin)")
    public LicenseFileUploads.UploadResult uploadForm(@FormParam("file") EntityPart file) throws IOException {
        if (file == null) {
            throw new LicensingException(
                    ErrorCode.INVALID_INPUT,
                    "Invalid input: the form has no part named file. Nothing was changed.",
                    Map.of("file", "the license file (zip)"));
        }
        return uploads.upload(file.getContent(byte[].class));
    }

    @GET
    @Path("/applied")
    @Operation(
            operationId = "appliedLicenseFiles",
            summary = "On-prem: the license files applied, newest first (admin)")
    public AppliedFiles applied() {
        return new AppliedFiles(uploads.appliedFiles());
    }

    @GET
    @Path("/trusted-keys")
    @Operation(
            operationId = "trustedPublisherKeys",
            summary = "On-prem: the publisher keys this instance trusts, and where each trust comes from (admin)")
    public TrustedKeys trustedKeys() {
        return new TrustedKeys(registrations.trustedPublisherKeys());
    }
}
