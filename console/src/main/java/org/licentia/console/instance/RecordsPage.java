package org.licentia.console.instance;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.nio.charset.StandardCharsets;
import org.licentia.console.Notices;
import org.licentia.records.boundary.LicensingRecords;

/**
 * The Licensing Record tab: every change to the instance's licenses, newest first, a page at a
 * time, filtered as the REST listing filters, and the whole of it as CSV. Runs on the instance.
 */
@Named
@RequestScoped
public class RecordsPage {

    static final int PAGE_SIZE = 25;

    @Inject
    LicensingRecords records;

    private int page;
    private String license;
    private String method;
    private LicensingRecords.Page shown;

    public LicensingRecords.Page getShown() {
        if (shown == null) {
            try {
                shown = records.page(filter(), page, PAGE_SIZE);
            } catch (RuntimeException failure) {
                Notices.refused(failure);
                shown = new LicensingRecords.Page(java.util.List.of(), page, PAGE_SIZE, 0);
            }
        }
        return shown;
    }

    public boolean isFirst() {
        return page == 0;
    }

    public boolean isLast() {
        return (long) (page + 1) * PAGE_SIZE >= getShown().total();
    }

    public long getPages() {
        return Math.max(1, (getShown().total() + PAGE_SIZE - 1) / PAGE_SIZE);
    }

    public void downloadCsv() {
        try {
            Notices.download(
                    "licensing-record.csv",
                    "text/csv;charset=UTF-8",
                    records.csv(filter()).getBytes(StandardCharsets.UTF_8));
        } catch (RuntimeException failure) {
            Notices.refused(failure);
        }
    }

    private LicensingRecords.Filter filter() {
        return new LicensingRecords.Filter(blankToNull(license), blankToNull(method), null, null);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    public int getPage() {
        return page;
    }

    public void setPage(int page) {
        this.page = page;
    }

    public String getLicense() {
        return license;
    }

    public void setLicense(String license) {
        this.license = license;
    }

    public String getMethod() {
        return method;
    }

    public void setMethod(String method) {
        this.method = method;
    }
}
