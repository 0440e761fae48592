package org.licentia.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.xml.soap.SOAPElement;
import jakarta.xml.soap.SOAPEnvelope;
import jakarta.xml.soap.SOAPException;
import jakarta.xml.ws.BindingProvider;
import jakarta.xml.ws.handler.Handler;
import jakarta.xml.ws.handler.MessageContext;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.licentia.client.document.SignatureBatch;
import org.licentia.ws.licensing.v1.HeartbeatSeat;
import org.licentia.ws.licensing.v1.ListSeatLeases;
import org.licentia.ws.licensing.v1.ReleaseSeat;
import org.licentia.ws.licensing.v1.ReserveSeat;
import org.licentia.ws.licensing.v1.RevokeSeatLease;
import org.licentia.ws.licensing.v1.SeatPort;
import org.licentia.ws.licensing.v1.SeatRequest;
import org.licentia.ws.licensing.v1.SeatService;
import org.licentia.ws.licensing.v1.SignedSeatLease;

/** Floating seats over SOAP, as an ERP or a SOAP-speaking application would use them: the same rules as REST. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SeatSoapIT {

    private static final String ENDPOINT = Api.BASE + "/soap/SeatService";
    private static Customer customer;
    private static String manager;
    private static String token;

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.licentiaEar();
    }

    @BeforeAll
    static void setUp() {
        customer = Customer.create("SOAP seats");
        manager = customer.user("manager", "license-manager");
        token = OwnInstance.clientToken("seat-soap-" + Api.uniqueNumber());
    }

    /** A port that signs in with nothing. */
    private static SeatPort plainPort() {
        SeatPort port = new SeatService().getSeatPort();
        ((BindingProvider) port).getRequestContext().put(BindingProvider.ENDPOINT_ADDRESS_PROPERTY, ENDPOINT);
        return port;
    }

    /** A port that sends the client token as an HTTP Bearer header. */
    private static SeatPort bearerPort(String clientToken) {
        SeatPort port = new SeatService().getSeatPort();
        BindingProvider binding = (BindingProvider) port;
        binding.getRequestContext().put(BindingProvider.ENDPOINT_ADDRESS_PROPERTY, ENDPOINT);
        binding.getRequestContext()
                .put(MessageContext.HTTP_REQUEST_HEADERS, Map.of("Authorization", List.of("Bearer " + clientToken)));
        return port;
    }

    /** A port that sends the client token in a WS-Security BinarySecurityToken. */
    @SuppressWarnings("rawtypes")
    private static SeatPort wsSecurityPort(String clientToken) {
        SeatPort port = new SeatService().getSeatPort();
        BindingProvider binding = (BindingProvider) port;
        binding.getRequestContext().put(BindingProvider.ENDPOINT_ADDRESS_PROPERTY, ENDPOINT);
        List<Handler> chain = binding.getBinding().getHandlerChain();
        chain.add(new ClientTokenHeader(clientToken));
        binding.getBinding().setHandlerChain(chain);
        return port;
    }

    private static SeatPort adminPort() {
        SeatPort port = new SeatService().getSeatPort();
        BindingProvider binding = (BindingProvider) port;
        binding.getRequestContext().put(BindingProvider.ENDPOINT_ADDRESS_PROPERTY, ENDPOINT);
        binding.getRequestContext().put(BindingProvider.USERNAME_PROPERTY, Api.ADMIN);
        binding.getRequestContext().put(BindingProvider.PASSWORD_PROPERTY, Api.ADMIN_PASSWORD);
        return port;
    }

    private static ReserveSeat reserve(String license, String client) {
        SeatRequest request = new SeatRequest();
        request.setLicense(license);
        request.setClient(client);
        ReserveSeat in = new ReserveSeat();
        in.setRequest(request);
        return in;
    }

    @Test
    void reserveHeartbeatAndReleaseWithABearerTokenAndTheSignedDocumentVerifies() throws Exception {
        String license = OwnInstance.host(customer, manager, 1);
        SeatPort port = bearerPort(token);
        SignedSeatLease lease = port.reserveSeat(reserve(license, "erp-node-1")).getLease();
        assertTrue(lease.isCreated());
        assertEquals(license, lease.getLease().getLicense());
        String publicKey = Api.bearer(token)
                .get("/api/v1/seats/keys")
                .json()
                .getJsonArray("keys")
                .getJsonObject(0)
                .getString("publicKey");
        assertEquals(Boolean.TRUE, lease.getSignature().isBatched());
        assertTrue(SignatureBatch.verify(
                lease.getDocument().getBytes(StandardCharsets.UTF_8),
                lease.getSignature().getBatchPath(),
                Base64.getEncoder().encodeToString(lease.getSignature().getValue()),
                publicKey));
        assertTrue(
                lease.getDocument().contains("\"lease\":\"" + lease.getLease().getId() + "\""));

        LicensingSoapIT.assertFault("NO_SEAT_AVAILABLE", () -> port.reserveSeat(reserve(license, "erp-node-2")));

        HeartbeatSeat heartbeat = new HeartbeatSeat();
        heartbeat.setLeaseId(lease.getLease().getId());
        assertFalse(port.heartbeatSeat(heartbeat).getLease().isCreated());
        ReleaseSeat release = new ReleaseSeat();
        release.setLeaseId(lease.getLease().getId());
        port.releaseSeat(release);
        LicensingSoapIT.assertFault("LEASE_ENDED", () -> port.heartbeatSeat(heartbeat));
    }

    @Test
    void aWsSecurityClientTokenWorksTooAndABadTokenIsAFault() throws Exception {
        String license = OwnInstance.host(customer, manager, 2);
        SignedSeatLease lease =
                wsSecurityPort(token).reserveSeat(reserve(license, "ws-sec")).getLease();
        assertEquals("ws-sec", lease.getLease().getClient());
        LicensingSoapIT.assertFault(
                "INVALID_CLIENT_TOKEN", () -> wsSecurityPort("lct_nope").reserveSeat(reserve(license, "x")));
        LicensingSoapIT.assertFault("INVALID_CLIENT_TOKEN", () -> plainPort().reserveSeat(reserve(license, "x")));
        LicensingSoapIT.assertFault("INVALID_INPUT", () -> bearerPort(token).reserveSeat(reserve("12", "x")));
    }

    @Test
    void theAdministratorListsAndRevokesLeases() throws Exception {
        String license = OwnInstance.host(customer, manager, 2);
        String id = bearerPort(token)
                .reserveSeat(reserve(license, "listed"))
                .getLease()
                .getLease()
                .getId();
        ListSeatLeases list = new ListSeatLeases();
        list.setLicense(license);
        assertEquals(
                List.of("listed"),
                adminPort().listSeatLeases(list).getLease().stream()
                        .map(l -> l.getClient())
                        .toList());
        RevokeSeatLease revoke = new RevokeSeatLease();
        revoke.setLeaseId(id);
        adminPort().revokeSeatLease(revoke);
        assertEquals(0, adminPort().listSeatLeases(list).getLease().size());
        LicensingSoapIT.assertFault("UNAUTHENTICATED", () -> plainPort().listSeatLeases(list));
    }

    /** Adds the client token as a WS-Security BinarySecurityToken of Licentia's ClientToken value type. */
    static final class ClientTokenHeader extends WsSecurityHeader {
        private final String token;

        ClientTokenHeader(String token) {
            this.token = token;
        }

        @Override
        void addToken(SOAPEnvelope envelope, SOAPElement security) throws SOAPException {
            SOAPElement binary = security.addChildElement("BinarySecurityToken", "wsse");
            binary.setAttribute("ValueType", "http://licentia.org/licensing/v1#ClientToken");
            binary.addTextNode(token);
        }
    }
}
