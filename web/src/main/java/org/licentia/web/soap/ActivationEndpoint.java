package org.licentia.web.soap;

import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import jakarta.jws.HandlerChain;
import jakarta.jws.WebService;
import jakarta.xml.ws.WebServiceContext;
import java.util.LinkedHashMap;
import java.util.Map;
import org.licentia.activation.boundary.ActivationStatus;
import org.licentia.activation.boundary.ActivationView;
import org.licentia.activation.boundary.Activations;
import org.licentia.activation.boundary.IssuedActivation;
import org.licentia.ws.licensing.v1.Activate;
import org.licentia.ws.licensing.v1.ActivateResponse;
import org.licentia.ws.licensing.v1.Activation;
import org.licentia.ws.licensing.v1.ActivationField;
import org.licentia.ws.licensing.v1.ActivationPort;
import org.licentia.ws.licensing.v1.ActivationRequest;
import org.licentia.ws.licensing.v1.ActivationStatusResponse;
import org.licentia.ws.licensing.v1.CreateActivation;
import org.licentia.ws.licensing.v1.CreateActivationResponse;
import org.licentia.ws.licensing.v1.Deactivate;
import org.licentia.ws.licensing.v1.DeactivateResponse;
import org.licentia.ws.licensing.v1.LicensingFault_Exception;
import org.licentia.ws.licensing.v1.ListActivations;
import org.licentia.ws.licensing.v1.ListActivationsResponse;
import org.licentia.ws.licensing.v1.ReleaseActivation;
import org.licentia.ws.licensing.v1.ReleaseActivationResponse;

/** The SOAP facade of node-locked activation, for an ERP or a vendor console: the same boundary and rules as REST. */
@WebService(
        serviceName = "ActivationService",
        portName = "ActivationPort",
        targetNamespace = "http://licentia.org/licensing/v1",
        endpointInterface = "org.licentia.ws.licensing.v1.ActivationPort",
        wsdlLocation = "WEB-INF/wsdl/licensing-v1.wsdl")
@HandlerChain(file = "handlers.xml")
public class ActivationEndpoint implements ActivationPort {

    @Resource
    WebServiceContext context;

    @Inject
    SoapCalls calls;

    @Inject
    Activations activations;

    @Override
    public ActivateResponse activate(Activate in) throws LicensingFault_Exception {
        return calls.runAnonymous(context, () -> {
            IssuedActivation issued = activations.activate(request(in.getRequest()));
            ActivateResponse out = new ActivateResponse();
            out.setActivation(activation(issued.activation()));
            out.setCreated(issued.created());
            return out;
        });
    }

    @Override
    public CreateActivationResponse createActivation(CreateActivation in) throws LicensingFault_Exception {
        return calls.run(context, () -> {
            IssuedActivation issued = activations.create(request(in.getRequest()));
            CreateActivationResponse out = new CreateActivationResponse();
            out.setActivation(activation(issued.activation()));
            out.setCreated(issued.created());
            return out;
        });
    }

    @Override
    public ActivationStatusResponse activationStatus(org.licentia.ws.licensing.v1.ActivationStatus in)
            throws LicensingFault_Exception {
        return calls.runAnonymous(context, () -> {
            ActivationStatus status = activations.status(in.getActivationKey(), in.getComputerId());
            ActivationStatusResponse out = new ActivationStatusResponse();
            out.setStatus(status.status());
            out.setActivationId(status.activationId());
            out.setLicense(status.license());
            out.setDeactivatedAt(SoapTypes.xmlTime(status.deactivatedAt()));
            return out;
        });
    }

    @Override
    public DeactivateResponse deactivate(Deactivate in) throws LicensingFault_Exception {
        return calls.runAnonymous(context, () -> {
            DeactivateResponse out = new DeactivateResponse();
            out.setActivation(activation(activations.deactivate(in.getDvc())));
            return out;
        });
    }

    @Override
    public ListActivationsResponse listActivations(ListActivations in) throws LicensingFault_Exception {
        return calls.run(context, () -> {
            ListActivationsResponse out = new ListActivationsResponse();
            activations.list(in.getLicense()).forEach(a -> out.getActivation().add(activation(a)));
            return out;
        });
    }

    @Override
    public ReleaseActivationResponse releaseActivation(ReleaseActivation in) throws LicensingFault_Exception {
        return calls.run(context, () -> {
            ReleaseActivationResponse out = new ReleaseActivationResponse();
            out.setActivation(activation(activations.release(in.getActivationId())));
            return out;
        });
    }

    private static org.licentia.activation.boundary.ActivationRequest request(ActivationRequest r) {
        if (r == null) {
            return null;
        }
        Map<String, String> fields = new LinkedHashMap<>();
        for (ActivationField f : r.getField()) {
            fields.put(f.getName(), f.getValue());
        }
        return new org.licentia.activation.boundary.ActivationRequest(
                r.getActivationKey(), r.getComputerId(), r.getComputerName(), fields);
    }

    private static Activation activation(ActivationView v) {
        Activation a = new Activation();
        a.setActivationId(v.activationId());
        a.setLicense(v.license());
        a.setProduct(v.product());
        a.setComputerId(v.computerId());
        a.setComputerName(v.computerName());
        v.fields().forEach((name, value) -> {
            ActivationField f = new ActivationField();
            f.setName(name);
            f.setValue(value);
            a.getField().add(f);
        });
        a.setStatus(v.status());
        a.setActivatedAt(SoapTypes.xmlTime(v.activatedAt()));
        a.setDeactivatedAt(SoapTypes.xmlTime(v.deactivatedAt()));
        a.setExpires(SoapTypes.xmlDate(v.expires()));
        a.getFeature().addAll(v.features());
        a.setComputerKey(v.computerKey());
        return a;
    }
}
