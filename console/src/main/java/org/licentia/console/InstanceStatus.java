package org.licentia.console;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import org.licentia.status.boundary.LicenseStatus;
import org.licentia.status.boundary.StatusView;

/**
 * The instance's license status, read once per page: the banner every page shows while an alert is
 * active, and where signing in lands.
 */
@Named
@RequestScoped
public class InstanceStatus {

    @Inject
    LicenseStatus licenseStatus;

    private StatusView status;

    public StatusView getStatus() {
        if (status == null) {
            status = licenseStatus.status();
        }
        return status;
    }

    /** After an action changed the licenses: the page shows them as they are now, not as before it. */
    public void reread() {
        status = null;
    }

    public List<StatusView.Alert> getAlerts() {
        return getStatus().alerts();
    }

    /** Once every license has expired, the overview is no use: the seed sends the admin to the License page. */
    public void land() {
        if ("EXPIRED".equals(getStatus().summary().status())) {
            Notices.redirect("/instance/license.xhtml?expired=true");
        }
    }
}
