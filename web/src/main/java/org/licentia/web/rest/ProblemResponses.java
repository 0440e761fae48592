package org.licentia.web.rest;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.licentia.errors.ErrorCode;
import org.licentia.errors.LicensingException;
import org.licentia.web.Failures;

/**
 * Every failure of the REST facade becomes a problem body with a catalogue code: the domain's
 * own, JAX-RS's (unknown path, wrong method or media type), or INTERNAL_ERROR for the rest.
 */
@Provider
public class ProblemResponses implements ExceptionMapper<Throwable> {

    @Override
    public Response toResponse(Throwable failure) {
        LicensingException e = failure instanceof WebApplicationException web && !(web.getCause() instanceof LicensingException)
                ? fromJaxRs(web) : Failures.translate(failure);
        return response(e);
    }

    static Response response(LicensingException e) {
        int status = HttpStatuses.of(e.code());
        Response.ResponseBuilder builder = Response.status(status).type(Problem.MEDIA_TYPE).entity(Problem.of(e, status));
        if (status == 401) {
            builder.header("WWW-Authenticate", "Basic realm=\"Licentia\"");
        }
        return builder.build();
    }

    private static LicensingException fromJaxRs(WebApplicationException web) {
        int status = web.getResponse() == null ? 500 : web.getResponse().getStatus();
        return switch (status) {
            case 401 -> new LicensingException(ErrorCode.UNAUTHENTICATED, "Sign in with HTTP Basic authentication");
            case 403 -> new LicensingException(ErrorCode.FORBIDDEN, "Not allowed");
            case 404 -> new LicensingException(ErrorCode.RESOURCE_NOT_FOUND, "No such resource");
            case 405 -> new LicensingException(ErrorCode.METHOD_NOT_ALLOWED, "This resource does not support that method");
            case 406 -> new LicensingException(ErrorCode.NOT_ACCEPTABLE, "This resource answers in application/json");
            case 413 -> new LicensingException(ErrorCode.PAYLOAD_TOO_LARGE, "The request body is too large");
            case 415 -> new LicensingException(ErrorCode.UNSUPPORTED_MEDIA_TYPE, "Send the body as application/json");
            default -> status >= 400 && status < 500
                    ? new LicensingException(ErrorCode.MALFORMED_REQUEST, "The request is malformed")
                    : Failures.translate(web);
        };
    }
}
