package org.licentia.cli;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code licentia status}: the instance's alerts first, as the banner lines the seed's admins see
 * after signing in, then each license's status; exit 9 while an alert is in force, for scripts.
 */
@Command(
        name = "status",
        mixinStandardHelpOptions = true,
        description = {
            "On-prem: the license status (Valid, Expired) and the alerts in force (License to Expire,",
            "License Expired, Insufficient License Quota). Alerts are printed first; the exit code is 9",
            "while one is in force, 0 when none is."
        })
final class StatusCommand implements Callable<Integer> {

    @Mixin
    ServerOptions.Caller server;

    @Override
    public Integer call() {
        JsonObject answer = Json.object(server.server().get("/api/v1/status"), "the license status");
        JsonArray alerts = Json.array(answer, "alerts");
        if (!server.printedJson(answer)) {
            for (JsonValue a : alerts) {
                JsonObject alert = a.asJsonObject();
                server.out().println("!! " + alert.getString("title") + ": " + alert.getString("reason"));
            }
            if (!alerts.isEmpty()) {
                server.out().println();
            }
            JsonObject summary = answer.getJsonObject("summary");
            server.out()
                    .println("Status: " + summary.getString("status") + " (" + summary.getInt("valid") + " valid, "
                            + summary.getInt("expired") + " expired; " + summary.getInt("alerts")
                            + (summary.getInt("alerts") == 1 ? " alert)" : " alerts)"));
            server.out()
                    .print(TextTable.of(
                            Json.array(answer, "licenses"),
                            "No licenses are hosted on this instance.",
                            new String[] {
                                "LICENSE", "PRODUCT", "EDITION", "SOURCE", "STATUS", "EXPIRES", "SUPPORT", "QUOTA"
                            },
                            l -> new String[] {
                                l.getString("number"),
                                l.getString("product"),
                                l.getString("edition"),
                                l.getString("source"),
                                l.getString("status"),
                                l.getString("expires", "never"),
                                l.getString("supportExpires", "-"),
                                l.getInt("used") + " of " + l.getInt("quota") + " " + l.getString("quotaMetric")
                            }));
        }
        return alerts.isEmpty() ? CliExit.OK : CliExit.ALERTS_ACTIVE;
    }
}
