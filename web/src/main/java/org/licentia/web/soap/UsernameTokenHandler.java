package org.licentia.web.soap;

import jakarta.xml.soap.SOAPElement;
import jakarta.xml.soap.SOAPException;
import jakarta.xml.soap.SOAPHeader;
import jakarta.xml.ws.handler.MessageContext;
import jakarta.xml.ws.handler.soap.SOAPHandler;
import jakarta.xml.ws.handler.soap.SOAPMessageContext;
import java.util.Iterator;
import java.util.Set;
import javax.xml.namespace.QName;

/**
 * Reads a WS-Security UsernameToken (PasswordText) from the SOAP header and hands it to the
 * endpoint, which authenticates it against the same security domain as HTTP Basic; and a seat
 * client's token from a BinarySecurityToken of Licentia's ClientToken value type. It declares
 * the Security header understood, so a mustUnderstand="1" header is accepted.
 */
public class UsernameTokenHandler implements SOAPHandler<SOAPMessageContext> {

    static final String WSSE = "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd";
    static final String PASSWORD_TEXT =
            "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-username-token-profile-1.0#PasswordText";
    static final String USERNAME_PROPERTY = "licentia.wsse.username";
    static final String PASSWORD_PROPERTY = "licentia.wsse.password";
    static final String UNSUPPORTED_PROPERTY = "licentia.wsse.unsupported";
    static final String CLIENT_TOKEN_PROPERTY = "licentia.wsse.client-token";
    static final String CLIENT_TOKEN_TYPE = "http://licentia.org/licensing/v1#ClientToken";

    private static final QName SECURITY = new QName(WSSE, "Security");

    @Override
    public Set<QName> getHeaders() {
        return Set.of(SECURITY);
    }

    @Override
    public boolean handleMessage(SOAPMessageContext context) {
        if (Boolean.TRUE.equals(context.get(MessageContext.MESSAGE_OUTBOUND_PROPERTY))) {
            return true;
        }
        try {
            SOAPHeader header = context.getMessage().getSOAPHeader();
            if (header == null) {
                return true;
            }
            SOAPElement security = child(header, "Security");
            SOAPElement binary = child(security, "BinarySecurityToken");
            if (binary != null && CLIENT_TOKEN_TYPE.equals(binary.getAttribute("ValueType"))) {
                context.put(CLIENT_TOKEN_PROPERTY, binary.getTextContent().strip());
                context.setScope(CLIENT_TOKEN_PROPERTY, MessageContext.Scope.APPLICATION);
            }
            SOAPElement token = child(security, "UsernameToken");
            if (token == null) {
                return true;
            }
            SOAPElement username = child(token, "Username");
            SOAPElement password = child(token, "Password");
            String type = password == null ? null : password.getAttribute("Type");
            if (username == null
                    || password == null
                    || (type != null && !type.isEmpty() && !PASSWORD_TEXT.equals(type))) {
                markUnsupported(context);
            } else {
                context.put(USERNAME_PROPERTY, username.getTextContent().strip());
                context.put(PASSWORD_PROPERTY, password.getTextContent());
                context.setScope(USERNAME_PROPERTY, MessageContext.Scope.APPLICATION);
                context.setScope(PASSWORD_PROPERTY, MessageContext.Scope.APPLICATION);
            }
        } catch (SOAPException | RuntimeException e) {
            markUnsupported(context);
        }
        return true;
    }

    private static void markUnsupported(SOAPMessageContext context) {
        context.put(UNSUPPORTED_PROPERTY, Boolean.TRUE);
        context.setScope(UNSUPPORTED_PROPERTY, MessageContext.Scope.APPLICATION);
    }

    private static SOAPElement child(SOAPElement parent, String localName) {
        if (parent == null) {
            return null;
        }
        Iterator<?> it = parent.getChildElements(new QName(WSSE, localName));
        return it.hasNext() ? (SOAPElement) it.next() : null;
    }

    @Override
    public boolean handleFault(SOAPMessageContext context) {
        return true;
    }

    @Override
    public void close(MessageContext context) {}
}
