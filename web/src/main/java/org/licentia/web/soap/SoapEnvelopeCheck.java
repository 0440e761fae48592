package org.licentia.web.soap;

import java.util.Set;
import javax.xml.namespace.QName;
import org.licentia.errors.ErrorCode;
import org.licentia.errors.LicensingException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * The envelope of a SOAP request, checked before the SOAP stack reads it, so that a client's
 * mistake is answered as the client's (MALFORMED_REQUEST, a Client fault) where it is found, not
 * turned into an internal error by the stack: a SOAP 1.2 envelope on these SOAP 1.1 endpoints, no
 * Body, a SOAPAction that names another operation than the Body's, or a header marked
 * mustUnderstand that Licentia does not understand. It reads the document {@link ContractCheck}
 * parsed (XML that is not well-formed, {@code &#0;}, is refused there), so the request is parsed
 * once before the SOAP stack.
 */
final class SoapEnvelopeCheck {

    static final String SOAP11 = "http://schemas.xmlsoap.org/soap/envelope/";
    static final String SOAP12 = "http://www.w3.org/2003/05/soap-envelope";
    static final String CONTRACT = "http://licentia.org/licensing/v1";
    /** The headers Licentia processes (UsernameTokenHandler). */
    private static final Set<QName> UNDERSTOOD = Set.of(new QName(UsernameTokenHandler.WSSE, "Security"));

    private SoapEnvelopeCheck() {}

    /** What is wrong with the request's envelope, or null. */
    static LicensingException problem(Document document, String soapAction) {
        Element envelope = document.getDocumentElement();
        if (isNamed(envelope, SOAP12, "Envelope")) {
            return malformed("This is a SOAP 1.2 envelope; Licentia's SOAP endpoints speak SOAP 1.1 (" + SOAP11 + ")");
        }
        if (!isNamed(envelope, SOAP11, "Envelope")) {
            return malformed("The message is not a SOAP 1.1 envelope");
        }
        boolean bodySeen = false;
        QName request = null;
        int requests = 0;
        for (Element part : children(envelope)) {
            if (isNamed(part, SOAP11, "Header")) {
                for (Element header : children(part)) {
                    if ("1".equals(header.getAttributeNS(SOAP11, "mustUnderstand"))
                            && !UNDERSTOOD.contains(name(header))) {
                        return malformed("The header " + name(header)
                                + " is marked mustUnderstand, and Licentia does not understand it");
                    }
                }
            } else if (isNamed(part, SOAP11, "Body")) {
                bodySeen = true;
                for (Element element : children(part)) {
                    request = request == null ? name(element) : request;
                    requests++;
                }
            } else {
                return malformed("A SOAP envelope holds a Header and a Body, not " + part.getLocalName());
            }
        }
        if (!bodySeen) {
            return malformed("The SOAP envelope has no Body");
        }
        if (requests != 1) {
            return malformed("The SOAP Body must hold exactly one request element of the licensing contract (v1), not "
                    + requests);
        }
        return actionProblem(request, soapAction);
    }

    /** The one request element of an envelope that passed {@link #problem}. */
    static Element request(Document document) {
        for (Element part : children(document.getDocumentElement())) {
            if (isNamed(part, SOAP11, "Body") && !children(part).isEmpty()) {
                return children(part).get(0);
            }
        }
        throw new IllegalStateException("an envelope that passed the check has a request");
    }

    /** An empty SOAPAction (or none) leaves the Body to name the operation; a given one must agree with it. */
    private static LicensingException actionProblem(QName request, String soapAction) {
        String action = soapAction == null ? "" : soapAction.strip();
        if (action.length() >= 2 && action.startsWith("\"") && action.endsWith("\"")) {
            action = action.substring(1, action.length() - 1);
        }
        if (action.isEmpty()) {
            return null;
        }
        String expected = CONTRACT + "/" + request.getLocalPart();
        if (!CONTRACT.equals(request.getNamespaceURI()) || !action.equals(expected)) {
            return malformed("The SOAPAction '" + printable(action) + "' does not name the Body's request ("
                    + request.getLocalPart() + "); send '" + expected + "' or none");
        }
        return null;
    }

    private static java.util.List<Element> children(Element parent) {
        java.util.List<Element> elements = new java.util.ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n.getNodeType() == Node.ELEMENT_NODE) {
                elements.add((Element) n);
            }
        }
        return elements;
    }

    private static QName name(Element element) {
        return new QName(element.getNamespaceURI() == null ? "" : element.getNamespaceURI(), element.getLocalName());
    }

    private static boolean isNamed(Element element, String namespace, String local) {
        return namespace.equals(element.getNamespaceURI()) && local.equals(element.getLocalName());
    }

    private static String printable(String s) {
        String cut = s.length() > 100 ? s.substring(0, 100) + "..." : s;
        return cut.replaceAll("\\p{Cntrl}", "?");
    }

    static LicensingException malformed(String message) {
        return new LicensingException(ErrorCode.MALFORMED_REQUEST, message);
    }
}
