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

    /** Rows per page unless the address asks for another size (the boundary allows 1 to 1,000). */
    static final int PAGE_SIZE = 25;

    @Inject
    LicensingRecords records;

    private int page;
    private int size = PAGE_SIZE;
    private String license;
    private String method;
    private LicensingRecords.Page shown;

    public LicensingRecords.Page getShown() {
        if (shown == null) {
            try {
                shown = records.page(filter(), page, size);
            } catch (RuntimeException failure) {
                Notices.refused(failure);
                shown = new LicensingRecords.Page(java.util.List.of(), page, size, 0);
            }
        }
        return shown;
    }

    public boolean isFirst() {
        return page == 0;
    }

    public boolean isLast() {
        return (long) (page + 1) * size >= getShown().total();
    }

    public long getPages() {
        return Math.max(1, (getShown().total() + size - 1) / Math.max(1, size));
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

    public int getSize() {
        return size;
    }

    public void setSize(int size) {
        this.size = size;
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
