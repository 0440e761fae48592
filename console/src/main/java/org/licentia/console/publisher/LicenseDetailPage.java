package org.licentia.console.publisher;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.licentia.activation.boundary.ActivationRequest;
import org.licentia.activation.boundary.ActivationView;
import org.licentia.activation.boundary.Activations;
import org.licentia.catalog.boundary.LicenseView;
import org.licentia.catalog.boundary.Licenses;
import org.licentia.client.activation.QrCode;
import org.licentia.console.Notices;
import org.licentia.errors.ErrorCode;
import org.licentia.errors.LicensingException;
import org.licentia.licensefile.boundary.LicenseFiles;

/**
 * A license in the publisher portal: its terms, its activations and the instance that hosts it,
 * and what staff do with it: activate a computer that has no connection (QLM's "Activate": the
 * Computer ID in, the Computer Key out to read to the customer), release an activation with the
 * customer's deactivation code or, for a lost computer, without one, and make a license file
 * from an instance's request code. Runs on the publisher.
 */
@Named
@ViewScoped // a row's Release button is found again on the postback only with the rows it was shown with
public class LicenseDetailPage implements Serializable {

    private static final long serialVersionUID = 1L;

    /** Large enough for a phone camera at arm's length, small enough for a phone screen. */
    private static final int PIXELS_PER_MODULE = 5;

    @Inject
    Licenses licenses;

    @Inject
    Activations activations;

    @Inject
    LicenseFiles licenseFiles;

    private String number;
    private transient LicenseView license;
    private transient List<ActivationView> activationList;
    private transient boolean read;

    private String computerId;
    private String computerName;
    private String fields;
    private transient ActivationView issued;
    private String dvc;
    private String requestCode;

    public LicenseView getLicense() {
        if (!read) {
            read = true;
            try {
                license = licenses.get(number == null ? "" : number);
                activationList = activations.list(license.number());
            } catch (RuntimeException failure) {
                Notices.refused(failure);
            }
        }
        return license;
    }

    public List<ActivationView> getActivations() {
        getLicense();
        return activationList == null ? List.of() : activationList;
    }

    public void activate() {
        if (getLicense() == null) {
            return;
        }
        try {
            issued = activations
                    .create(new ActivationRequest(license.activationKey(), computerId, computerName, fieldsOf(fields)))
                    .activation();
            Notices.done("Computer " + issued.computerId() + " activated: give the customer the computer key below");
            read = false;
        } catch (RuntimeException failure) {
            Notices.refused(failure);
        }
    }

    /** The computer key's groups of five, shown apart in large type for a person to read and type. */
    public List<String> getIssuedKeyGroups() {
        return issued == null ? List.of() : List.of(issued.computerKey().split("-"));
    }

    /** The computer key as a QR code of the same text, for a phone to carry to the offline computer. */
    public String getIssuedQrCode() {
        return issued == null
                ? null
                : "data:image/png;base64,"
                        + Base64.getEncoder()
                                .encodeToString(QrCode.of(issued.computerKey()).toPng(PIXELS_PER_MODULE));
    }

    /** Staff release for a lost computer: no deactivation code, its key stops validating online. */
    public void release(String activationId) {
        try {
            ActivationView released = activations.release(activationId);
            Notices.done("Released the activation of computer " + released.computerId());
            read = false;
        } catch (RuntimeException failure) {
            Notices.refused(failure);
        }
    }

    /** Release with the deactivation code the customer's computer showed: proof it stopped using the license. */
    public void releaseWithCode() {
        try {
            ActivationView released = activations.deactivate(dvc);
            Notices.done("The deactivation code is genuine: released the activation of computer "
                    + released.computerId() + " (license " + released.license() + ")");
            dvc = null;
            read = false;
        } catch (RuntimeException failure) {
            Notices.refused(failure);
        }
    }

    /** A license file with this license for the instance whose request code staff were sent. */
    public void makeLicenseFile() {
        if (getLicense() == null) {
            return;
        }
        try {
            LicenseFiles.IssuedFile file = licenseFiles.create(requestCode, List.of(license.number()), null);
            Notices.download(file.fileName(), "application/zip", file.zip());
        } catch (RuntimeException failure) {
            Notices.refused(failure);
        }
    }

    /**
     * The optional fields, one {@code name=value} per line, as the activation request carries them;
     * the boundary checks names and values.
     */
    static Map<String, String> fieldsOf(String text) {
        Map<String, String> parsed = new LinkedHashMap<>();
        if (text == null) {
            return parsed;
        }
        for (String line : text.split("\\R")) {
            if (line.isBlank()) {
                continue;
            }
            int equals = line.indexOf('=');
            if (equals < 0) {
                throw new LicensingException(
                        ErrorCode.INVALID_INPUT,
                        "Each field is one line of name=value: \"" + line.strip() + "\" has no '='");
            }
            String name = line.substring(0, equals).strip();
            if (parsed.put(name, line.substring(equals + 1).strip()) != null) {
                throw new LicensingException(ErrorCode.INVALID_INPUT, "The field " + name + " is given twice");
            }
        }
        return parsed;
    }

    public String getNumber() {
        return number;
    }

    public void setNumber(String number) {
        this.number = number;
    }

    public String getComputerId() {
        return computerId;
    }

    public void setComputerId(String computerId) {
        this.computerId = computerId;
    }

    public String getComputerName() {
        return computerName;
    }

    public void setComputerName(String computerName) {
        this.computerName = computerName;
    }

    public String getFields() {
        return fields;
    }

    public void setFields(String fields) {
        this.fields = fields;
    }

    public ActivationView getIssued() {
        return issued;
    }

    public String getDvc() {
        return dvc;
    }

    public void setDvc(String dvc) {
        this.dvc = dvc;
    }

    public String getRequestCode() {
        return requestCode;
    }

    public void setRequestCode(String requestCode) {
        this.requestCode = requestCode;
    }
}
