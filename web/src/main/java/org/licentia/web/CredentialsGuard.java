package org.licentia.web;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.servlet.ServletExtension;
import io.undertow.servlet.api.DeploymentInfo;
import io.undertow.util.HeaderMap;
import io.undertow.util.Headers;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.servlet.ServletContext;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.logging.Logger;
import org.licentia.errors.ErrorCode;
import org.licentia.errors.LicensingException;
import org.licentia.registration.boundary.SignInSources;
import org.licentia.registration.control.InstanceRequests;
import org.licentia.server.control.SignInAttempts;
import org.licentia.web.rest.HttpStatuses;
import org.licentia.web.rest.Problem;
import org.licentia.web.soap.SoapRequestGuard;
import org.wildfly.security.auth.server.RealmUnavailableException;

/**
 * Answers a request whose {@code Authorization: Basic} credentials cannot be decoded with 401,
 * before the container's sign-in sees them. Elytron's Basic mechanism throws on bad Base64
 * ({@code Basic !!!}, {@code Basic YQ}), which the container turned into a 500 with a stack trace in
 * the answer and in the log, on any path and without signing in. Readable credentials are throttled
 * ({@link SignInAttempts}): against the client's address, or, for credentials an on-prem instance
 * forwards with its signed word for where they were typed, against that address behind that
 * instance ({@link SignInSources}). And a sign-in that cannot reach the user store is a 503, not a
 * 500 or a "wrong password". It runs around the container's sign-in (Undertow's outer handler
 * chain, inside the deployment's context, so it can ask the application), hence Undertow's API
 * rather than a servlet filter.
 */
public class CredentialsGuard implements ServletExtension {

    private static final Logger LOG = Logger.getLogger(CredentialsGuard.class.getName());

    @Override
    public void handleDeployment(DeploymentInfo deployment, ServletContext context) {
        deployment.addOuterHandlerChainWrapper(next -> new Check(next));
    }

    private record Check(HttpHandler next) implements HttpHandler {

        @Override
        public void handleRequest(HttpServerExchange exchange) throws Exception {
            String user;
            try {
                user = basicUser(exchange.getRequestHeaders().get(Headers.AUTHORIZATION));
            } catch (LicensingException unreadable) {
                refuse(exchange, unreadable);
                return;
            }
            if (user != null) {
                SignInAttempts.Source source = sourceOf(exchange, user);
                SignInAttempts attempts = SignInAttempts.shared();
                long wait = attempts.waitSeconds(user, source, Instant.now());
                if (wait > 0) {
                    refuse(exchange, SignInAttempts.slowDown(wait));
                    return;
                }
                // counted when the answer is committed, before the client can read it and try again
                exchange.addResponseCommitListener(committed -> {
                    if (committed.getStatusCode() == 401) {
                        attempts.failed(user, source, Instant.now());
                    } else if (committed.getStatusCode() < 500) {
                        attempts.succeeded(user, source);
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

    private static SignInAttempts.Source sourceOf(HttpServerExchange exchange, String user) {
        String sender = exchange.getSourceAddress().getAddress().getHostAddress();
        HeaderMap headers = exchange.getRequestHeaders();
        String instanceId = headers.getFirst(InstanceRequests.INSTANCE_HEADER);
        if (instanceId == null) {
            return SignInAttempts.Source.address(sender);
        }
        try {
            return CDI.current()
                    .select(SignInSources.class)
                    .get()
                    .of(
                            user,
                            sender,
                            instanceId,
                            headers.getFirst(InstanceRequests.TIME_HEADER),
                            headers.getFirst(InstanceRequests.CLIENT_ADDRESS_HEADER),
                            headers.getFirst(InstanceRequests.SIGNATURE_HEADER));
        } catch (RuntimeException unchecked) {
            // the instance's word could not be checked (the database is down): count against the sender
            LOG.warning("An instance's word for a sign-in could not be checked: " + unchecked);
            return SignInAttempts.Source.address(sender);
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

    /**
     * The user name of the request's Basic credentials, decoded once; null without credentials or
     * for another scheme (Bearer client tokens). Basic credentials must be padded Base64, as Elytron
     * decodes them, of UTF-8 text with a colon between user and password; else they are refused.
     */
    static String basicUser(Iterable<String> authorization) {
        String user = null;
        if (authorization != null) {
            for (String header : authorization) {
                String one = basicUser(header);
                user = user == null ? one : user;
            }
        }
        return user;
    }

    static String basicUser(String header) {
        if (header.length() < 6 || !header.regionMatches(true, 0, "basic ", 0, 6)) {
            return null;
        }
        String encoded = header.substring(6).strip();
        if (encoded.isEmpty() || encoded.length() % 4 != 0) {
            throw unreadable();
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
                throw unreadable();
            }
        }
        String credentials;
        try {
            byte[] decoded = Base64.getDecoder().decode(encoded);
            credentials = StandardCharsets.UTF_8
                    .newDecoder()
                    .decode(ByteBuffer.wrap(decoded))
                    .toString();
        } catch (IllegalArgumentException | java.nio.charset.CharacterCodingException e) {
            throw unreadable();
        }
        int colon = credentials.indexOf(':');
        if (colon < 0) {
            throw unreadable();
        }
        return credentials.substring(0, colon);
    }

    private static LicensingException unreadable() {
        return new LicensingException(
                ErrorCode.UNAUTHENTICATED,
                "The Authorization header is not readable: send Basic with the Base64 of email:password");
    }

    static boolean isRealmUnavailable(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof RealmUnavailableException) {
                return true;
            }
        }
        return false;
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
