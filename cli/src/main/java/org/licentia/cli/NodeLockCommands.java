package org.licentia.cli;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.licentia.client.activation.Activation;
import org.licentia.client.activation.ActivationKey;
import org.licentia.client.activation.ActivationRefusedException;
import org.licentia.client.activation.ComputerKey;
import org.licentia.client.activation.DeactivationCode;
import org.licentia.client.activation.DeactivationNotDeliveredException;
import org.licentia.client.activation.NodeLock;
import org.licentia.client.activation.QrCode;
import org.licentia.client.activation.RecordedActivation;
import org.licentia.client.http.ServerUnreachableException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * Node-locked activation on this computer, as the customer does it: activate (online, or offline
 * with a computer key from the publisher), validate, deactivate, and, for a computer without a
 * connection, the request a phone can carry to the self-help page. See docs/node-locked.md.
 */
final class NodeLockCommands {

    private NodeLockCommands() {}

    /** One line for people: what the activation grants. */
    static String summary(Activation activation) {
        List<String> features = activation.features();
        return "activation " + activation.activationId() + " of license " + activation.license() + ", "
                + (features.isEmpty() ? "no features" : "features " + String.join(", ", features)) + ", "
                + (activation.expires() == null ? "no end" : "valid until " + activation.expires());
    }

    private static String deactivationPage(URI server) {
        return server == null ? "" : " or enter it at " + server + "/self-help/deactivation";
    }

    @Command(
            name = "activate",
            mixinStandardHelpOptions = true,
            sortOptions = false,
            description = {
                "Activate a node-locked license on this computer and keep its computer key.",
                "Online, the server at --url activates it. Offline, give --computer-key: the key the publisher made for this "
                        + "computer's ID ('licentia activation-request' shows where to get it).",
                "Either way the computer key is kept only once it verified against the publisher's keys (--public-key, "
                        + "or those the server at --url publishes)."
            })
    static final class Activate implements Callable<Integer> {

        @Option(
                names = "--activation-key",
                paramLabel = "KEY",
                required = true,
                converter = InputFormats.TypedActivationKey.class,
                description = "The license's activation key, e.g. JXTG1-J41PG-CPZ7C-GK290-5.")
        ActivationKey activationKey;

        @Option(
                names = "--computer-key",
                paramLabel = "KEY",
                converter = InputFormats.TypedComputerKey.class,
                description = "Offline: the computer key the publisher made for this computer.")
        ComputerKey computerKey;

        @Option(
                names = "--computer-name",
                paramLabel = "NAME",
                description = "Online: a name the publisher's staff see, e.g. the host name.")
        String computerName;

        @Option(
                names = "--field",
                paramLabel = "NAME=VALUE",
                description = "Online: more information the publisher asks for (repeatable).")
        Map<String, String> fields;

        @Mixin
        NodeLockOptions lock;

        @Mixin
        PublisherKeyOption keys;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            Activation activation;
            if (computerKey != null) {
                if (computerName != null || fields != null) {
                    throw new ParameterException(
                            spec.commandLine(),
                            "--computer-name and --field go to the server: "
                                    + "they are for online activation, without --computer-key");
                }
                NodeLock nodeLock = lock.open(lock.publisherKeys(keys), activationKey);
                activation =
                        lock.call(nodeLock, l -> l.activateOffline(activationKey.toString(), computerKey.toString()));
            } else {
                URI server = lock.requiredUrl("online activation asks the server; offline, give --computer-key");
                NodeLock nodeLock = lock.open(lock.publisherKeys(keys), activationKey);
                activation = lock.call(
                        nodeLock, l -> l.activateOnline(server, activationKey.toString(), computerName, fields));
            }
            lock.out().printf("Activated %s on this computer (%s).%n", summary(activation), activation.computerId());
            lock.out().printf("Computer key: %s%n", activation.computerKey());
            return CliExit.OK;
        }
    }

    @Command(
            name = "validate",
            mixinStandardHelpOptions = true,
            sortOptions = false,
            description = {
                "Check this computer's activation of a license offline, as an application does when it starts.",
                "The computer key must be kept here, verify for this computer and not have expired, and the clock must not "
                        + "have been set back.",
                "With --url (or LICENTIA_URL), also ask the server whether the activation is still active.",
                "Exit code 4 when not activated, 5 when expired, the clock was set back or the activation was deactivated or "
                        + "revoked (a computer key once given up is never taken again), 7 when the computer key does not verify."
            })
    static final class Validate implements Callable<Integer> {

        @Option(
                names = "--activation-key",
                paramLabel = "KEY",
                required = true,
                converter = InputFormats.TypedActivationKey.class,
                description = "The license's activation key.")
        ActivationKey activationKey;

        @Mixin
        NodeLockOptions lock;

        @Mixin
        PublisherKeyOption keys;

        @Override
        public Integer call() {
            NodeLock nodeLock = lock.open(lock.publisherKeys(keys), activationKey);
            Activation activation = lock.call(nodeLock, l -> l.validate(activationKey.toString()));
            lock.out().printf("Valid: %s.%n", summary(activation));
            URI server = lock.url();
            if (server == null) {
                return CliExit.OK;
            }
            RecordedActivation recorded = lock.call(nodeLock, l -> l.validateOnline(server, activationKey.toString()));
            return switch (recorded.status()) {
                case ACTIVE -> {
                    lock.out().printf("Server: ACTIVE (activation %s).%n", recorded.activationId());
                    yield CliExit.OK;
                }
                case DEACTIVATED, REVOKED -> {
                    lock.out()
                            .printf(
                                    "Server: %s since %s; the computer key was removed from this computer.%n",
                                    recorded.status(), recorded.deactivatedAt());
                    yield CliExit.CONFLICT;
                }
                case NOT_ACTIVATED -> {
                    lock.out()
                            .println(
                                    "Server: NOT_ACTIVATED: the server has no activation of this key for this computer.");
                    yield CliExit.NOT_FOUND;
                }
            };
        }
    }

    @Command(
            name = "deactivate",
            mixinStandardHelpOptions = true,
            sortOptions = false,
            description = {
                "Give up this computer's activation of a license, so that it can be activated on another computer.",
                "The computer key is deleted first; then the deactivation code (DVC) that proves it is sent to the server at --url, "
                        + "or, with --offline, printed for you to give to the publisher.",
                "If the server cannot be reached or refuses, the code is printed: it is the only proof left, keep it."
            })
    static final class Deactivate implements Callable<Integer> {

        @Option(
                names = "--activation-key",
                paramLabel = "KEY",
                required = true,
                converter = InputFormats.TypedActivationKey.class,
                description = "The license's activation key.")
        ActivationKey activationKey;

        @Option(names = "--offline", description = "Do not send the code; print it.")
        boolean offline;

        @Mixin
        NodeLockOptions lock;

        @Override
        public Integer call() {
            // Deactivating reads only the key's own terms, so it needs none of the publisher's keys.
            NodeLock nodeLock = lock.open(List.of());
            if (offline) {
                URI server = lock.url();
                DeactivationCode code = lock.call(nodeLock, l -> l.deactivateOffline(activationKey.toString()));
                lock.out().println(code);
                lock.err()
                        .println("The computer key was removed. Give this deactivation code to the publisher"
                                + deactivationPage(server) + ".");
                return CliExit.OK;
            }
            URI server = lock.requiredUrl("the deactivation code is sent there; without a connection, use --offline");
            try {
                RecordedActivation recorded =
                        lock.call(nodeLock, l -> l.deactivateOnline(server, activationKey.toString()));
                lock.out()
                        .printf(
                                "Deactivated activation %s of license %s.%n",
                                recorded.activationId(), recorded.license());
                return CliExit.OK;
            } catch (DeactivationNotDeliveredException e) {
                lock.out().println(e.deactivationCode());
                lock.err().println("Error: " + e.getCause().getMessage());
                lock.err()
                        .println(
                                "The computer key was removed, but the server did not confirm. Give the deactivation code above "
                                        + "to the publisher" + deactivationPage(server) + ".");
                return exitCode(e.getCause());
            }
        }

        private static int exitCode(Throwable notConfirmed) {
            if (notConfirmed instanceof ActivationRefusedException refused) {
                return CliExit.forStatus(refused.status());
            }
            return notConfirmed instanceof ServerUnreachableException ? CliExit.UNREACHABLE : CliExit.CLIENT_ERROR;
        }
    }

    @Command(
            name = "activation-request",
            mixinStandardHelpOptions = true,
            sortOptions = false,
            description = {
                "For a computer without a connection: print its ID and the address of the server's self-help page, "
                        + "filled in for it, with a QR code of the address to scan with a phone.",
                "The page gives the computer key; activate with it: licentia activate --activation-key KEY --computer-key KEY "
                        + "--public-key BASE64"
            })
    static final class ActivationRequest implements Callable<Integer> {

        @Option(
                names = "--activation-key",
                paramLabel = "KEY",
                required = true,
                converter = InputFormats.TypedActivationKey.class,
                description = "The license's activation key.")
        ActivationKey activationKey;

        @Option(
                names = "--light-terminal",
                description = "Draw the QR code for a terminal with dark text on a light background.")
        boolean lightTerminal;

        @Mixin
        NodeLockOptions lock;

        @Override
        public Integer call() {
            URI server = lock.requiredUrl("the self-help page is on the server");
            NodeLock nodeLock = lock.open(List.of());
            URI selfHelp = nodeLock.selfHelpUrl(server, activationKey.toString());
            lock.out().printf("Computer ID: %s%n", nodeLock.computerId());
            lock.out().printf("Get the computer key at: %s%n", selfHelp);
            lock.out()
                    .print(QrCode.of(selfHelp.toString())
                            .toText(lightTerminal ? QrCode.Background.LIGHT : QrCode.Background.DARK));
            return CliExit.OK;
        }
    }
}
