package org.licentia.console;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.server.handlers.form.FormData;
import io.undertow.server.handlers.form.FormDataParser;
import io.undertow.server.handlers.form.FormParserFactory;
import io.undertow.servlet.ServletExtension;
import io.undertow.servlet.api.DeploymentInfo;
import io.undertow.util.Headers;
import io.undertow.util.Methods;
import io.undertow.util.StatusCodes;
import jakarta.servlet.ServletContext;
import java.time.Instant;
import org.licentia.server.control.SignInAttempts;

/**
 * Counts the sign-in form's wrong passwords with the same {@link SignInAttempts} as the API's Basic
 * sign-in and SOAP's UsernameToken, so the form is no faster way to guess. A guess that must wait is
 * sent back to the form with the wait, before the container checks the password. The container's
 * form sign-in answers success with a redirect to the page asked for, and failure with the form
 * again, so the status tells the two apart. It runs around the container's sign-in, so it needs
 * Undertow's API rather than a servlet filter.
 */
public class SignInGuard implements ServletExtension {

    private static final String SIGN_IN = "/j_security_check";

    @Override
    public void handleDeployment(DeploymentInfo deployment, ServletContext context) {
        deployment.addInitialHandlerChainWrapper(Guard::new);
    }

    private record Guard(HttpHandler next) implements HttpHandler {

        @Override
        public void handleRequest(HttpServerExchange exchange) throws Exception {
            if (!exchange.getRelativePath().endsWith(SIGN_IN) || !Methods.POST.equals(exchange.getRequestMethod())) {
                next.handleRequest(exchange);
                return;
            }
            if (exchange.isInIoThread()) {
                exchange.dispatch(this);
                return;
            }
            exchange.startBlocking();
            // parsed once: the container's form sign-in reads the same parsed form from the exchange
            FormDataParser parser = FormParserFactory.builder().build().createParser(exchange);
            FormData form = parser == null ? null : parser.parseBlocking();
            FormData.FormValue user = form == null ? null : form.getFirst("j_username");
            if (user == null || user.isFileItem() || user.getValue().isBlank()) {
                next.handleRequest(exchange);
                return;
            }
            String email = user.getValue();
            String address = exchange.getSourceAddress().getAddress().getHostAddress();
            SignInAttempts attempts = SignInAttempts.shared();
            long wait = attempts.waitSeconds(email, address, Instant.now());
            if (wait > 0) {
                exchange.setStatusCode(StatusCodes.SEE_OTHER);
                exchange.getResponseHeaders()
                        .put(Headers.LOCATION, exchange.getResolvedPath() + "/sign-in.xhtml?wait=" + wait);
                exchange.endExchange();
                return;
            }
            exchange.addResponseCommitListener(committed -> {
                if (committed.getStatusCode() == StatusCodes.FOUND
                        || committed.getStatusCode() == StatusCodes.SEE_OTHER) {
                    attempts.succeeded(email, address);
                } else if (committed.getStatusCode() < 500) {
                    attempts.failed(email, address, Instant.now());
                }
            });
            next.handleRequest(exchange);
        }
    }
}
