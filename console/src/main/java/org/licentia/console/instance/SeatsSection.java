package org.licentia.console.instance;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import org.licentia.console.Notices;
import org.licentia.seats.boundary.LeaseView;
import org.licentia.seats.boundary.Reservations;

/**
 * The License page's seats in use: every live lease, with Revoke for the instance's admin (its
 * client learns it at its next heartbeat). Runs on the instance.
 */
@Named
@ViewScoped // a row's Revoke button is found again on the postback only with the rows it was shown with
public class SeatsSection implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    Reservations reservations;

    private transient List<LeaseView> leases;
    private transient boolean read;

    /** The live leases, or null when they cannot be read (the section is the instance admin's). */
    public List<LeaseView> getLeases() {
        if (!read) {
            read = true;
            try {
                leases = reservations.leases(null);
            } catch (RuntimeException failure) {
                Notices.refused(failure);
                leases = null;
            }
        }
        return leases;
    }

    public void revoke(String leaseId) {
        try {
            reservations.revoke(leaseId);
            Notices.done("Revoked seat " + leaseId + ": its client learns it at its next heartbeat");
        } catch (RuntimeException failure) {
            Notices.refused(failure);
        }
        read = false;
    }
}
