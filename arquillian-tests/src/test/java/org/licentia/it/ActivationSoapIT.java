package org.licentia.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.xml.ws.BindingProvider;
import jakarta.xml.ws.handler.Handler;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.licentia.ws.licensing.v1.Activate;
import org.licentia.ws.licensing.v1.ActivateResponse;
import org.licentia.ws.licensing.v1.ActivationField;
import org.licentia.ws.licensing.v1.ActivationPort;
import org.licentia.ws.licensing.v1.ActivationRequest;
import org.licentia.ws.licensing.v1.ActivationService;
import org.licentia.ws.licensing.v1.ActivationStatus;
import org.licentia.ws.licensing.v1.CreateActivation;
import org.licentia.ws.licensing.v1.CreateActivationResponse;
import org.licentia.ws.licensing.v1.Deactivate;
import org.licentia.ws.licensing.v1.ListActivations;
import org.licentia.ws.licensing.v1.ReleaseActivation;

/** Node-locked activation over SOAP, as an ERP or a vendor console would use it: the same rules as REST. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ActivationSoapIT {

    private static final String ENDPOINT = Api.BASE + "/soap/ActivationService";
    private static Customer customer;
    private static String manager;

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.licentiaEar();
    }

    @BeforeAll
    static void setUp() {
        customer = Customer.create("SOAP activations");
        manager = customer.user("manager", "license-manager");
    }

    private static ActivationPort plainPort() {
        ActivationPort port = new ActivationService().getActivationPort();
        ((BindingProvider) port).getRequestContext().put(BindingProvider.ENDPOINT_ADDRESS_PROPERTY, ENDPOINT);
        return port;
    }

    private static ActivationPort basicPort(String user, String password) {
        ActivationPort port = plainPort();
        ((BindingProvider) port).getRequestContext().put(BindingProvider.USERNAME_PROPERTY, user);
        ((BindingProvider) port).getRequestContext().put(BindingProvider.PASSWORD_PROPERTY, password);
        return port;
    }

    @SuppressWarnings("rawtypes")
    private static ActivationPort usernameTokenPort(String user, String password) {
        ActivationPort port = plainPort();
        BindingProvider binding = (BindingProvider) port;
        List<Handler> chain = binding.getBinding().getHandlerChain();
        chain.add(new LicensingSoapIT.UsernameToken(user, password));
        binding.getBinding().setHandlerChain(chain);
        return port;
    }

    private static ActivationRequest request(String activationKey, Computer computer) {
        ActivationRequest request = new ActivationRequest();
        request.setActivationKey(activationKey);
        request.setComputerId(computer.toString());
        return request;
    }

    @Test
    void aComputerActivatesValidatesAndDeactivatesWithoutSigningIn() throws Exception {
        String license = customer.license(1);
        String key = Customer.activationKey(license);
        Computer computer = Computer.fresh();
        ActivationPort port = plainPort();
        Activate activate = new Activate();
        activate.setRequest(request(key, computer));
        ActivateResponse activated = port.activate(activate);
        assertTrue(activated.isCreated());
        assertEquals(license, activated.getActivation().getLicense());
        computer.verify(activated.getActivation().getComputerKey(), key);
        assertFalse(port.activate(activate).isCreated(), "the same computer keeps its activation");

        Activate another = new Activate();
        another.setRequest(request(key, Computer.fresh()));
        LicensingSoapIT.assertFault("ACTIVATION_LIMIT_REACHED", () -> port.activate(another));
        Activate mistyped = new Activate();
        mistyped.setRequest(request(key.substring(0, key.length() - 1) + (key.endsWith("0") ? "1" : "0"), computer));
        LicensingSoapIT.assertFault("INVALID_INPUT", () -> port.activate(mistyped));

        ActivationStatus status = new ActivationStatus();
        status.setActivationKey(key);
        status.setComputerId(computer.toString());
        assertEquals("ACTIVE", port.activationStatus(status).getStatus());

        Deactivate deactivate = new Deactivate();
        deactivate.setDvc(computer.dvc(activated.getActivation().getActivationId()));
        assertEquals("DEACTIVATED", port.deactivate(deactivate).getActivation().getStatus());
        assertEquals("DEACTIVATED", port.activationStatus(status).getStatus());
        LicensingSoapIT.assertFault("ACTIVATION_ALREADY_DEACTIVATED", () -> port.deactivate(deactivate));
        Deactivate garbage = new Deactivate();
        garbage.setDvc("not a code");
        LicensingSoapIT.assertFault("INVALID_DEACTIVATION_CODE", () -> port.deactivate(garbage));
    }

    @Test
    void staffCreateListAndReleaseActivationsSignedIn() throws Exception {
        String license = customer.license(2);
        String key = Customer.activationKey(license);
        Computer computer = Computer.fresh();
        CreateActivation create = new CreateActivation();
        ActivationRequest request = request(key, computer);
        request.setComputerName("erp-lab");
        ActivationField site = new ActivationField();
        site.setName("site");
        site.setValue("Lyon");
        request.getField().add(site);
        create.setRequest(request);

        LicensingSoapIT.assertFault("UNAUTHENTICATED", () -> plainPort().createActivation(create));
        CreateActivationResponse created =
                basicPort(manager, customer.password(manager)).createActivation(create);
        assertTrue(created.isCreated());
        assertEquals("Lyon", created.getActivation().getField().get(0).getValue());
        computer.verify(created.getActivation().getComputerKey(), key);

        ActivationPort admin = usernameTokenPort(Api.ADMIN, Api.ADMIN_PASSWORD);
        ListActivations list = new ListActivations();
        list.setLicense(license);
        var listed = admin.listActivations(list).getActivation();
        assertEquals(1, listed.size());
        assertEquals("erp-lab", listed.get(0).getComputerName());

        ReleaseActivation release = new ReleaseActivation();
        release.setActivationId(created.getActivation().getActivationId());
        assertEquals("REVOKED", admin.releaseActivation(release).getActivation().getStatus());
        LicensingSoapIT.assertFault("ACTIVATION_ALREADY_DEACTIVATED", () -> admin.releaseActivation(release));
    }
}
