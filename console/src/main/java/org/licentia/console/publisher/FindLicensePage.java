package org.licentia.console.publisher;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.Part;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.licentia.activation.boundary.Activations;
import org.licentia.catalog.boundary.LicenseQuery;
import org.licentia.catalog.boundary.LicenseView;
import org.licentia.catalog.boundary.Licenses;
import org.licentia.catalog.boundary.Page;
import org.licentia.console.Notices;
import org.licentia.console.Uploads;
import org.licentia.errors.ErrorCode;
import org.licentia.errors.LicensingException;
import org.licentia.returns.boundary.InstanceReturns;

/**
 * The publisher portal's search, as QLM's staff "locate the customer's license": by its number,
 * by the activation key the customer reads out, or by account. Runs on the publisher.
 */
@Named
@RequestScoped
public class FindLicensePage {

    @Inject
    Licenses licenses;

    @Inject
    Activations activations;

    @Inject
    InstanceReturns instanceReturns;

    private Part returnRequest;
    private String number;
    private String activationKey;
    private String account;
    private List<LicenseView> found;
    private long total;

    /** A number or an activation key names one license: go straight to it. */
    public void find() {
        try {
            if (number != null && !number.isBlank()) {
                open(licenses.get(number.strip()));
            } else if (activationKey != null && !activationKey.isBlank()) {
                open(activations.licenseWithKey(activationKey));
            }
        } catch (RuntimeException failure) {
            Notices.refused(failure);
            found = List.of();
        }
    }

    public List<LicenseView> getFound() {
        if (found == null) {
            try {
                Page<LicenseView> page =
                        licenses.find(new LicenseQuery(account, null, null, 0, LicenseQuery.DEFAULT_SIZE));
                found = page.items();
                total = page.total();
            } catch (RuntimeException failure) {
                Notices.refused(failure);
                found = List.of();
            }
        }
        return found;
    }

    public long getTotal() {
        getFound();
        return total;
    }

    /**
     * An instance's return (or cancel) request, as its admin carried it here: the licenses are freed
     * at the publisher and the signed response downloaded, for the admin to upload on the instance.
     */
    public void processReturn() {
        if (!Uploads.chosen(returnRequest)) {
            Notices.refused(new LicensingException(ErrorCode.MALFORMED_REQUEST, "Choose the return request file"));
            return;
        }
        try {
            InstanceReturns.Processed processed =
                    instanceReturns.process(Uploads.document(returnRequest, "The return request file"));
            Notices.download(
                    "licentia-return-" + processed.requestId().substring(0, 8) + "-response.json",
                    "application/json",
                    processed.response().getBytes(StandardCharsets.UTF_8));
        } catch (RuntimeException failure) {
            Notices.refused(failure);
        }
    }

    public Part getReturnRequest() {
        return returnRequest;
    }

    public void setReturnRequest(Part returnRequest) {
        this.returnRequest = returnRequest;
    }

    private static void open(LicenseView license) {
        Notices.redirect(
                "/publisher/license.xhtml?number=" + URLEncoder.encode(license.number(), StandardCharsets.UTF_8));
    }

    public String getNumber() {
        return number;
    }

    public void setNumber(String number) {
        this.number = number;
    }

    public String getActivationKey() {
        return activationKey;
    }

    public void setActivationKey(String activationKey) {
        this.activationKey = activationKey;
    }

    public String getAccount() {
        return account;
    }

    public void setAccount(String account) {
        this.account = account;
    }
}
