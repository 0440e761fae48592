package org.licentia.web.rest;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.licentia.errors.LicensingException;

/**
 * The error pages of the container itself (web.xml): when sign-in fails or is missing before any
 * resource runs, the client still gets a problem body with a catalogue code (a SOAP client: the
 * declared licensingFault).
 */
@WebServlet("/problem")
public class ProblemPages extends HttpServlet {

    private static final long serialVersionUID = 1L;

    /** The container failed while signing in: credentials were sent, and nobody is signed in. */
    private static boolean signInFailed(HttpServletRequest request) {
        String authorization = request.getHeader("Authorization");
        return authorization != null
                && authorization.regionMatches(true, 0, "basic ", 0, 6)
                && request.getUserPrincipal() == null;
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object status = request.getAttribute("jakarta.servlet.error.status_code");
        int code = status instanceof Integer i ? i : response.getStatus();
        LicensingException e = HttpStatuses.failureOf(code);
        if (code == 500 && signInFailed(request)) {
            // Elytron answers 500 when the realm cannot be asked (the database is down), and keeps the cause
            e = org.licentia.web.CredentialsGuard.unavailable(new IllegalStateException(
                    "the security realm failed while checking credentials (its DEBUG log has the cause)"));
            code = HttpStatuses.of(e.code());
        }
        response.setStatus(code);
        Object uri = request.getAttribute("jakarta.servlet.error.request_uri");
        if (uri instanceof String path && path.startsWith(request.getContextPath() + "/soap/")) {
            byte[] fault = org.licentia.web.soap.SoapRequestGuard.faultEnvelope(e);
            response.setContentType("text/xml;charset=UTF-8");
            response.getOutputStream().write(fault);
            return;
        }
        response.setContentType(Problem.MEDIA_TYPE);
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(Problem.of(e, code).toJson());
    }
}
