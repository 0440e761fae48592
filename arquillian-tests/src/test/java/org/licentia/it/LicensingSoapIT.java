package org.licentia.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.xml.soap.SOAPElement;
import jakarta.xml.soap.SOAPEnvelope;
import jakarta.xml.soap.SOAPException;
import jakarta.xml.ws.BindingProvider;
import jakarta.xml.ws.handler.Handler;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Base64;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.licentia.client.document.DocumentSignature;
import org.licentia.ws.licensing.v1.CreateLicense;
import org.licentia.ws.licensing.v1.FindLicenses;
import org.licentia.ws.licensing.v1.GetLicense;
import org.licentia.ws.licensing.v1.GetLicenseResponse;
import org.licentia.ws.licensing.v1.License;
import org.licentia.ws.licensing.v1.LicensingFault_Exception;
import org.licentia.ws.licensing.v1.LicensingPort;
import org.licentia.ws.licensing.v1.LicensingService;
import org.licentia.ws.licensing.v1.RevokeLicense;
import org.licentia.ws.licensing.v1.UpdateLicense;

/**
 * The ERP's view: the SOAP contract through a client generated from ws-contracts and run on the
 * Metro runtime, with HTTP Basic or a WS-Security UsernameToken.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class LicensingSoapIT {

    static final String ENDPOINT = Api.BASE + "/soap/LicensingService";

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.licentiaEar();
    }

    static LicensingPort port(String user, String password, boolean usernameToken) {
        LicensingPort port = new LicensingService().getLicensingPort();
        BindingProvider binding = (BindingProvider) port;
        binding.getRequestContext().put(BindingProvider.ENDPOINT_ADDRESS_PROPERTY, ENDPOINT);
        if (usernameToken) {
            @SuppressWarnings("rawtypes")
            List<Handler> chain = binding.getBinding().getHandlerChain();
            chain.add(new UsernameToken(user, password));
            binding.getBinding().setHandlerChain(chain);
        } else if (user != null) {
            binding.getRequestContext().put(BindingProvider.USERNAME_PROPERTY, user);
            binding.getRequestContext().put(BindingProvider.PASSWORD_PROPERTY, password);
        }
        return port;
    }

    static CreateLicense draft(String number, int seats) {
        CreateLicense create = new CreateLicense();
        create.setNumber(number);
        create.setAccount("Example User");
        create.setSeats(seats);
        return create;
    }

    @Test
    void erpCreatesChangesReadsAndRevokesALicense() throws Exception {
        LicensingPort erp = port(Api.ADMIN, Api.ADMIN_PASSWORD, false);
        String number = Api.uniqueNumber();
        License created = erp.createLicense(draft(number, 5)).getLicense();
        assertEquals(number, created.getNumber());
        assertEquals(5, created.getSeats());

        UpdateLicense update = new UpdateLicense();
        update.setNumber(number);
        update.setSeats(9);
        assertEquals(9, erp.updateLicense(update).getLicense().getSeats());

        GetLicense get = new GetLicense();
        get.setNumber(number);
        GetLicenseResponse read = erp.getLicense(get);
        assertEquals(9, read.getLicense().getSeats());
        String publicKey = Api.admin()
                .get("/api/v1/keys")
                .json()
                .getJsonArray("keys")
                .getJsonObject(0)
                .getString("publicKey");
        String signature =
                Base64.getEncoder().encodeToString(read.getSignature().getValue());
        assertTrue(DocumentSignature.verify(read.getDocument(), signature, publicKey));
        byte[] tampered = read.getDocument().clone();
        tampered[tampered.length / 2] ^= 1;
        assertFalse(DocumentSignature.verify(tampered, signature, publicKey));

        FindLicenses find = new FindLicenses();
        find.setAccount("Example User");
        find.setSize(500);
        assertTrue(erp.findLicenses(find).getLicense().stream()
                .anyMatch(l -> l.getNumber().equals(number)));

        RevokeLicense revoke = new RevokeLicense();
        revoke.setNumber(number);
        assertEquals(
                "REVOKED", erp.revokeLicense(revoke).getLicense().getState().name());

        var records = Api.admin()
                .get("/api/v1/audit?itemType=license&itemId=" + number)
                .json()
                .getJsonArray("items");
        assertEquals("SOAP", records.getJsonObject(0).getString("channel"));
    }

    @Test
    void usernameTokenSignsIn() throws Exception {
        GetLicense get = new GetLicense();
        get.setNumber("11554731");
        assertEquals(
                20,
                port(Api.ADMIN, Api.ADMIN_PASSWORD, true)
                        .getLicense(get)
                        .getLicense()
                        .getSeats());
        assertFault("UNAUTHENTICATED", () -> port(Api.ADMIN, "wrong", true).getLicense(get));
        assertFault("UNAUTHENTICATED", () -> port(null, null, false).getLicense(get));
    }

    @Test
    void failuresAreTheDeclaredFaultWithTheCatalogueCode() throws Exception {
        LicensingPort erp = port(Api.ADMIN, Api.ADMIN_PASSWORD, false);
        assertFault("LICENSE_NUMBER_TAKEN", () -> erp.createLicense(draft("11554731", 1)));
        assertFault("INVALID_INPUT", () -> erp.createLicense(draft(Api.uniqueNumber(), -3)));
        assertFault("INVALID_LICENSE_NUMBER", () -> erp.createLicense(draft("123", 1)));
        GetLicense missing = new GetLicense();
        missing.setNumber("00000002");
        assertFault("LICENSE_NOT_FOUND", () -> erp.getLicense(missing));
        LicensingPort customer = port("example.user@company.com", "1234567890", false);
        assertFault("FORBIDDEN", () -> customer.createLicense(draft(Api.uniqueNumber(), 1)));

        HttpResponse<String> raw = postSoap(envelope("<v1:getLicense><v1:number>00000002</v1:number></v1:getLicense>"));
        assertEquals(500, raw.statusCode());
        assertTrue(raw.body().contains(":Client</faultcode>"), "the client's mistake is a Client fault: " + raw.body());
    }

    @Test
    void xxeEntityExpansionAndGarbageAreRefusedAndChangeNothing() throws Exception {
        String number = Api.uniqueNumber();
        String create = "<v1:createLicense><v1:number>" + number + "</v1:number><v1:account>&xxe;</v1:account>"
                + "<v1:seats>1</v1:seats></v1:createLicense>";
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE foo [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>"
                + envelope(create);
        String laughs =
                "<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\"><!ENTITY lol2 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">"
                        + "<!ENTITY xxe \"&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;\">]>" + envelope(create);
        String wrongType = envelope("<v1:createLicense><v1:number>" + number
                + "</v1:number><v1:account>Example User</v1:account>" + "<v1:seats>many</v1:seats></v1:createLicense>");
        String truncated = envelope(create).substring(0, 200);
        for (String payload : List.of(xxe, laughs, wrongType, truncated)) {
            HttpResponse<String> answer = postSoap(payload);
            assertEquals(500, answer.statusCode());
            // a value of the wrong type is well-formed XML that breaks the contract: invalid input, naming the element
            assertTrue(
                    answer.body()
                            .contains(
                                    payload == wrongType
                                            ? "<v1:code>INVALID_INPUT</v1:code>"
                                            : "<v1:code>MALFORMED_REQUEST</v1:code>"),
                    answer.body());
            assertFalse(answer.body().contains("root:"), "no file content leaks");
            assertFalse(answer.body().contains("Exception"), "no class names leak: " + answer.body());
        }
        LicenseRestIT.expect(404, "LICENSE_NOT_FOUND", Api.admin().get("/api/v1/licenses/" + number));
    }

    @Test
    void wsdlIsTheContractsOwn() throws Exception {
        HttpResponse<String> wsdl = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(ENDPOINT + "?wsdl")).build(),
                        HttpResponse.BodyHandlers.ofString());
        assertEquals(200, wsdl.statusCode());
        assertTrue(wsdl.body().contains("targetNamespace=\"http://licentia.org/licensing/v1\""));
        assertTrue(wsdl.body().contains("licensingFault"));
    }

    private static String envelope(String body) {
        return "<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\" xmlns:v1=\"http://licentia.org/licensing/v1\">"
                + "<soap:Body>" + body + "</soap:Body></soap:Envelope>";
    }

    private static HttpResponse<String> postSoap(String payload) throws Exception {
        String basic = Base64.getEncoder().encodeToString((Api.ADMIN + ":" + Api.ADMIN_PASSWORD).getBytes());
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(ENDPOINT))
                                .header("Content-Type", "text/xml; charset=UTF-8")
                                .header("Authorization", "Basic " + basic)
                                .POST(HttpRequest.BodyPublishers.ofString(payload))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
    }

    interface SoapCall {
        void run() throws Exception;
    }

    static void assertFault(String code, SoapCall call) {
        LicensingFault_Exception fault = assertThrows(LicensingFault_Exception.class, call::run);
        assertEquals(code, fault.getFaultInfo().getCode(), fault.getFaultInfo().getMessage());
    }

    /** Adds a WS-Security UsernameToken (PasswordText), as an ERP's SOAP stack would. */
    static final class UsernameToken extends WsSecurityHeader {
        private final String user;
        private final String password;

        UsernameToken(String user, String password) {
            this.user = user;
            this.password = password;
        }

        @Override
        void addToken(SOAPEnvelope envelope, SOAPElement security) throws SOAPException {
            security.addAttribute(envelope.createQName("mustUnderstand", envelope.getPrefix()), "1");
            SOAPElement token = security.addChildElement("UsernameToken", "wsse");
            token.addChildElement("Username", "wsse").addTextNode(user);
            SOAPElement pw = token.addChildElement("Password", "wsse");
            pw.setAttribute(
                    "Type",
                    "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-username-token-profile-1.0#PasswordText");
            pw.addTextNode(password);
        }
    }
}
