package org.licentia.console.instance;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.Part;
import java.nio.charset.StandardCharsets;
import org.licentia.console.InstanceStatus;
import org.licentia.console.Notices;
import org.licentia.console.Uploads;
import org.licentia.errors.ErrorCode;
import org.licentia.errors.LicensingException;
import org.licentia.registration.control.Credentials;
import org.licentia.returns.boundary.LicenseReturns;

/**
 * The License page's Return Licenses (seed 003): online with the publisher account's e-mail and
 * password, or offline in two steps, the request file carried to the publisher and its response
 * file uploaded here. Runs on the instance.
 */
@Named
@RequestScoped
public class ReturnsSection {

    @Inject
    LicenseReturns returns;

    @Inject
    InstanceStatus instanceStatus;

    private LicenseReturns.ReturnView current;
    private boolean read;
    private String email;
    private String password;
    private Part response;

    /** The pending return, or the last one; null when there was none (the section is the instance admin's). */
    public LicenseReturns.ReturnView getCurrent() {
        if (!read) {
            read = true;
            try {
                current = returns.current().orElse(null);
            } catch (RuntimeException failure) {
                Notices.refused(failure);
            }
        }
        return current;
    }

    public void returnOnline() {
        try {
            LicenseReturns.ReturnView done = returns.returnOnline(new Credentials(email, password), false);
            Notices.done("Returned to the publisher: " + String.join(", ", done.licenses()));
            changed();
        } catch (RuntimeException failure) {
            Notices.refused(failure);
        } finally {
            password = null;
        }
    }

    /** Offline, step 1: hold the licenses and hand over the request file to carry to the publisher. */
    public void downloadRequest() {
        try {
            LicenseReturns.ReturnView pending = returns.request();
            Notices.download(
                    "licentia-return-" + pending.requestId().substring(0, 8) + "-request.json",
                    "application/json",
                    pending.file().getBytes(StandardCharsets.UTF_8));
        } catch (RuntimeException failure) {
            Notices.refused(failure);
        }
    }

    /** Offline, step 2: the publisher's response file; the licenses are dropped (or usable again after a cancel). */
    public void confirm() {
        if (!Uploads.chosen(response)) {
            Notices.refused(new LicensingException(ErrorCode.MALFORMED_REQUEST, "Choose the return response file"));
            return;
        }
        try {
            LicenseReturns.ReturnView done = returns.confirm(Uploads.document(response, "The return response file"));
            Notices.done(
                    done.alreadyApplied()
                            ? "That response was applied already: nothing changed"
                            : "Return " + done.state().toLowerCase() + ": " + String.join(", ", done.licenses()));
            changed();
        } catch (RuntimeException failure) {
            Notices.refused(failure);
        }
    }

    private void changed() {
        read = false;
        instanceStatus.reread();
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public Part getResponse() {
        return response;
    }

    public void setResponse(Part response) {
        this.response = response;
    }
}
