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
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.licentia.hardwarekey.boundary.HardwareKeyLicensing;
import org.licentia.hardwarekey.boundary.HardwareKeys;
import org.licentia.hardwarekey.boundary.KeyStatusView;
import org.licentia.licensefile.boundary.LicenseFileUploads;
import org.licentia.licensefile.boundary.LicenseFiles;

/**
 * Hardware (USB) key licensing over REST. Publisher: a license file bound to a key ({@code POST},
 * answers the zip that preloading writes onto the token, or that an instance uploads to update the
 * key's license). Instance: the key status ({@code GET /status}), the key IDs to copy ({@code GET
 * /ids}) and "Synchronize" ({@code POST /sync}).
 */
@ApplicationScoped
@Path("/hardware-keys")
@Produces(MediaType.APPLICATION_JSON)
public class HardwareKeysResource {

    @Inject
    HardwareKeys keys;

    @Inject
    HardwareKeyLicensing licensing;

    /** {@code publicKey} binds the key's ID on its first preload; {@code licenses}, or {@code account}. */
    public record KeyLicenseRequest(String keyId, String publicKey, List<String> licenses, String account) {}

    public record KeyIds(List<String> keyIds) {}

    public record PreloadedKeys(List<HardwareKeys.KeyView> keys) {}

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(LicenseFilesResource.ZIP)
    @Operation(
            operationId = "createHardwareKeyLicense",
            summary = "Publisher: a license file (zip) bound to a hardware key, with the listed licenses or an"
                    + " account's unhosted ones and every license the key's earlier files gave it")
    @APIResponse(
            responseCode = "200",
            description = "The license file",
            content =
                    @Content(
                            mediaType = LicenseFilesResource.ZIP,
                            schema = @Schema(type = SchemaType.STRING, format = "binary")))
    public Response create(KeyLicenseRequest body) {
        KeyLicenseRequest r = body == null ? new KeyLicenseRequest(null, null, null, null) : body;
        LicenseFiles.IssuedFile file = keys.licenseFile(r.keyId(), r.publicKey(), r.licenses(), r.account());
        return Response.ok(file.zip(), LicenseFilesResource.ZIP)
                .header("Content-Disposition", "attachment; filename=\"" + file.fileName() + "\"")
                .header("X-Licentia-Serial", file.serial())
                .build();
    }

    @GET
    @Path("/preloaded")
    @Operation(operationId = "preloadedHardwareKeys", summary = "Publisher: the hardware keys preloaded (admin)")
    public PreloadedKeys preloaded() {
        return new PreloadedKeys(keys.list());
    }

    public record Retired(String keyId, List<String> freed) {}

    @POST
    @Path("/preloaded/{keyId}/retirement")
    @Operation(
            operationId = "retireHardwareKey",
            summary = "Publisher: a lost or broken key: free its licenses for another key (publisher-admin)")
    public Retired retire(@jakarta.ws.rs.PathParam("keyId") String keyId) {
        return new Retired(keyId, keys.retire(keyId));
    }

    @GET
    @Path("/status")
    @Operation(
            operationId = "hardwareKeyStatus",
            summary = "On-prem: the USB key status across the nodes (this node read now), each node's keys, and"
                    + " the buffer license")
    public KeyStatusView status() {
        return licensing.status();
    }

    @GET
    @Path("/ids")
    @Operation(operationId = "hardwareKeyIds", summary = "On-prem: the IDs of the keys plugged in (Copy USB Key ID)")
    public KeyIds ids() {
        return new KeyIds(licensing.keyIds());
    }

    public record Uninstalled(List<String> removed) {}

    @jakarta.ws.rs.DELETE
    @Path("/installed")
    @Operation(
            operationId = "uninstallHardwareKeyLicense",
            summary = "On-prem: remove the installed key's licenses from this instance (admin)")
    public Uninstalled uninstall() {
        return new Uninstalled(licensing.uninstall());
    }

    @POST
    @Path("/sync")
    @Operation(
            operationId = "synchronizeHardwareKey",
            summary = "On-prem: install the license preloaded on the one hardware key (Synchronize; admin)")
    public LicenseFileUploads.UploadResult synchronize() {
        return licensing.synchronize();
    }
}
