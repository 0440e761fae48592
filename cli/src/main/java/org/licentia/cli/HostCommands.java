package org.licentia.cli;

import jakarta.json.JsonObject;
import java.util.concurrent.Callable;
import org.licentia.client.seat.HostReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
        name = "host",
        mixinStandardHelpOptions = true,
        description = {
            "The licensed product's hosts, counted against licenses by hosts or CPU sockets.",
            "A host reports itself with a client token, again every interval the instance gives."
        },
        subcommands = {HostCommands.Report.class, HostCommands.ListHosts.class})
final class HostCommands {

    private HostCommands() {}

    @Command(
            name = "report",
            mixinStandardHelpOptions = true,
            sortOptions = false,
            description = {
                "Report a host of the product once, as the product's nodes do: a new host is counted only",
                "if a license of the product has room for it (else INSUFFICIENT_QUOTA, exit 5)."
            })
    static final class Report implements Callable<Integer> {

        @Option(
                names = "--host-id",
                paramLabel = "ID",
                required = true,
                description = "The host's ID, unique per product.")
        String hostId;

        @Option(
                names = "--cpu-sockets",
                paramLabel = "N",
                required = true,
                converter = InputFormats.Count.class,
                description = "The host's physical CPU sockets, 1 to 1024.")
        int cpuSockets;

        @Option(names = "--product", paramLabel = "CODE", required = true, description = "The product's code.")
        String product;

        @Mixin
        SeatClientOptions seats;

        @Override
        public Integer call() {
            HostReport report = seats.call(client -> client.reportHost(hostId, cpuSockets, product));
            if (seats.json) {
                seats.out()
                        .println(Json.pretty(jakarta.json.Json.createObjectBuilder()
                                .add("hostId", report.hostId())
                                .add("product", report.product())
                                .add("license", report.license())
                                .add("cpuSockets", report.cpuSockets())
                                .add("counted", report.counted())
                                .add("lastReportedAt", report.lastReportedAt().toString())
                                .add("reportEverySeconds", report.reportEverySeconds())
                                .build()));
            } else {
                seats.out()
                        .println("Host " + report.hostId() + " (" + report.cpuSockets() + " CPU sockets) counts against"
                                + " license " + report.license() + "; report again within "
                                + report.reportEverySeconds() + " s.");
            }
            return CliExit.OK;
        }
    }

    @Command(
            name = "list",
            mixinStandardHelpOptions = true,
            description = "List the reported hosts, counted ones first.")
    static final class ListHosts implements Callable<Integer> {

        @Mixin
        ServerOptions.Caller server;

        @Override
        public Integer call() {
            JsonObject answer = Json.object(server.server().get("/api/v1/hosts"), "the host list");
            if (!server.printedJson(answer)) {
                server.out()
                        .print(TextTable.of(
                                Json.array(answer, "hosts"),
                                "No hosts have reported.",
                                new String[] {"HOST", "PRODUCT", "LICENSE", "SOCKETS", "COUNTED", "LAST REPORT"},
                                h -> new String[] {
                                    h.getString("hostId"),
                                    h.getString("product"),
                                    h.getString("license"),
                                    h.get("cpuSockets").toString(),
                                    h.getBoolean("counted") ? "yes" : "no (stopped reporting)",
                                    h.getString("lastReportedAt")
                                }));
            }
            return CliExit.OK;
        }
    }
}
