package org.licentia.web.rest;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.licentia.errors.Failures;
import org.licentia.errors.LicensingException;

/**
 * Every failure of the REST facade becomes a problem body with a catalogue code: the domain's
 * own, JAX-RS's (unknown path, wrong method or media type), or INTERNAL_ERROR for the rest.
 */
@Provider
public class ProblemResponses implements ExceptionMapper<Throwable> {

    @Override
    public Response toResponse(Throwable failure) {
        LicensingException e =
                failure instanceof WebApplicationException web && !(web.getCause() instanceof LicensingException)
                        ? fromJaxRs(web)
                        : Failures.translate(failure);
        return response(e);
    }

    static Response response(LicensingException e) {
        int status = HttpStatuses.of(e.code());
        Response.ResponseBuilder builder =
                Response.status(status).type(Problem.MEDIA_TYPE).entity(Problem.of(e, status));
        if (status == 401) {
            builder.header("WWW-Authenticate", "Basic realm=\"Licentia\"");
        }
        if (status == 429 && e.details().containsKey("retryAfterSeconds")) {
            builder.header("Retry-After", e.details().get("retryAfterSeconds"));
        }
        return builder.build();
    }

    private static LicensingException fromJaxRs(WebApplicationException web) {
        int status = web.getResponse() == null ? 500 : web.getResponse().getStatus();
        return status >= 400 && status < 500 ? HttpStatuses.failureOf(status) : Failures.translate(web);
    }
}
