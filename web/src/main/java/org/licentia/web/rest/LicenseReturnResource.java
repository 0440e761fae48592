package org.licentia.web.rest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.licentia.errors.ErrorCode;
import org.licentia.errors.LicensingException;
import org.licentia.returns.boundary.LicenseReturns;

/**
 * On-prem side of a license return, for the instance's admin, when the instance cannot reach the
 * publisher itself (semi-online and offline): make the signed request to carry, and take the
 * publisher's response back. The online return is {@code POST /registration/return}.
 */
@ApplicationScoped
@Path("/license-return")
@Produces(MediaType.APPLICATION_JSON)
public class LicenseReturnResource {

    @Inject
    LicenseReturns returns;

    @GET
    @Operation(
            operationId = "licenseReturn",
            summary = "On-prem: the pending return (with its request file), or else the last one (admin)")
    public LicenseReturns.ReturnView current() {
        return returns.current()
                .orElseThrow(() -> new LicensingException(
                        ErrorCode.RESOURCE_NOT_FOUND, "This instance has not returned licenses"));
    }

    @POST
    @Path("/request")
    @Operation(
            operationId = "requestLicenseReturn",
            summary = "On-prem: hold every hosted license for a return and answer the signed return request to carry"
                    + " to the publisher; the same request until it is answered (admin)")
    public LicenseReturns.ReturnView request() {
        return returns.request();
    }

    @POST
    @Path("/cancel-request")
    @Operation(
            operationId = "requestLicenseReturnCancel",
            summary = "On-prem: a signed request to cancel the pending return, for the publisher to answer (admin)")
    public LicenseReturns.ReturnView cancelRequest() {
        return returns.cancelRequest();
    }

    @POST
    @Path("/confirm")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "confirmLicenseReturn",
            summary = "On-prem: apply the publisher's return response file (the file as the body): the licenses"
                    + " are dropped, or, for a cancel, usable again (admin)")
    public LicenseReturns.ReturnView confirm(byte[] responseFile) {
        return returns.confirm(text(responseFile, "the return response file"));
    }

    /** A file's bytes as UTF-8 text, refusing anything else rather than replacing it. */
    static String text(byte[] body, String what) {
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body == null ? new byte[0] : body))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new LicensingException(
                    ErrorCode.MALFORMED_REQUEST,
                    "The body is not UTF-8 text: send " + what + " as it was written",
                    Map.of("body", what));
        }
    }
}
