package org.licentia.cli;

import jakarta.json.JsonObject;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code licentia records}: the Licensing Record, a page as a table, or every matching row as CSV. */
@Command(
        name = "records",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "On-prem: the licensing records (upload time, management type, authorization method, item,",
            "quota, status, issue and expiry time), newest first; --csv prints every matching record as CSV."
        })
final class RecordsCommand implements Callable<Integer> {

    @Option(
            names = {"-l", "--license"},
            paramLabel = "NUMBER",
            converter = InputFormats.LicenseNumber.class,
            description = "Only this license's records.")
    String license;

    @Option(
            names = "--method",
            paramLabel = "METHOD",
            description = "Only records of this method: online, license-file or hardware-key.")
    String method;

    @Option(
            names = "--from",
            paramLabel = "TIME",
            description = "From this time on (ISO-8601, e.g. 2026-11-01T00:00:00Z).")
    String from;

    @Option(names = "--to", paramLabel = "TIME", description = "Before this time (ISO-8601).")
    String to;

    @Option(names = "--page", paramLabel = "N", defaultValue = "0", description = "Page N, from 0.")
    String page;

    @Option(names = "--size", paramLabel = "N", defaultValue = "100", description = "Records per page, 1 to 1000.")
    String size;

    @Option(names = "--csv", description = "Print every matching record as CSV (for auditors), not a page.")
    boolean csv;

    @Mixin
    ServerOptions.Caller server;

    @Override
    public Integer call() {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("license", license);
        query.put("method", method);
        query.put("from", from);
        query.put("to", to);
        if (csv) {
            server.out().print(server.server().getText("/api/v1/licensing-records", query, "text/csv"));
            server.out().flush();
            return CliExit.OK;
        }
        query.put("page", page);
        query.put("size", size);
        JsonObject answer =
                Json.object(server.server().get("/api/v1/licensing-records", query), "the licensing records");
        if (!server.printedJson(answer)) {
            server.out()
                    .print(TextTable.of(
                            Json.array(answer, "records"),
                            "No licensing records.",
                            new String[] {"UPLOADED", "TYPE", "METHOD", "ITEM", "QUOTA", "STATUS", "ISSUED", "EXPIRES"},
                            r -> new String[] {
                                r.getString("uploadedAt"),
                                r.getString("managementType"),
                                r.getString("method"),
                                r.getString("item"),
                                r.getString("quota"),
                                r.getString("status"),
                                r.getString("issuedAt", "-"),
                                r.getString("expires", "never")
                            }));
            long total = answer.getJsonNumber("total").longValue();
            int shown = answer.getJsonArray("records").size();
            if (total > shown) {
                server.out()
                        .println("Page " + answer.getInt("page") + ": " + shown + " of " + total
                                + " records; --page for more, --csv for all.");
            }
        }
        return CliExit.OK;
    }
}
