package org.licentia.cli;

import jakarta.json.JsonObject;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.licentia.client.seat.ClientIdentity;
import org.licentia.client.seat.Lease;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * Floating seats of an on-prem instance: reserve, heartbeat, release and borrow act as a seat
 * client would, with a client token and the client library (so every lease's signature is checked);
 * list and revoke are the instance administrator's, with e-mail and password.
 */
@Command(
        name = "seat",
        mixinStandardHelpOptions = true,
        description = {
            "Reserve, renew, release, borrow, list and revoke floating seats of an on-prem instance.",
            "reserve, heartbeat, release and borrow sign in with a client token (--token or LICENTIA_TOKEN), as an "
                    + "application would; list and revoke sign in as the instance's publisher-admin (-e/-p)."
        },
        subcommands = {
            SeatCommands.Reserve.class,
            SeatCommands.Heartbeat.class,
            SeatCommands.Release.class,
            SeatCommands.Borrow.class,
            SeatCommands.ListLeases.class,
            SeatCommands.Revoke.class
        })
final class SeatCommands {

    private static final String RESERVATIONS = "/api/v1/reservations";

    private SeatCommands() {}

    /** What a seat is taken of: one license, or any hosted license of a product that has a feature and a free seat. */
    static final class Target {

        @Option(
                names = "--license",
                paramLabel = "NUMBER",
                converter = InputFormats.LicenseNumber.class,
                description = "8-digit number of a license the instance hosts.")
        String license;

        @Option(
                names = "--product",
                paramLabel = "P",
                description = "Instead of --license: any hosted license of this product.")
        String product;

        @Option(
                names = "--feature",
                paramLabel = "F",
                description = "With --product: only licenses that have this feature.")
        String feature;

        /** picocli's argument groups would say this in a usage line few would read; one sentence says it better. */
        void check(CommandSpec spec) {
            if (license != null && product != null) {
                throw new ParameterException(spec.commandLine(), "Give either --license or --product, not both");
            }
            if (license == null && product == null) {
                throw new ParameterException(spec.commandLine(), "Give --license NUMBER or --product P");
            }
            if (feature != null && product == null) {
                throw new ParameterException(spec.commandLine(), "--feature needs --product");
            }
        }
    }

    static final class Identity {

        @Option(
                names = "--client",
                paramLabel = "ID",
                required = true,
                description = "Who holds the seat, e.g. alice@ws-17/4711; the same ID again gets the same lease.")
        String client;

        @Option(
                names = "--host",
                paramLabel = "H",
                description = "Host the seat is used on (what a hosts quota counts); default the client ID.")
        String host;

        @Option(names = "--user", paramLabel = "U", description = "User the seat is for.")
        String user;

        ClientIdentity identity() {
            return new ClientIdentity(client, host, user);
        }
    }

    private static void printLease(SeatClientOptions seats, Lease lease) {
        if (!seats.printedJson(lease)) {
            seats.out()
                    .printf(
                            "Lease %s: license %s, client %s, until %s (heartbeat every %d s)%n",
                            lease.id(), lease.license(), lease.client(), lease.expiresAt(), lease.heartbeatSeconds());
        }
    }

    @Command(
            name = "reserve",
            mixinStandardHelpOptions = true,
            sortOptions = false,
            description = {
                "Take a seat of a license for a client and print its lease.",
                "Reserving again with the same --client renews the lease the client holds instead of taking a second seat."
            })
    static final class Reserve implements Callable<Integer> {

        @Mixin
        Target target;

        @Mixin
        Identity identity;

        @Mixin
        SeatClientOptions seats;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            target.check(spec);
            Lease lease = seats.call(client -> target.license != null
                    ? client.reserve(target.license, identity.identity())
                    : client.reserveByProduct(target.product, target.feature, identity.identity()));
            printLease(seats, lease);
            return CliExit.OK;
        }
    }

    @Command(
            name = "heartbeat",
            mixinStandardHelpOptions = true,
            sortOptions = false,
            description = "Renew a lease for another lease time-to-live and print it.")
    static final class Heartbeat implements Callable<Integer> {

        @Option(
                names = "--lease",
                paramLabel = "ID",
                required = true,
                description = "The lease, as reserve printed it.")
        String lease;

        @Mixin
        SeatClientOptions seats;

        @Override
        public Integer call() {
            printLease(seats, seats.call(client -> client.heartbeat(lease)));
            return CliExit.OK;
        }
    }

    @Command(
            name = "release",
            mixinStandardHelpOptions = true,
            sortOptions = false,
            description = "Give a seat back, or return a borrowed one.")
    static final class Release implements Callable<Integer> {

        @Option(
                names = "--lease",
                paramLabel = "ID",
                required = true,
                description = "The lease, as reserve or borrow printed it.")
        String lease;

        @Mixin
        SeatClientOptions seats;

        @Override
        public Integer call() {
            seats.call(client -> {
                client.release(lease);
                return null;
            });
            seats.out().printf("Released lease %s%n", lease);
            return CliExit.OK;
        }
    }

    @Command(
            name = "borrow",
            mixinStandardHelpOptions = true,
            sortOptions = false,
            description = {
                "Borrow a seat for offline use and print its lease.",
                "The lease needs no heartbeat; it ends after --days, or earlier with 'licentia seat release'."
            })
    static final class Borrow implements Callable<Integer> {

        @Mixin
        Target target;

        @Mixin
        Identity identity;

        @Option(
                names = "--days",
                paramLabel = "N",
                required = true,
                converter = InputFormats.Days.class,
                description = "How many days, up to the instance's maximum (7 unless configured).")
        Integer days;

        @Mixin
        SeatClientOptions seats;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            target.check(spec);
            Lease lease = seats.call(client -> target.license != null
                    ? client.borrow(target.license, identity.identity(), days)
                    : client.borrowByProduct(target.product, target.feature, identity.identity(), days));
            if (!seats.printedJson(lease)) {
                seats.out()
                        .printf(
                                "Borrowed lease %s: license %s, client %s, until %s%n",
                                lease.id(), lease.license(), lease.client(), lease.expiresAt());
            }
            return CliExit.OK;
        }
    }

    @Command(
            name = "list",
            mixinStandardHelpOptions = true,
            sortOptions = false,
            description = "List the leases of the instance's licenses (sign in as the instance's publisher-admin).")
    static final class ListLeases implements Callable<Integer> {

        @Option(
                names = "--license",
                paramLabel = "NUMBER",
                converter = InputFormats.LicenseNumber.class,
                description = "Only this license's leases.")
        String license;

        @Mixin
        ServerOptions.Caller server;

        @Override
        public Integer call() {
            Map<String, Object> query = new LinkedHashMap<>();
            query.put("license", license);
            JsonObject answer = Json.object(server.server().get(RESERVATIONS, query), "the lease list from the server");
            if (!server.printedJson(answer)) {
                server.out()
                        .print(TextTable.of(
                                Json.array(answer, "leases"),
                                "No leases.",
                                new String[] {"LEASE", "LICENSE", "CLIENT", "HOST", "USER", "EXPIRES", "BORROWED"},
                                lease -> new String[] {
                                    orEmpty(Json.text(lease, "id")),
                                    orEmpty(Json.text(lease, "license")),
                                    orEmpty(Json.text(lease, "client")),
                                    orEmpty(Json.text(lease, "host")),
                                    orEmpty(Json.text(lease, "user")),
                                    orEmpty(Json.text(lease, "expiresAt")),
                                    "true".equals(Json.text(lease, "borrowed")) ? "yes" : "no"
                                }));
            }
            return CliExit.OK;
        }
    }

    @Command(
            name = "revoke",
            mixinStandardHelpOptions = true,
            sortOptions = false,
            description = {
                "End a lease now (sign in as the instance's publisher-admin).",
                "Its client is told LEASE_ENDED at its next heartbeat."
            })
    static final class Revoke implements Callable<Integer> {

        @Option(
                names = "--lease",
                paramLabel = "ID",
                required = true,
                description = "The lease, as 'licentia seat list' shows it.")
        String lease;

        @Mixin
        ServerOptions.Caller server;

        @Override
        public Integer call() {
            server.server().delete(RESERVATIONS + "/" + LicentiaServer.segment(lease));
            server.out().printf("Revoked lease %s%n", lease);
            return CliExit.OK;
        }
    }

    private static String orEmpty(String text) {
        return text == null ? "" : text;
    }
}
