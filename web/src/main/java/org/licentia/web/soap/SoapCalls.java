package org.licentia.web.soap;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.xml.ws.WebServiceContext;
import jakarta.xml.ws.handler.MessageContext;
import java.time.Instant;
import java.util.concurrent.Callable;
import org.licentia.audit.control.RequestChannel;
import org.licentia.audit.entity.Channel;
import org.licentia.errors.ErrorCode;
import org.licentia.errors.Failures;
import org.licentia.errors.LicensingException;
import org.licentia.server.control.SignInAttempts;
import org.licentia.web.CredentialsGuard;
import org.licentia.ws.licensing.v1.LicensingFault;
import org.licentia.ws.licensing.v1.LicensingFault_Exception;
import org.wildfly.security.auth.server.SecurityDomain;
import org.wildfly.security.auth.server.SecurityIdentity;
import org.wildfly.security.evidence.PasswordGuessEvidence;

/**
 * Runs one SOAP operation: as the WS-Security UsernameToken's user when the message carries one
 * (checked by the same Elytron domain as HTTP Basic), and with every failure turned into the
 * declared licensingFault carrying the catalogue code.
 */
@Dependent
public class SoapCalls {

    @Inject
    RequestChannel channel;

    public <T> T run(WebServiceContext context, Callable<T> operation) throws LicensingFault_Exception {
        try {
            served(context.getMessageContext());
            SecurityIdentity tokenUser = tokenUser(context.getMessageContext());
            if (tokenUser == null
                    && SecurityDomain.getCurrent().getCurrentSecurityIdentity().isAnonymous()) {
                if (sentBasicCredentials(context.getMessageContext())) {
                    // wrong or unreadable credentials were answered with 401 before the SOAP stack; still
                    // anonymous here means the container's sign-in failed in the user store
                    throw CredentialsGuard.unavailable(new IllegalStateException(
                            "the security realm failed while checking HTTP Basic credentials of a SOAP request"));
                }
                throw new LicensingException(
                        ErrorCode.UNAUTHENTICATED,
                        "Sign in with HTTP Basic authentication or a WS-Security UsernameToken");
            }
            return tokenUser == null ? operation.call() : tokenUser.runAs(operation);
        } catch (Exception failure) {
            throw fault(Failures.translate(failure));
        }
    }

    /**
     * For operations signed in with the publisher account's credentials in the message itself
     * (on-prem registration): no local sign-in is asked for.
     */
    public <T> T runAnonymous(WebServiceContext context, Callable<T> operation) throws LicensingFault_Exception {
        try {
            served(context.getMessageContext());
            return operation.call();
        } catch (Exception failure) {
            throw fault(Failures.translate(failure));
        }
    }

    /** The channel is SOAP; the client's claim and address come from the HTTP request that carried the message. */
    private void served(MessageContext message) {
        channel.set(Channel.SOAP, userAgent(message), address(message));
    }

    private static boolean sentBasicCredentials(MessageContext message) {
        return message.get(MessageContext.SERVLET_REQUEST) instanceof jakarta.servlet.http.HttpServletRequest http
                && http.getHeader("Authorization") != null
                && http.getHeader("Authorization").regionMatches(true, 0, "basic ", 0, 6);
    }

    private static String userAgent(MessageContext message) {
        return message.get(MessageContext.SERVLET_REQUEST) instanceof jakarta.servlet.http.HttpServletRequest http
                ? http.getHeader("User-Agent")
                : null;
    }

    private static String address(MessageContext message) {
        return message.get(MessageContext.SERVLET_REQUEST) instanceof jakarta.servlet.http.HttpServletRequest http
                ? http.getRemoteAddr()
                : "unknown";
    }

    private static SecurityIdentity tokenUser(MessageContext message) {
        if (Boolean.TRUE.equals(message.get(UsernameTokenHandler.UNSUPPORTED_PROPERTY))) {
            throw new LicensingException(
                    ErrorCode.UNAUTHENTICATED,
                    "Only a WS-Security UsernameToken with a PasswordText password is supported");
        }
        Object username = message.get(UsernameTokenHandler.USERNAME_PROPERTY);
        Object password = message.get(UsernameTokenHandler.PASSWORD_PROPERTY);
        if (username == null || password == null) {
            return null;
        }
        SignInAttempts attempts = SignInAttempts.shared();
        String address = address(message);
        long wait = attempts.waitSeconds(username.toString(), address, Instant.now());
        if (wait > 0) {
            throw SignInAttempts.slowDown(wait);
        }
        try {
            SecurityIdentity identity = SecurityDomain.getCurrent()
                    .authenticate(
                            username.toString(),
                            new PasswordGuessEvidence(password.toString().toCharArray()));
            if (identity == null) {
                throw new SecurityException();
            }
            attempts.succeeded(username.toString(), address);
            return identity;
        } catch (org.wildfly.security.auth.server.RealmUnavailableException down) {
            throw CredentialsGuard.unavailable(down);
        } catch (Exception refused) {
            attempts.failed(username.toString(), address, Instant.now());
            throw new LicensingException(
                    ErrorCode.UNAUTHENTICATED, "The UsernameToken's user name or password is wrong");
        }
    }

    static LicensingFault_Exception fault(LicensingException e) {
        LicensingFault info = new LicensingFault();
        info.setCode(e.code().name());
        info.setMessage(e.getMessage());
        e.details().forEach((name, value) -> {
            LicensingFault.Detail d = new LicensingFault.Detail();
            d.setName(name);
            d.setValue(value);
            info.getDetail().add(d);
        });
        return new LicensingFault_Exception(e.getMessage(), info);
    }
}
