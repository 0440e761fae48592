package org.licentia.web.soap;

import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import jakarta.jws.HandlerChain;
import jakarta.jws.WebService;
import jakarta.xml.ws.WebServiceContext;
import java.util.List;
import org.licentia.records.boundary.LicensingRecords;
import org.licentia.registration.boundary.ChangeSummary;
import org.licentia.registration.boundary.HostedLicenseView;
import org.licentia.registration.boundary.Registrations;
import org.licentia.registration.control.Credentials;
import org.licentia.returns.boundary.LicenseReturns;
import org.licentia.status.boundary.StatusView;
import org.licentia.ws.licensing.v1.ApplyRegistration;
import org.licentia.ws.licensing.v1.ApplyRegistrationResponse;
import org.licentia.ws.licensing.v1.DeregisterAll;
import org.licentia.ws.licensing.v1.DeregisterAllResponse;
import org.licentia.ws.licensing.v1.GetLicenseStatus;
import org.licentia.ws.licensing.v1.GetLicenseStatusResponse;
import org.licentia.ws.licensing.v1.HostedLicense;
import org.licentia.ws.licensing.v1.LicenseAlert;
import org.licentia.ws.licensing.v1.LicenseStatus;
import org.licentia.ws.licensing.v1.LicensingFault_Exception;
import org.licentia.ws.licensing.v1.LicensingRecord;
import org.licentia.ws.licensing.v1.ListHostedLicenses;
import org.licentia.ws.licensing.v1.ListHostedLicensesResponse;
import org.licentia.ws.licensing.v1.ListLicensingRecords;
import org.licentia.ws.licensing.v1.ListLicensingRecordsResponse;
import org.licentia.ws.licensing.v1.PlanRegistration;
import org.licentia.ws.licensing.v1.PlanRegistrationResponse;
import org.licentia.ws.licensing.v1.PublisherCredentials;
import org.licentia.ws.licensing.v1.RegistrationPort;
import org.licentia.ws.licensing.v1.ReturnLicenses;
import org.licentia.ws.licensing.v1.ReturnLicensesResponse;

/** The SOAP facade of on-prem registration: the same boundary and rules as REST and the CLI. */
@WebService(
        serviceName = "RegistrationService",
        portName = "RegistrationPort",
        targetNamespace = "http://licentia.org/licensing/v1",
        endpointInterface = "org.licentia.ws.licensing.v1.RegistrationPort",
        wsdlLocation = "WEB-INF/wsdl/licensing-v1.wsdl")
@HandlerChain(file = "handlers.xml")
public class RegistrationEndpoint implements RegistrationPort {

    @Resource
    WebServiceContext context;

    @Inject
    SoapCalls calls;

    @Inject
    Registrations registrations;

    @Inject
    LicenseReturns returns;

    @Inject
    org.licentia.status.boundary.LicenseStatus status;

    @Inject
    LicensingRecords records;

    @Override
    public GetLicenseStatusResponse getLicenseStatus(GetLicenseStatus in) throws LicensingFault_Exception {
        return calls.run(context, () -> {
            StatusView view = status.status();
            GetLicenseStatusResponse out = new GetLicenseStatusResponse();
            out.setStatus(view.summary().status());
            out.setToday(SoapTypes.xmlDate(view.summary().today()));
            for (StatusView.Alert a : view.alerts()) {
                LicenseAlert alert = new LicenseAlert();
                alert.setKind(a.kind());
                alert.setTitle(a.title());
                alert.setLicense(a.license());
                alert.setAccount(a.account());
                alert.setReason(a.reason());
                alert.setDate(SoapTypes.xmlDate(a.date()));
                alert.setSince(a.since() == null ? null : SoapTypes.xmlTime(a.since()));
                out.getAlert().add(alert);
            }
            for (StatusView.LicenseStatusView l : view.licenses()) {
                LicenseStatus license = new LicenseStatus();
                license.setNumber(l.number());
                license.setAccount(l.account());
                license.setProduct(l.product());
                license.setEdition(l.edition());
                license.setSource(l.source());
                license.setStatus(l.status());
                license.setExpires(SoapTypes.xmlDate(l.expires()));
                license.setDaysLeft(l.daysLeft());
                license.setSupportExpires(SoapTypes.xmlDate(l.supportExpires()));
                license.setQuotaMetric(l.quotaMetric());
                license.setQuota(l.quota());
                license.setUsed(l.used());
                license.setSeats(l.seats());
                license.setSeatsInUse(l.seatsInUse());
                out.getLicense().add(license);
            }
            return out;
        });
    }

    @Override
    public ListLicensingRecordsResponse listLicensingRecords(ListLicensingRecords in) throws LicensingFault_Exception {
        return calls.run(context, () -> {
            LicensingRecords.Page page = records.page(
                    new LicensingRecords.Filter(
                            in.getLicense(),
                            in.getMethod(),
                            in.getFrom() == null
                                    ? null
                                    : SoapTypes.instant(in.getFrom()).toString(),
                            in.getTo() == null
                                    ? null
                                    : SoapTypes.instant(in.getTo()).toString()),
                    in.getPage() == null ? 0 : in.getPage(),
                    in.getSize() == null ? 100 : in.getSize());
            ListLicensingRecordsResponse out = new ListLicensingRecordsResponse();
            out.setTotal(page.total());
            page.records().forEach(r -> {
                LicensingRecord record = new LicensingRecord();
                record.setUploadedAt(SoapTypes.xmlTime(r.uploadedAt()));
                record.setManagementType(r.managementType());
                record.setMethod(r.method());
                record.setLicense(r.license());
                record.setAccount(r.account());
                record.setItem(r.item());
                record.setQuota(r.quota());
                record.setStatus(r.status());
                record.setIssuedAt(r.issuedAt() == null ? null : SoapTypes.xmlTime(r.issuedAt()));
                record.setExpires(SoapTypes.xmlDate(r.expires()));
                record.setActor(r.actor());
                out.getRecord().add(record);
            });
            return out;
        });
    }

    @Override
    public PlanRegistrationResponse planRegistration(PlanRegistration in) throws LicensingFault_Exception {
        return calls.runAnonymous(context, () -> {
            ChangeSummary summary = registrations.plan(
                    credentials(in.getCredentials()), in.getLicense().isEmpty() ? null : in.getLicense());
            PlanRegistrationResponse out = new PlanRegistrationResponse();
            out.getCurrent().addAll(summary.current());
            out.getRequested().addAll(summary.requested());
            out.getToAdd().addAll(summary.toAdd());
            out.getToRemove().addAll(summary.toRemove());
            out.setRightsWarning(summary.rightsWarning());
            return out;
        });
    }

    @Override
    public ApplyRegistrationResponse applyRegistration(ApplyRegistration in) throws LicensingFault_Exception {
        return calls.runAnonymous(context, () -> {
            boolean implicit = Boolean.TRUE.equals(in.isImplicit());
            List<HostedLicenseView> hosted = registrations.apply(
                    credentials(in.getCredentials()), implicit ? null : in.getLicense(), in.getExpectedCurrent());
            ApplyRegistrationResponse out = new ApplyRegistrationResponse();
            hosted.forEach(h -> out.getHosted().add(hostedLicense(h)));
            return out;
        });
    }

    @Override
    public ReturnLicensesResponse returnLicenses(ReturnLicenses in) throws LicensingFault_Exception {
        return calls.runAnonymous(context, () -> {
            LicenseReturns.ReturnView r =
                    returns.returnOnline(credentials(in.getCredentials()), Boolean.TRUE.equals(in.isCancel()));
            ReturnLicensesResponse out = new ReturnLicensesResponse();
            out.setRequestId(r.requestId());
            out.setState(r.state());
            out.getLicense().addAll(r.licenses());
            return out;
        });
    }

    @Override
    public DeregisterAllResponse deregisterAll(DeregisterAll in) throws LicensingFault_Exception {
        return calls.runAnonymous(context, () -> {
            registrations.apply(credentials(in.getCredentials()), List.of(), in.getExpectedCurrent());
            return new DeregisterAllResponse();
        });
    }

    @Override
    public ListHostedLicensesResponse listHostedLicenses(ListHostedLicenses in) throws LicensingFault_Exception {
        return calls.run(context, () -> {
            ListHostedLicensesResponse out = new ListHostedLicensesResponse();
            registrations.hosted().forEach(h -> out.getHosted().add(hostedLicense(h)));
            return out;
        });
    }

    private static Credentials credentials(PublisherCredentials c) {
        return c == null ? new Credentials(null, null) : new Credentials(c.getEmail(), c.getPassword());
    }

    private static HostedLicense hostedLicense(HostedLicenseView v) {
        HostedLicense h = new HostedLicense();
        h.setNumber(v.number());
        h.setAccount(v.account());
        h.setProduct(v.product());
        h.setEdition(v.edition());
        h.setSeats(v.seats());
        h.setExpires(SoapTypes.xmlDate(v.expires()));
        h.setStatus(v.status());
        return h;
    }
}
