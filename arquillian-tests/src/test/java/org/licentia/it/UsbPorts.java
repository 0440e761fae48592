package org.licentia.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Simulated USB ports for hardware keys, with SoftHSM2 (installed by hardware-keys/install-softhsm.sh).
 *
 * <p>SoftHSM2 keeps each token in a folder of its token directory, and a module lists the tokens of
 * that directory when it is initialized. Each simulated node has a SoftHSM2 configuration of its own
 * whose token directory is its "port"; a drawer holds the keys that are plugged in nowhere.
 * Plugging a key in is moving its folder into a node's port, taking it out is moving it back: the
 * server reads its slots in a new process each time, so the next read sees the move (a module that
 * stayed initialized would not). The server is pointed at a node's configuration through
 * {@code licentia.hardware-key.pkcs11-environment=SOFTHSM2_CONF=...}.
 */
final class UsbPorts {

    static final String MODULE = "/usr/lib/softhsm/libsofthsm2.so";
    static final String PIN = "246810";

    private final Path root;

    /** A token: its label and the folder SoftHSM2 keeps it in. */
    record Key(String label, String folder) {}

    UsbPorts(String name) {
        root = Path.of("target", "hardware-keys", name + "-" + Api.uniqueNumber())
                .toAbsolutePath();
        conf("drawer");
    }

    /** The SoftHSM2 configuration whose token directory is {@code place} ("drawer", or a node's port). */
    Path conf(String place) {
        Path dir = root.resolve(place);
        Path conf = dir.resolve("softhsm2.conf");
        try {
            Files.createDirectories(dir.resolve("tokens"));
            if (!Files.exists(conf)) {
                Files.writeString(
                        conf,
                        "directories.tokendir = " + dir.resolve("tokens") + "\nobjectstore.backend = file\n"
                                + "log.level = ERROR\nslots.removable = true\n");
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return conf;
    }

    /** What a server setting says to read {@code node}'s port. */
    String environmentOf(String node) {
        return "SOFTHSM2_CONF=" + conf(node);
    }

    Path pinFile() {
        Path pin = root.resolve("pin.txt");
        try {
            if (!Files.exists(pin)) {
                Files.writeString(pin, PIN + "\n");
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return pin;
    }

    /** A new, blank token (no key pair, no license) in the drawer. */
    Key newToken(String label) {
        Path tokens = root.resolve("drawer").resolve("tokens");
        Set<String> before = folders(tokens);
        run(
                List.of("softhsm2-util", "--init-token", "--free", "--label", label, "--so-pin", "13579", "--pin", PIN),
                conf("drawer"));
        Set<String> made = folders(tokens);
        made.removeAll(before);
        if (made.size() != 1) {
            throw new IllegalStateException("softhsm2-util made " + made + " in " + tokens);
        }
        return new Key(label, made.iterator().next());
    }

    /** Publisher staff preload {@code key} (in the drawer) with {@code license}: the CLI as a process, as the publisher-admin. */
    CliIT.Run preloadWithCli(Key key, String license) throws IOException, InterruptedException {
        return CliIT.licentia(
                java.util.Map.of("SOFTHSM2_CONF", conf("drawer").toString()),
                CliIT.admin(
                        "hardware-key",
                        "provision",
                        "--pkcs11-library",
                        MODULE,
                        "--token-label",
                        key.label(),
                        "--pin-file",
                        pinFile().toString(),
                        "-l",
                        license));
    }

    void plug(Key key, String node) {
        move(key, conf(node).getParent().resolve("tokens"));
    }

    void unplug(Key key) {
        move(key, root.resolve("drawer").resolve("tokens"));
    }

    private void move(Key key, Path to) {
        try (Stream<Path> places = Files.list(root)) {
            for (Path place : places.toList()) {
                Path from = place.resolve("tokens").resolve(key.folder());
                if (Files.isDirectory(from)) {
                    Files.move(from, to.resolve(key.folder()));
                    return;
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        throw new IllegalStateException("no token " + key);
    }

    /**
     * Runs the token tool of the CLI's jar (TokenSlots) on the drawer: {@code keypair LABEL} or
     * {@code preload LABEL FILE}, as publisher staff could by hand.
     */
    String tokenTool(String... args) {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--add-modules",
                "jdk.crypto.cryptoki",
                "--add-exports",
                "jdk.crypto.cryptoki/sun.security.pkcs11.wrapper=ALL-UNNAMED",
                "-cp",
                System.getProperty("licentia.it.cli"),
                "org.licentia.pkcs11.TokenSlots",
                args[0],
                MODULE,
                args[1],
                pinFile().toString()));
        for (int i = 2; i < args.length; i++) {
            command.add(args[i]);
        }
        return run(command, conf("drawer"));
    }

    Path file(String name, byte[] content) {
        try {
            return Files.write(root.resolve(name), content);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Set<String> folders(Path dir) {
        try (Stream<Path> list = Files.list(dir)) {
            return list.filter(Files::isDirectory)
                    .map(p -> p.getFileName().toString())
                    .collect(Collectors.toCollection(java.util.HashSet::new));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String run(List<String> command, Path conf) {
        try {
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
            builder.environment().put("SOFTHSM2_CONF", conf.toString());
            Process p = builder.start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException(command + " failed: " + out);
            }
            return out;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
