package org.licentia.web.soap;

import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import jakarta.jws.HandlerChain;
import jakarta.jws.WebService;
import jakarta.xml.ws.WebServiceContext;
import org.licentia.hardwarekey.boundary.HardwareKeyLicensing;
import org.licentia.hardwarekey.boundary.HardwareKeys;
import org.licentia.hardwarekey.boundary.KeyStatusView;
import org.licentia.licensefile.boundary.LicenseFileUploads;
import org.licentia.licensefile.boundary.LicenseFiles;
import org.licentia.returns.boundary.InstanceReturns;
import org.licentia.returns.boundary.LicenseReturns;
import org.licentia.ws.licensing.v1.ConfirmLicenseReturn;
import org.licentia.ws.licensing.v1.ConfirmLicenseReturnResponse;
import org.licentia.ws.licensing.v1.CreateHardwareKeyLicense;
import org.licentia.ws.licensing.v1.CreateHardwareKeyLicenseResponse;
import org.licentia.ws.licensing.v1.CreateLicenseFile;
import org.licentia.ws.licensing.v1.CreateLicenseFileResponse;
import org.licentia.ws.licensing.v1.GetHardwareKeyStatus;
import org.licentia.ws.licensing.v1.GetHardwareKeyStatusResponse;
import org.licentia.ws.licensing.v1.GetRequestCode;
import org.licentia.ws.licensing.v1.GetRequestCodeResponse;
import org.licentia.ws.licensing.v1.HardwareKey;
import org.licentia.ws.licensing.v1.LicenseFilePort;
import org.licentia.ws.licensing.v1.LicensingFault_Exception;
import org.licentia.ws.licensing.v1.ManagementNode;
import org.licentia.ws.licensing.v1.ProcessLicenseReturn;
import org.licentia.ws.licensing.v1.ProcessLicenseReturnResponse;
import org.licentia.ws.licensing.v1.RequestLicenseReturn;
import org.licentia.ws.licensing.v1.RequestLicenseReturnResponse;
import org.licentia.ws.licensing.v1.SynchronizeHardwareKey;
import org.licentia.ws.licensing.v1.SynchronizeHardwareKeyResponse;
import org.licentia.ws.licensing.v1.UploadLicenseFile;
import org.licentia.ws.licensing.v1.UploadLicenseFileResponse;

/** The SOAP facade of request-key licensing: the same boundaries and rules as REST and the CLI. */
@WebService(
        serviceName = "LicenseFileService",
        portName = "LicenseFilePort",
        targetNamespace = "http://licentia.org/licensing/v1",
        endpointInterface = "org.licentia.ws.licensing.v1.LicenseFilePort",
        wsdlLocation = "WEB-INF/wsdl/licensing-v1.wsdl")
@HandlerChain(file = "handlers.xml")
public class LicenseFileEndpoint implements LicenseFilePort {

    @Resource
    WebServiceContext context;

    @Inject
    SoapCalls calls;

    @Inject
    LicenseFiles files;

    @Inject
    LicenseFileUploads uploads;

    @Inject
    LicenseReturns returns;

    @Inject
    InstanceReturns instanceReturns;

    @Inject
    HardwareKeys hardwareKeys;

    @Inject
    HardwareKeyLicensing keyLicensing;

    @Override
    public CreateHardwareKeyLicenseResponse createHardwareKeyLicense(CreateHardwareKeyLicense in)
            throws LicensingFault_Exception {
        return calls.run(context, () -> {
            LicenseFiles.IssuedFile file = hardwareKeys.licenseFile(
                    in.getKeyId(),
                    in.getPublicKey(),
                    in.getLicense().isEmpty() ? null : in.getLicense(),
                    in.getAccount());
            CreateHardwareKeyLicenseResponse out = new CreateHardwareKeyLicenseResponse();
            out.setFileName(file.fileName());
            out.setSerial(file.serial());
            out.getLicense().addAll(file.licenses());
            out.setLicenseFile(file.zip());
            return out;
        });
    }

    @Override
    public GetHardwareKeyStatusResponse getHardwareKeyStatus(GetHardwareKeyStatus in) throws LicensingFault_Exception {
        return calls.run(context, () -> {
            KeyStatusView v = keyLicensing.status();
            GetHardwareKeyStatusResponse out = new GetHardwareKeyStatusResponse();
            out.setStatus(v.status());
            out.setNode(v.node());
            out.setInstalledKey(v.installedKey());
            out.setInstalledSerial(v.installedSerial());
            out.setInstalledKeyPresent(v.installedKeyPresent());
            out.setBufferDays(v.bufferDays());
            out.setDegradedSince(SoapTypes.xmlTime(v.degradedSince()));
            out.setBufferEndsAt(SoapTypes.xmlTime(v.bufferEndsAt()));
            out.setUsable(v.usable());
            for (KeyStatusView.Node n : v.nodes()) {
                ManagementNode node = new ManagementNode();
                node.setNode(n.node());
                node.setReportedAt(SoapTypes.xmlTime(n.reportedAt()));
                node.setLive(n.live());
                node.setStatus(n.status());
                for (KeyStatusView.Key k : n.keys()) {
                    HardwareKey key = new HardwareKey();
                    key.setKeyId(k.keyId());
                    key.setModel(k.model());
                    key.setFingerprint(k.fingerprint());
                    key.setGenuine(k.genuine());
                    key.setProblem(k.problem());
                    key.setSerial(k.serial());
                    key.getLicense().addAll(k.licenses());
                    node.getKey().add(key);
                }
                out.getManagementNode().add(node);
            }
            return out;
        });
    }

    @Override
    public SynchronizeHardwareKeyResponse synchronizeHardwareKey(SynchronizeHardwareKey in)
            throws LicensingFault_Exception {
        return calls.run(context, () -> {
            LicenseFileUploads.UploadResult result = keyLicensing.synchronize();
            SynchronizeHardwareKeyResponse out = new SynchronizeHardwareKeyResponse();
            out.setSerial(result.serial());
            out.setAlreadyApplied(result.alreadyApplied());
            out.getAdded().addAll(result.added());
            out.getUpdated().addAll(result.updated());
            out.getRemoved().addAll(result.removed());
            return out;
        });
    }

    @Override
    public RequestLicenseReturnResponse requestLicenseReturn(RequestLicenseReturn in) throws LicensingFault_Exception {
        return calls.run(context, () -> {
            LicenseReturns.ReturnView r =
                    Boolean.TRUE.equals(in.isCancel()) ? returns.cancelRequest() : returns.request();
            RequestLicenseReturnResponse out = new RequestLicenseReturnResponse();
            out.setRequestId(r.requestId());
            out.setState(r.state());
            out.getLicense().addAll(r.licenses());
            out.setRequestFile(r.file());
            return out;
        });
    }

    @Override
    public ProcessLicenseReturnResponse processLicenseReturn(ProcessLicenseReturn in) throws LicensingFault_Exception {
        return calls.run(context, () -> {
            InstanceReturns.Processed p = instanceReturns.process(in.getRequestFile());
            ProcessLicenseReturnResponse out = new ProcessLicenseReturnResponse();
            out.setRequestId(p.requestId());
            out.setInstanceId(p.instanceId());
            out.setOutcome(p.outcome());
            out.setProcessedBefore(p.processedBefore());
            out.getLicense().addAll(p.licenses());
            out.setResponseFile(p.response());
            return out;
        });
    }

    @Override
    public ConfirmLicenseReturnResponse confirmLicenseReturn(ConfirmLicenseReturn in) throws LicensingFault_Exception {
        return calls.run(context, () -> {
            LicenseReturns.ReturnView r = returns.confirm(in.getResponseFile());
            ConfirmLicenseReturnResponse out = new ConfirmLicenseReturnResponse();
            out.setRequestId(r.requestId());
            out.setState(r.state());
            out.setAlreadyApplied(r.alreadyApplied());
            out.getLicense().addAll(r.licenses());
            return out;
        });
    }

    @Override
    public GetRequestCodeResponse getRequestCode(GetRequestCode in) throws LicensingFault_Exception {
        return calls.run(context, () -> {
            LicenseFileUploads.RequestCodeView code = uploads.requestCode();
            GetRequestCodeResponse out = new GetRequestCodeResponse();
            out.setRequestCode(code.code());
            out.setInstanceId(code.instanceId());
            out.setKeyFingerprint(code.keyFingerprint());
            out.setLastSerial(code.lastSerial());
            return out;
        });
    }

    @Override
    public CreateLicenseFileResponse createLicenseFile(CreateLicenseFile in) throws LicensingFault_Exception {
        return calls.run(context, () -> {
            LicenseFiles.IssuedFile file = files.create(
                    in.getRequestCode(), in.getLicense().isEmpty() ? null : in.getLicense(), in.getAccount());
            CreateLicenseFileResponse out = new CreateLicenseFileResponse();
            out.setFileName(file.fileName());
            out.setInstanceId(file.instanceId());
            out.setSerial(file.serial());
            out.getLicense().addAll(file.licenses());
            out.setLicenseFile(file.zip());
            return out;
        });
    }

    @Override
    public UploadLicenseFileResponse uploadLicenseFile(UploadLicenseFile in) throws LicensingFault_Exception {
        return calls.run(context, () -> {
            LicenseFileUploads.UploadResult result = uploads.upload(in.getLicenseFile());
            UploadLicenseFileResponse out = new UploadLicenseFileResponse();
            out.setSerial(result.serial());
            out.setAlreadyApplied(result.alreadyApplied());
            out.getAdded().addAll(result.added());
            out.getUpdated().addAll(result.updated());
            out.getRemoved().addAll(result.removed());
            return out;
        });
    }
}
