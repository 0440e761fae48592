package org.licentia.console.instance;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.Part;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.licentia.console.InstanceStatus;
import org.licentia.console.Notices;
import org.licentia.console.Uploads;
import org.licentia.errors.ErrorCode;
import org.licentia.errors.Failures;
import org.licentia.errors.LicensingException;
import org.licentia.hardwarekey.boundary.HardwareKeyLicensing;
import org.licentia.hardwarekey.boundary.KeyStatusView;
import org.licentia.licensefile.boundary.LicenseFileUploads;
import org.licentia.licensefile.control.LicenseFilePackage;

/**
 * The instance's License page (seed 002's "License interface"): status and alerts, hosted
 * licenses, uploading a license file, the request code, and the USB keys. Runs on the instance.
 */
@Named
@RequestScoped
public class LicensePage {

    @Inject
    LicenseFileUploads uploads;

    @Inject
    HardwareKeyLicensing hardwareKeys;

    @Inject
    InstanceStatus instanceStatus;

    private Part file;
    private KeyStatusView keys;
    private String keysUnavailable;
    private boolean keysRead;

    public Part getFile() {
        return file;
    }

    public void setFile(Part file) {
        this.file = file;
    }

    public void upload() {
        if (!Uploads.chosen(file)) {
            Notices.refused(new LicensingException(ErrorCode.MALFORMED_REQUEST, "Choose the license file to upload"));
            return;
        }
        try {
            LicenseFileUploads.UploadResult result =
                    uploads.upload(Uploads.bytes(file, LicenseFilePackage.MAX_FILE_BYTES));
            Notices.done(
                    result.alreadyApplied()
                            ? "License file " + result.serial() + " was applied already: nothing changed"
                            : "License file " + result.serial() + " applied. Added: " + listed(result.added())
                                    + ". Updated: " + listed(result.updated()) + ". Removed: "
                                    + listed(result.removed())
                                    + ".");
            instanceStatus.reread();
        } catch (RuntimeException failure) {
            Notices.refused(failure);
        }
    }

    /** The seed's "Download": the request code as a file, for the publisher's portal or support. */
    public void downloadRequestCode() {
        try {
            LicenseFileUploads.RequestCodeView code = uploads.requestCode();
            Notices.download(
                    "licentia-request-code.txt",
                    "text/plain;charset=UTF-8",
                    code.file().getBytes(StandardCharsets.UTF_8));
        } catch (RuntimeException failure) {
            Notices.refused(failure);
        }
    }

    /** The USB keys in every node, or null when they cannot be shown (the section is the instance admin's). */
    public KeyStatusView getKeys() {
        if (!keysRead) {
            keysRead = true;
            try {
                keys = hardwareKeys.status();
            } catch (RuntimeException failure) {
                keysUnavailable = Failures.translate(failure).getMessage();
            }
        }
        return keys;
    }

    /** Why the USB keys cannot be shown (not configured, cannot be read); null when shown. */
    public String getKeysUnavailable() {
        getKeys();
        return keysUnavailable;
    }

    public void synchronize() {
        try {
            LicenseFileUploads.UploadResult result = hardwareKeys.synchronize();
            Notices.done(
                    result.alreadyApplied()
                            ? "The USB key's license file " + result.serial() + " is installed already"
                            : "Synchronized the USB key's license file " + result.serial() + ". Added: "
                                    + listed(result.added()) + ". Updated: " + listed(result.updated()) + ".");
            keysRead = false;
            instanceStatus.reread();
        } catch (RuntimeException failure) {
            Notices.refused(failure);
        }
    }

    private static String listed(List<String> numbers) {
        return numbers.isEmpty() ? "none" : String.join(", ", numbers);
    }
}
