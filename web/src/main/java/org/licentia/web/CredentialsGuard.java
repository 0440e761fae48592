package org.licentia.web;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.servlet.ServletExtension;
import io.undertow.servlet.api.DeploymentInfo;
import io.undertow.util.Headers;
import jakarta.servlet.ServletContext;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.logging.Logger;
import org.licentia.errors.ErrorCode;
import org.licentia.errors.LicensingException;
import org.licentia.server.control.SignInAttempts;
import org.licentia.web.rest.HttpStatuses;
import org.licentia.web.rest.Problem;
import org.licentia.web.soap.SoapRequestGuard;
import org.wildfly.security.auth.server.RealmUnavailableException;

/**
 * Answers a request whose {@code Authorization: Basic} credentials cannot be decoded with 401,
 * before the container's sign-in sees them. Elytron's Basic mechanism throws on bad Base64
 * ({@code Basic !!!}, {@code Basic YQ}), which the container turned into a 500 with a stack trace in
 * the answer and in the log, on any path and without signing in. And a sign-in that cannot reach
 * the user store is a 503, not a 500 or a "wrong password". It runs first in the handler chain,
 * around the container's sign-in, so it needs Undertow's API rather than a servlet filter.
 */
public class CredentialsGuard implements ServletExtension {

    private static final Logger LOG = Logger.getLogger(CredentialsGuard.class.getName());

    @Override
    public void handleDeployment(DeploymentInfo deployment, ServletContext context) {
        deployment.addInitialHandlerChainWrapper(next -> new Check(next));
    }

    private record Check(HttpHandler next) implements HttpHandler {

        @Override
        public void handleRequest(HttpServerExchange exchange) throws Exception {
            var values = exchange.getRequestHeaders().get(Headers.AUTHORIZATION);
            String user = null;
            if (values != null) {
                for (String value : values) {
                    if (!isReadable(value)) {
                        refuse(
                                exchange,
                                new LicensingException(
                                        ErrorCode.UNAUTHENTICATED,
                                        "The Authorization header is not readable: send Basic with the Base64 of email:password"));
                        return;
                    }
                    user = user == null ? basicUser(value) : user;
                }
            }
            if (user != null) {
                String address = exchange.getSourceAddress().getAddress().getHostAddress();
                SignInAttempts attempts = SignInAttempts.shared();
                long wait = attempts.waitSeconds(user, address, Instant.now());
                if (wait > 0) {
                    refuse(exchange, slowDown(wait));
                    return;
                }
                String signingIn = user;
                // counted when the answer is committed, before the client can read it and try again
                exchange.addResponseCommitListener(committed -> {
                    if (committed.getStatusCode() == 401) {
                        attempts.failed(signingIn, address, Instant.now());
                    } else if (committed.getStatusCode() < 500) {
                        attempts.succeeded(signingIn, address);
                    }
                });
            }
            try {
                next.handleRequest(exchange);
            } catch (Exception failure) {
                if (!isRealmUnavailable(failure) || exchange.isResponseStarted()) {
                    throw failure;
                }
                refuse(exchange, unavailable(failure));
            }
        }
    }

    /**
     * Sign-in could not ask the user store (the database is down): that is the server's trouble,
     * not a wrong password. Said in one log line, without the stack, and to the client as 503.
     */
    public static LicensingException unavailable(Throwable cause) {
        Throwable root = cause;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        LOG.warning("Sign-in could not reach the user store: " + root);
        return new LicensingException(
                ErrorCode.SERVICE_UNAVAILABLE,
                "Sign-in is not possible right now: the server cannot reach its user store. Try again later.");
    }

    /** Too many wrong passwords for this user from this address: a wait, not a lock. */
    public static LicensingException slowDown(long waitSeconds) {
        return new LicensingException(
                ErrorCode.RATE_LIMITED,
                "Too many failed sign-ins for this user from your address: try again in " + waitSeconds + " seconds",
                Map.of("retryAfterSeconds", Long.toString(waitSeconds)));
    }

    /** The user name of readable Basic credentials, or null for another scheme. */
    static String basicUser(String header) {
        if (header.length() < 6 || !header.regionMatches(true, 0, "basic ", 0, 6)) {
            return null;
        }
        String credentials =
                new String(Base64.getDecoder().decode(header.substring(6).strip()), StandardCharsets.UTF_8);
        return credentials.substring(0, credentials.indexOf(':'));
    }

    static boolean isRealmUnavailable(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof RealmUnavailableException) {
                return true;
            }
        }
        return false;
    }

    /**
     * Other schemes (Bearer client tokens) pass; Basic credentials must be padded Base64, as
     * Elytron decodes them, of UTF-8 text with a colon between user and password.
     */
    static boolean isReadable(String header) {
        if (header.length() < 6 || !header.regionMatches(true, 0, "basic ", 0, 6)) {
            return true;
        }
        String encoded = header.substring(6).strip();
        if (encoded.isEmpty() || encoded.length() % 4 != 0) {
            return false;
        }
        for (int i = 0; i < encoded.length(); i++) {
            char c = encoded.charAt(i);
            boolean base64 = (c >= 'A' && c <= 'Z')
                    || (c >= 'a' && c <= 'z')
                    || (c >= '0' && c <= '9')
                    || c == '+'
                    || c == '/'
                    || (c == '=' && i >= encoded.length() - 2);
            if (!base64) {
                return false;
            }
        }
        try {
            byte[] decoded = Base64.getDecoder().decode(encoded);
            var text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(decoded));
            return text.toString().indexOf(':') >= 0;
        } catch (IllegalArgumentException | java.nio.charset.CharacterCodingException e) {
            return false;
        }
    }

    private static void refuse(HttpServerExchange exchange, LicensingException e) {
        int status = HttpStatuses.of(e.code());
        exchange.setStatusCode(status);
        if (status == 401) {
            exchange.getResponseHeaders().put(Headers.WWW_AUTHENTICATE, "Basic realm=\"Licentia\"");
        }
        if (e.details().containsKey("retryAfterSeconds")) {
            exchange.getResponseHeaders().put(Headers.RETRY_AFTER, e.details().get("retryAfterSeconds"));
        }
        byte[] body;
        if (exchange.getRelativePath().startsWith("/soap/")
                || exchange.getRequestPath().startsWith("/soap/")) {
            exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, "text/xml;charset=UTF-8");
            body = SoapRequestGuard.faultEnvelope(e);
        } else {
            exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, Problem.MEDIA_TYPE);
            body = Problem.of(e, status).toJson().getBytes(StandardCharsets.UTF_8);
        }
        exchange.getResponseSender().send(ByteBuffer.wrap(body));
    }
}
