package org.licentia.web.soap;

import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import jakarta.jws.HandlerChain;
import jakarta.jws.WebService;
import jakarta.xml.ws.WebServiceContext;
import jakarta.xml.ws.handler.MessageContext;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.licentia.seats.boundary.LeaseView;
import org.licentia.seats.boundary.Reservations;
import org.licentia.seats.boundary.Seats;
import org.licentia.seats.boundary.SignedLease;
import org.licentia.web.BearerTokens;
import org.licentia.ws.licensing.v1.BorrowSeat;
import org.licentia.ws.licensing.v1.BorrowSeatResponse;
import org.licentia.ws.licensing.v1.HeartbeatSeat;
import org.licentia.ws.licensing.v1.HeartbeatSeatResponse;
import org.licentia.ws.licensing.v1.LicensingFault_Exception;
import org.licentia.ws.licensing.v1.ListSeatLeases;
import org.licentia.ws.licensing.v1.ListSeatLeasesResponse;
import org.licentia.ws.licensing.v1.ReleaseSeat;
import org.licentia.ws.licensing.v1.ReleaseSeatResponse;
import org.licentia.ws.licensing.v1.ReserveSeat;
import org.licentia.ws.licensing.v1.ReserveSeatResponse;
import org.licentia.ws.licensing.v1.RevokeSeatLease;
import org.licentia.ws.licensing.v1.RevokeSeatLeaseResponse;
import org.licentia.ws.licensing.v1.SeatLease;
import org.licentia.ws.licensing.v1.SeatPort;
import org.licentia.ws.licensing.v1.SeatRequest;
import org.licentia.ws.licensing.v1.Signature;
import org.licentia.ws.licensing.v1.SignedSeatLease;

/** The SOAP facade of floating seats: the same boundaries and rules as REST, the CLI and the client library. */
@WebService(
        serviceName = "SeatService",
        portName = "SeatPort",
        targetNamespace = "http://licentia.org/licensing/v1",
        endpointInterface = "org.licentia.ws.licensing.v1.SeatPort",
        wsdlLocation = "WEB-INF/wsdl/licensing-v1.wsdl")
@HandlerChain(file = "handlers.xml")
public class SeatEndpoint implements SeatPort {

    @Resource
    WebServiceContext context;

    @Inject
    SoapCalls calls;

    @Inject
    Seats seats;

    @Inject
    Reservations reservations;

    @Override
    public ReserveSeatResponse reserveSeat(ReserveSeat in) throws LicensingFault_Exception {
        return calls.runAnonymous(context, () -> {
            ReserveSeatResponse out = new ReserveSeatResponse();
            out.setLease(signed(seats.reserve(clientToken(), request(in.getRequest(), null))));
            return out;
        });
    }

    @Override
    public BorrowSeatResponse borrowSeat(BorrowSeat in) throws LicensingFault_Exception {
        return calls.runAnonymous(context, () -> {
            BorrowSeatResponse out = new BorrowSeatResponse();
            out.setLease(signed(seats.borrow(clientToken(), request(in.getRequest(), in.getDays()))));
            return out;
        });
    }

    @Override
    public HeartbeatSeatResponse heartbeatSeat(HeartbeatSeat in) throws LicensingFault_Exception {
        return calls.runAnonymous(context, () -> {
            HeartbeatSeatResponse out = new HeartbeatSeatResponse();
            out.setLease(signed(seats.heartbeat(clientToken(), in.getLeaseId())));
            return out;
        });
    }

    @Override
    public ReleaseSeatResponse releaseSeat(ReleaseSeat in) throws LicensingFault_Exception {
        return calls.runAnonymous(context, () -> {
            seats.release(clientToken(), in.getLeaseId());
            return new ReleaseSeatResponse();
        });
    }

    @Override
    public ListSeatLeasesResponse listSeatLeases(ListSeatLeases in) throws LicensingFault_Exception {
        return calls.run(context, () -> {
            ListSeatLeasesResponse out = new ListSeatLeasesResponse();
            reservations.leases(in.getLicense()).forEach(l -> out.getLease().add(lease(l)));
            return out;
        });
    }

    @Override
    public RevokeSeatLeaseResponse revokeSeatLease(RevokeSeatLease in) throws LicensingFault_Exception {
        return calls.run(context, () -> {
            reservations.revoke(in.getLeaseId());
            return new RevokeSeatLeaseResponse();
        });
    }

    /** The client token: from the WS-Security header if there is one, else from an HTTP Bearer header. */
    private String clientToken() {
        MessageContext message = context.getMessageContext();
        Object fromHeader = message.get(UsernameTokenHandler.CLIENT_TOKEN_PROPERTY);
        if (fromHeader != null) {
            return fromHeader.toString();
        }
        @SuppressWarnings("unchecked")
        Map<String, List<String>> headers =
                (Map<String, List<String>>) message.get(MessageContext.HTTP_REQUEST_HEADERS);
        if (headers == null) {
            return null;
        }
        return headers.entrySet().stream()
                .filter(e -> "authorization".equalsIgnoreCase(e.getKey()))
                .flatMap(e -> e.getValue().stream())
                .findFirst()
                .map(BearerTokens::of)
                .orElse(null);
    }

    private static org.licentia.seats.boundary.SeatRequest request(SeatRequest r, Integer days) {
        if (r == null) {
            return null;
        }
        return new org.licentia.seats.boundary.SeatRequest(
                r.getLicense(), r.getProduct(), r.getFeature(), r.getClient(), r.getHost(), r.getUser(), days);
    }

    private static SignedSeatLease signed(SignedLease s) {
        SignedSeatLease out = new SignedSeatLease();
        out.setLease(lease(s.lease()));
        out.setDocument(new String(s.signed().canonical(), StandardCharsets.UTF_8));
        Signature signature = new Signature();
        signature.setAlgorithm(s.signed().algorithm());
        signature.setKeyId(s.signed().keyId());
        signature.setValue(s.signed().signature());
        if (s.signed().batchPath() != null) {
            // An empty list marshals to nothing, so a batch of one needs the flag to say it is one.
            signature.setBatched(true);
            signature.getBatchPath().addAll(s.signed().batchPath());
        }
        out.setSignature(signature);
        out.setCreated(s.created());
        return out;
    }

    private static SeatLease lease(LeaseView v) {
        SeatLease l = new SeatLease();
        l.setId(v.id());
        l.setLicense(v.license());
        l.setProduct(v.product());
        l.setClient(v.client());
        l.setHost(v.host());
        l.setUser(v.user());
        l.setTokenName(v.tokenName());
        l.setReservedAt(SoapTypes.xmlTime(v.reservedAt()));
        l.setExpiresAt(SoapTypes.xmlTime(v.expiresAt()));
        l.setHeartbeatSeconds(v.heartbeatSeconds());
        l.setBorrowed(v.borrowed());
        return l;
    }
}
