package org.licentia.web.soap;

import java.io.ByteArrayInputStream;
import java.util.Set;
import javax.xml.XMLConstants;
import javax.xml.namespace.QName;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.licentia.errors.ErrorCode;
import org.licentia.errors.LicensingException;

/**
 * The envelope of a SOAP request, checked before the SOAP stack reads it, so that a client's
 * mistake is answered as the client's (MALFORMED_REQUEST, a Client fault) where it is found, not
 * turned into an internal error by the stack: XML that is not well-formed ({@code &#0;}), a SOAP
 * 1.2 envelope on these SOAP 1.1 endpoints, no Body, a SOAPAction that names another operation
 * than the Body's, or a header marked mustUnderstand that Licentia does not understand.
 */
final class SoapEnvelopeCheck {

    static final String SOAP11 = "http://schemas.xmlsoap.org/soap/envelope/";
    static final String SOAP12 = "http://www.w3.org/2003/05/soap-envelope";
    static final String CONTRACT = "http://licentia.org/licensing/v1";
    /** The headers Licentia processes (UsernameTokenHandler). */
    private static final Set<QName> UNDERSTOOD = Set.of(new QName(UsernameTokenHandler.WSSE, "Security"));

    private static final XMLInputFactory XML = XMLInputFactory.newFactory();

    static {
        XML.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        XML.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        XML.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
    }

    private SoapEnvelopeCheck() {}

    /** What is wrong with the request, or null. */
    static LicensingException problem(byte[] body, String soapAction) {
        QName request = null;
        int requests = 0;
        try {
            XMLStreamReader xml = XML.createXMLStreamReader(new ByteArrayInputStream(body));
            try {
                int depth = 0;
                boolean inHeader = false;
                boolean bodySeen = false;
                while (xml.hasNext()) {
                    int event = xml.next();
                    if (event == XMLStreamConstants.DTD) {
                        return malformed("XML with a DOCTYPE declaration is not accepted");
                    }
                    if (event == XMLStreamConstants.START_ELEMENT) {
                        depth++;
                        QName name = xml.getName();
                        if (depth == 1) {
                            if (SOAP12.equals(name.getNamespaceURI()) && "Envelope".equals(name.getLocalPart())) {
                                return malformed(
                                        "This is a SOAP 1.2 envelope; Licentia's SOAP endpoints speak SOAP 1.1 ("
                                                + SOAP11 + ")");
                            }
                            if (!SOAP11.equals(name.getNamespaceURI()) || !"Envelope".equals(name.getLocalPart())) {
                                return malformed("The message is not a SOAP 1.1 envelope");
                            }
                        } else if (depth == 2) {
                            inHeader = isSoap(name, "Header");
                            if (isSoap(name, "Body")) {
                                bodySeen = true;
                            } else if (!inHeader) {
                                return malformed(
                                        "A SOAP envelope holds a Header and a Body, not " + name.getLocalPart());
                            }
                        } else if (depth == 3
                                && inHeader
                                && "1".equals(xml.getAttributeValue(SOAP11, "mustUnderstand"))
                                && !UNDERSTOOD.contains(name)) {
                            return malformed("The header " + name
                                    + " is marked mustUnderstand, and Licentia does not understand it");
                        } else if (depth == 3 && bodySeen && !inHeader) {
                            request = request == null ? name : request;
                            requests++;
                        }
                    } else if (event == XMLStreamConstants.END_ELEMENT) {
                        if (depth == 2) {
                            inHeader = false;
                        }
                        depth--;
                    }
                }
                if (!bodySeen) {
                    return malformed("The SOAP envelope has no Body");
                }
                if (requests != 1) {
                    return malformed(
                            "The SOAP Body must hold exactly one request element of the licensing contract (v1), not "
                                    + requests);
                }
            } finally {
                xml.close();
            }
        } catch (XMLStreamException e) {
            return malformed("The SOAP message is not well-formed XML"
                    + (e.getLocation() == null
                            ? ""
                            : " (line " + e.getLocation().getLineNumber() + ", column "
                                    + e.getLocation().getColumnNumber() + ")"));
        }
        return actionProblem(request, soapAction);
    }

    /** An empty SOAPAction (or none) leaves the Body to name the operation; a given one must agree with it. */
    private static LicensingException actionProblem(QName request, String soapAction) {
        String action = soapAction == null ? "" : soapAction.strip();
        if (action.length() >= 2 && action.startsWith("\"") && action.endsWith("\"")) {
            action = action.substring(1, action.length() - 1);
        }
        if (action.isEmpty() || request == null) {
            return null;
        }
        String expected = CONTRACT + "/" + request.getLocalPart();
        if (!CONTRACT.equals(request.getNamespaceURI()) || !action.equals(expected)) {
            return malformed("The SOAPAction '" + printable(action) + "' does not name the Body's request ("
                    + request.getLocalPart() + "); send '" + expected + "' or none");
        }
        return null;
    }

    private static boolean isSoap(QName name, String local) {
        return SOAP11.equals(name.getNamespaceURI()) && local.equals(name.getLocalPart());
    }

    private static String printable(String s) {
        String cut = s.length() > 100 ? s.substring(0, 100) + "..." : s;
        return cut.replaceAll("\\p{Cntrl}", "?");
    }

    private static LicensingException malformed(String message) {
        return new LicensingException(ErrorCode.MALFORMED_REQUEST, message);
    }

    static {
        // keeps the JDK's parser from resolving anything outside the message
        try {
            XML.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        } catch (IllegalArgumentException notSupported) {
            // SUPPORT_DTD=false already keeps DTDs out
        }
    }
}
