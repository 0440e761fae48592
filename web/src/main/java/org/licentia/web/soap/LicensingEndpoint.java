package org.licentia.web.soap;

import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import jakarta.jws.HandlerChain;
import jakarta.jws.WebService;
import jakarta.xml.ws.WebServiceContext;
import java.util.List;
import org.licentia.catalog.boundary.Accounts;
import org.licentia.catalog.boundary.LicenseChange;
import org.licentia.catalog.boundary.LicenseDraft;
import org.licentia.catalog.boundary.LicenseQuery;
import org.licentia.catalog.boundary.LicenseView;
import org.licentia.catalog.boundary.Licenses;
import org.licentia.catalog.boundary.NewUser;
import org.licentia.catalog.boundary.Page;
import org.licentia.catalog.boundary.RoleAssignment;
import org.licentia.catalog.boundary.SignedLicense;
import org.licentia.catalog.boundary.Users;
import org.licentia.ws.licensing.v1.AddUser;
import org.licentia.ws.licensing.v1.AddUserResponse;
import org.licentia.ws.licensing.v1.CreateAccount;
import org.licentia.ws.licensing.v1.CreateAccountResponse;
import org.licentia.ws.licensing.v1.CreateLicense;
import org.licentia.ws.licensing.v1.CreateLicenseResponse;
import org.licentia.ws.licensing.v1.DeleteLicense;
import org.licentia.ws.licensing.v1.DeleteLicenseResponse;
import org.licentia.ws.licensing.v1.FindLicenses;
import org.licentia.ws.licensing.v1.FindLicensesResponse;
import org.licentia.ws.licensing.v1.GetLicense;
import org.licentia.ws.licensing.v1.GetLicenseResponse;
import org.licentia.ws.licensing.v1.LicensingFault_Exception;
import org.licentia.ws.licensing.v1.LicensingPort;
import org.licentia.ws.licensing.v1.RevokeLicense;
import org.licentia.ws.licensing.v1.RevokeLicenseResponse;
import org.licentia.ws.licensing.v1.Role;
import org.licentia.ws.licensing.v1.SetUserRoles;
import org.licentia.ws.licensing.v1.SetUserRolesResponse;
import org.licentia.ws.licensing.v1.Signature;
import org.licentia.ws.licensing.v1.UpdateLicense;
import org.licentia.ws.licensing.v1.UpdateLicenseResponse;

/** The SOAP facade of the licensing contract (ws-contracts, v1): same boundaries, same rules as REST. */
@WebService(
        serviceName = "LicensingService",
        portName = "LicensingPort",
        targetNamespace = "http://licentia.org/licensing/v1",
        endpointInterface = "org.licentia.ws.licensing.v1.LicensingPort",
        wsdlLocation = "WEB-INF/wsdl/licensing-v1.wsdl")
@HandlerChain(file = "handlers.xml")
public class LicensingEndpoint implements LicensingPort {

    @Resource
    WebServiceContext context;

    @Inject
    SoapCalls calls;

    @Inject
    Licenses licenses;

    @Inject
    Accounts accounts;

    @Inject
    Users users;

    @Override
    public CreateLicenseResponse createLicense(CreateLicense in) throws LicensingFault_Exception {
        return calls.run(context, () -> {
            LicenseView created = licenses.create(new LicenseDraft(
                    in.getNumber(),
                    in.getAccount(),
                    in.getProduct(),
                    in.getEdition(),
                    in.getSeats(),
                    SoapTypes.metric(in.getQuotaMetric()),
                    in.getQuota(),
                    SoapTypes.date(in.getStarts()),
                    SoapTypes.date(in.getExpires()),
                    SoapTypes.date(in.getSupportExpires()),
                    in.getMaxActivations()));
            CreateLicenseResponse out = new CreateLicenseResponse();
            out.setLicense(SoapTypes.license(created));
            return out;
        });
    }

    @Override
    public UpdateLicenseResponse updateLicense(UpdateLicense in) throws LicensingFault_Exception {
        return calls.run(context, () -> {
            LicenseView updated = licenses.update(
                    in.getNumber(),
                    new LicenseChange(
                            in.getEdition(),
                            in.getSeats(),
                            SoapTypes.metric(in.getQuotaMetric()),
                            in.getQuota(),
                            SoapTypes.date(in.getExpires()),
                            SoapTypes.date(in.getSupportExpires()),
                            in.getMaxActivations()));
            UpdateLicenseResponse out = new UpdateLicenseResponse();
            out.setLicense(SoapTypes.license(updated));
            return out;
        });
    }

    @Override
    public RevokeLicenseResponse revokeLicense(RevokeLicense in) throws LicensingFault_Exception {
        return calls.run(context, () -> {
            RevokeLicenseResponse out = new RevokeLicenseResponse();
            out.setLicense(SoapTypes.license(licenses.revoke(in.getNumber(), in.getReason())));
            return out;
        });
    }

    @Override
    public DeleteLicenseResponse deleteLicense(DeleteLicense in) throws LicensingFault_Exception {
        return calls.run(context, () -> {
            licenses.delete(in.getNumber());
            DeleteLicenseResponse out = new DeleteLicenseResponse();
            out.setNumber(in.getNumber());
            return out;
        });
    }

    @Override
    public GetLicenseResponse getLicense(GetLicense in) throws LicensingFault_Exception {
        return calls.run(context, () -> {
            SignedLicense signed = licenses.signed(in.getNumber());
            GetLicenseResponse out = new GetLicenseResponse();
            out.setLicense(SoapTypes.license(signed.license()));
            out.setDocument(signed.signed().canonical());
            Signature signature = new Signature();
            signature.setAlgorithm(signed.signed().algorithm());
            signature.setKeyId(signed.signed().keyId());
            signature.setValue(signed.signed().signature());
            out.setSignature(signature);
            return out;
        });
    }

    @Override
    public FindLicensesResponse findLicenses(FindLicenses in) throws LicensingFault_Exception {
        return calls.run(context, () -> {
            Page<LicenseView> page = licenses.find(new LicenseQuery(
                    in.getAccount(),
                    in.getState() == null ? null : in.getState().value(),
                    in.getProduct(),
                    in.getPage() == null ? 0 : in.getPage(),
                    in.getSize() == null ? LicenseQuery.DEFAULT_SIZE : in.getSize()));
            FindLicensesResponse out = new FindLicensesResponse();
            page.items().forEach(l -> out.getLicense().add(SoapTypes.license(l)));
            out.setPage(page.page());
            out.setSize(page.size());
            out.setTotal(page.total());
            return out;
        });
    }

    @Override
    public CreateAccountResponse createAccount(CreateAccount in) throws LicensingFault_Exception {
        return calls.run(context, () -> {
            CreateAccountResponse out = new CreateAccountResponse();
            out.setAccount(SoapTypes.account(accounts.create(in.getName())));
            return out;
        });
    }

    @Override
    public AddUserResponse addUser(AddUser in) throws LicensingFault_Exception {
        return calls.run(context, () -> {
            AddUserResponse out = new AddUserResponse();
            out.setUser(SoapTypes.user(users.add(new NewUser(
                    in.getEmail(),
                    in.getPassword(),
                    in.getAccount(),
                    in.getRole() == null ? null : in.getRole().value()))));
            return out;
        });
    }

    @Override
    public SetUserRolesResponse setUserRoles(SetUserRoles in) throws LicensingFault_Exception {
        return calls.run(context, () -> {
            List<String> roles = in.getRole().stream().map(Role::value).toList();
            SetUserRolesResponse out = new SetUserRolesResponse();
            out.setUser(SoapTypes.user(users.assignRoles(in.getEmail(), new RoleAssignment(in.getAccount(), roles))));
            return out;
        });
    }
}
