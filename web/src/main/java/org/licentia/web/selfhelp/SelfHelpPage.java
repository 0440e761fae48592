package org.licentia.web.selfhelp;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.licentia.activation.boundary.ActivationRequest;
import org.licentia.activation.boundary.ActivationView;
import org.licentia.activation.boundary.Activations;
import org.licentia.audit.control.RequestChannel;
import org.licentia.audit.entity.Channel;
import org.licentia.client.activation.QrCode;
import org.licentia.errors.Failures;
import org.licentia.errors.LicensingException;
import org.licentia.web.rest.HttpStatuses;

/**
 * The customer's self-help pages: activate a computer that has no connection (enter the activation
 * key and the computer ID, get the computer key as text and as a QR code), and pass on a
 * deactivation code. Plain HTML forms, so they work without JavaScript and on any phone; the
 * client library's QR code opens the activation form filled in.
 */
@WebServlet(urlPatterns = {"/self-help", "/self-help/", "/self-help/activation", "/self-help/deactivation"})
public class SelfHelpPage extends HttpServlet {

    /** Large enough for a phone camera at arm's length, small enough for a phone screen. */
    private static final int PIXELS_PER_MODULE = 5;

    @Inject
    Activations activations;

    @Inject
    RequestChannel channel;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        switch (request.getServletPath()) {
            case "/self-help/activation" ->
                send(
                        response,
                        200,
                        "Activate a computer",
                        SelfHelpHtml.activationForm(
                                request.getParameter("activationKey"), request.getParameter("computerId"), null, null));
            case "/self-help/deactivation" ->
                send(response, 200, "Confirm a deactivation", SelfHelpHtml.deactivationForm(null, null));
            default -> send(response, 200, "Self-help", SelfHelpHtml.index());
        }
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        request.setCharacterEncoding(StandardCharsets.UTF_8.name());
        channel.set(Channel.PAGE, request.getHeader("User-Agent"), request.getRemoteAddr());
        switch (request.getServletPath()) {
            case "/self-help/activation" -> activate(request, response);
            case "/self-help/deactivation" -> deactivate(request, response);
            default -> response.sendError(405);
        }
    }

    private void activate(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String key = request.getParameter("activationKey");
        String computer = request.getParameter("computerId");
        String name = request.getParameter("computerName");
        try {
            ActivationView activation = activations
                    .activate(new ActivationRequest(key, computer, name, Map.of()))
                    .activation();
            String qr = Base64.getEncoder()
                    .encodeToString(QrCode.of(activation.computerKey()).toPng(PIXELS_PER_MODULE));
            send(response, 200, "Computer key", SelfHelpHtml.computerKey(activation, qr));
        } catch (RuntimeException failure) {
            LicensingException refusal = Failures.translate(failure);
            send(
                    response,
                    HttpStatuses.of(refusal.code()),
                    "Activate a computer",
                    SelfHelpHtml.activationForm(key, computer, name, refusal.getMessage()));
        }
    }

    private void deactivate(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String dvc = request.getParameter("dvc");
        try {
            send(response, 200, "Deactivation confirmed", SelfHelpHtml.deactivated(activations.deactivate(dvc)));
        } catch (RuntimeException failure) {
            LicensingException refusal = Failures.translate(failure);
            send(
                    response,
                    HttpStatuses.of(refusal.code()),
                    "Confirm a deactivation",
                    SelfHelpHtml.deactivationForm(dvc, refusal.getMessage()));
        }
    }

    static void send(HttpServletResponse response, int status, String title, String body) throws IOException {
        response.setStatus(status);
        response.setContentType("text/html;charset=UTF-8");
        // A computer key on screen is a credential: keep it out of caches and other sites' frames.
        response.setHeader("Cache-Control", "no-store");
        response.setHeader(
                "Content-Security-Policy",
                "default-src 'none'; img-src data:; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Referrer-Policy", "no-referrer");
        response.getWriter().write(SelfHelpHtml.page(title, body));
    }
}
