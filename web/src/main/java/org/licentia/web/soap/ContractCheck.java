package org.licentia.web.soap;

import jakarta.xml.soap.SOAPBody;
import jakarta.xml.soap.SOAPConstants;
import jakarta.xml.soap.SOAPException;
import jakarta.xml.soap.SOAPFault;
import jakarta.xml.ws.handler.MessageContext;
import jakarta.xml.ws.handler.soap.SOAPHandler;
import jakarta.xml.ws.handler.soap.SOAPMessageContext;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.namespace.QName;
import javax.xml.transform.dom.DOMSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
import org.licentia.errors.ErrorCode;
import org.licentia.errors.LicensingException;
import org.licentia.server.control.InputText;
import org.w3c.dom.Node;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * Checks every SOAP request's body against the contract's schema (ws-contracts) before it is
 * bound to Java. JAXB reads {@code xs:int} leniently: {@code 4294967299} became 3 seats, so the
 * server would sign a value the caller never sent. A request that breaks the contract (a number out
 * of range, a missing element, an unknown one, text no person types) is answered by
 * SoapRequestGuard, before the SOAP stack, with the declared licensingFault, a client fault, and one
 * log line. As a handler, it marks declared faults of the request's making as the client's.
 */
public class ContractCheck implements SOAPHandler<SOAPMessageContext> {

    private static final Logger LOG = Logger.getLogger(ContractCheck.class.getName());
    private static final Schema CONTRACT = load();
    private static final Pattern ELEMENT = Pattern.compile("element '(?:[A-Za-z0-9_.-]+:)?([A-Za-z0-9_.-]+)'");
    private static final Pattern VALUE = Pattern.compile("[Vv]alue '([^']{0,64})'");

    private static Schema load() {
        try {
            SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            return factory.newSchema(ContractCheck.class.getClassLoader().getResource("wsdl/licensing-v1.xsd"));
        } catch (SAXException e) {
            throw new IllegalStateException("The SOAP contract's schema cannot be read", e);
        }
    }

    @Override
    public Set<QName> getHeaders() {
        return Set.of();
    }

    /** Requests are checked before the SOAP stack (SoapRequestGuard calls {@link #problem}); here only faults are. */
    @Override
    public boolean handleMessage(SOAPMessageContext context) {
        return true;
    }

    /** What is wrong with this SOAP request, or null; {@code soapAction} as the HTTP header gave it. */
    static LicensingException problem(byte[] envelope, String soapAction) {
        return problem(envelope, Set.of(), soapAction);
    }

    /**
     * What is wrong with this SOAP request, or null: parsed once, without DTDs or external
     * entities, then its envelope checked ({@link SoapEnvelopeCheck}) and its request checked
     * against the contract. For the root part of an MTOM request, each {@code xop:Include} must name
     * one of {@code attachments} and be the only content of its element, which is then checked as
     * if it held the Base64 text the part stands for.
     */
    static LicensingException problem(byte[] envelope, Set<String> attachments, String soapAction) {
        org.w3c.dom.Document document;
        try {
            javax.xml.parsers.DocumentBuilder parser = DOCUMENTS.newDocumentBuilder();
            parser.setErrorHandler(null);
            document = parser.parse(new ByteArrayInputStream(envelope));
        } catch (SAXParseException e) {
            return SoapEnvelopeCheck.malformed(
                    e.getMessage() != null && e.getMessage().contains("DOCTYPE")
                            ? "XML with a DOCTYPE declaration is not accepted"
                            : "The SOAP message is not well-formed XML (line " + e.getLineNumber() + ", column "
                                    + e.getColumnNumber() + ")");
        } catch (javax.xml.parsers.ParserConfigurationException | SAXException | java.io.IOException e) {
            return SoapEnvelopeCheck.malformed("The SOAP message is not well-formed XML");
        }
        LicensingException envelopeProblem = SoapEnvelopeCheck.problem(document, soapAction);
        if (envelopeProblem != null) {
            return envelopeProblem;
        }
        LicensingException badInclude = resolveIncludes(document, attachments);
        return badInclude != null ? badInclude : check(SoapEnvelopeCheck.request(document));
    }

    private static LicensingException resolveIncludes(org.w3c.dom.Document document, Set<String> attachments) {
        var includes = document.getElementsByTagNameNS(XopPackage.XOP, "Include");
        List<org.w3c.dom.Element> found = new ArrayList<>();
        for (int i = 0; i < includes.getLength(); i++) {
            found.add((org.w3c.dom.Element) includes.item(i));
        }
        for (org.w3c.dom.Element include : found) {
            String href = include.getAttribute("href");
            String id = href.startsWith("cid:")
                    ? java.net.URLDecoder.decode(href.substring(4), java.nio.charset.StandardCharsets.UTF_8)
                    : null;
            Node parent = include.getParentNode();
            if (id == null || !attachments.contains(id)) {
                return new LicensingException(
                        ErrorCode.MALFORMED_REQUEST,
                        "An xop:Include names a part the MTOM request does not have",
                        Map.of("href", href.length() > 64 ? href.substring(0, 64) : href));
            }
            if (parent.getChildNodes().getLength() != 1) {
                return new LicensingException(
                        ErrorCode.MALFORMED_REQUEST, "An xop:Include must be the only content of its element");
            }
            parent.replaceChild(document.createTextNode("AA=="), include);
        }
        return null;
    }

    private static final javax.xml.parsers.DocumentBuilderFactory DOCUMENTS = documents();

    private static javax.xml.parsers.DocumentBuilderFactory documents() {
        var factory = javax.xml.parsers.DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setXIncludeAware(false);
        factory.setExpandEntityReferences(false);
        try {
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        } catch (javax.xml.parsers.ParserConfigurationException e) {
            throw new IllegalStateException(e);
        }
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        return factory;
    }

    /** The body's one request element, valid by the schema; otherwise what is wrong with it. */
    private static LicensingException check(org.w3c.dom.Element request) {
        LicensingException badText = textProblem(request);
        if (badText != null) {
            return badText;
        }
        Collected errors = new Collected();
        Validator validator = CONTRACT.newValidator();
        validator.setErrorHandler(errors);
        try {
            validator.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            validator.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            validator.validate(new DOMSource(request));
        } catch (SAXException | java.io.IOException e) {
            errors.add(e.getMessage());
        }
        return errors.problem(request.getLocalName());
    }

    /** The first value of the request (text or attribute) that is not text a person could have typed (see InputText). */
    private static LicensingException textProblem(org.w3c.dom.Element element) {
        var attributes = element.getAttributes();
        for (int i = 0; i < attributes.getLength(); i++) {
            String problem = InputText.problem(attributes.item(i).getNodeValue());
            if (problem != null) {
                return badText(element.getLocalName(), problem);
            }
        }
        for (Node n = element.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n.getNodeType() == Node.ELEMENT_NODE) {
                LicensingException inner = textProblem((org.w3c.dom.Element) n);
                if (inner != null) {
                    return inner;
                }
            } else if (n.getNodeType() == Node.TEXT_NODE || n.getNodeType() == Node.CDATA_SECTION_NODE) {
                String value = n.getNodeValue();
                // white space between elements is layout, not a value
                String problem = value.isBlank() ? null : InputText.problem(value);
                if (problem != null) {
                    return badText(element.getLocalName(), problem);
                }
            }
        }
        return null;
    }

    private static LicensingException badText(String field, String problem) {
        return new LicensingException(
                ErrorCode.INVALID_INPUT,
                field + " " + problem,
                Map.of(field, problem.substring(0, problem.indexOf(" (at"))));
    }

    /** Schema errors in a client's terms: the element and value when the validator names them. */
    private static final class Collected implements ErrorHandler {
        private final List<String> messages = new ArrayList<>();

        void add(String message) {
            if (message != null && messages.size() < 10) {
                messages.add(message);
            }
        }

        @Override
        public void warning(SAXParseException e) {}

        @Override
        public void error(SAXParseException e) {
            add(e.getMessage());
        }

        @Override
        public void fatalError(SAXParseException e) {
            add(e.getMessage());
        }

        LicensingException problem(String operation) {
            if (messages.isEmpty()) {
                return null;
            }
            Map<String, String> details = new LinkedHashMap<>();
            String value = null;
            for (String m : messages) {
                Matcher element = ELEMENT.matcher(m);
                if (element.find()) {
                    details.putIfAbsent(element.group(1), "does not match the contract (v1)");
                }
                Matcher v = VALUE.matcher(m);
                if (value == null && v.find()) {
                    value = v.group(1).replaceAll("\\p{Cntrl}", "?");
                }
            }
            String field =
                    details.isEmpty() ? operation : details.keySet().iterator().next();
            String message = "The request " + operation + " does not match the licensing contract (v1) at " + field
                    + (value == null ? "" : ": '" + value + "' is not allowed there")
                    + " (" + messages.get(0).replaceFirst("^[a-z0-9.-]+: ", "") + ")";
            return new LicensingException(ErrorCode.INVALID_INPUT, message, details);
        }
    }

    /**
     * JAX-WS marks every declared fault as the server's; a fault whose catalogue code says the
     * request was at fault is marked as the client's, as SOAP 1.1 intends.
     */
    @Override
    public boolean handleFault(SOAPMessageContext context) {
        try {
            SOAPBody body = context.getMessage().getSOAPBody();
            SOAPFault fault = body == null ? null : body.getFault();
            if (fault != null && fault.hasDetail()) {
                Node code = firstByName(fault.getDetail(), "code");
                ErrorCode known = code == null
                        ? null
                        : ErrorCode.fromName(code.getTextContent().strip());
                if (known != null && !known.isServerSide()) {
                    fault.setFaultCode(new QName(
                            SOAPConstants.URI_NS_SOAP_1_1_ENVELOPE,
                            "Client",
                            fault.getFaultCodeAsQName().getPrefix()));
                }
            }
        } catch (SOAPException e) {
            LOG.warning(() -> "Could not mark a SOAP fault as the client's: " + e.getMessage());
        }
        return true;
    }

    private static Node firstByName(org.w3c.dom.Element parent, String localName) {
        var nodes = parent.getElementsByTagNameNS("http://licentia.org/licensing/v1", localName);
        return nodes.getLength() == 0 ? null : nodes.item(0);
    }

    @Override
    public void close(MessageContext context) {}
}
