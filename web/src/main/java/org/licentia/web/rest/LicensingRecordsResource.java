package org.licentia.web.rest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.licentia.records.boundary.LicensingRecords;

/** On-prem: the Licensing Record, as JSON pages or, for auditors, as CSV ({@code Accept: text/csv}). */
@ApplicationScoped
@Path("/licensing-records")
public class LicensingRecordsResource {

    public static final String CSV = "text/csv";

    @Inject
    LicensingRecords records;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "licensingRecords",
            summary = "On-prem: the Licensing Record, newest first; filters license, method (online, license-file,"
                    + " hardware-key), from and to (ISO-8601 times); page from 0, size 1 to 1000 (default 100)")
    public LicensingRecords.Page page(
            @QueryParam("license") String license,
            @QueryParam("method") String method,
            @QueryParam("from") String from,
            @QueryParam("to") String to,
            @QueryParam("page") String page,
            @QueryParam("size") String size) {
        return records.page(
                new LicensingRecords.Filter(license, method, from, to),
                QueryNumbers.parse("page", page, 0),
                QueryNumbers.parse("size", size, 100));
    }

    @GET
    @Produces(CSV)
    @Operation(
            operationId = "licensingRecordsCsv",
            summary = "On-prem: every matching licensing record as CSV (up to 100000), with the seed's columns")
    public Response csv(
            @QueryParam("license") String license,
            @QueryParam("method") String method,
            @QueryParam("from") String from,
            @QueryParam("to") String to) {
        return Response.ok(records.csv(new LicensingRecords.Filter(license, method, from, to)), CSV + "; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"licensing-records.csv\"")
                .build();
    }
}
