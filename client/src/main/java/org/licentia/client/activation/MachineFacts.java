package org.licentia.client.activation;

import java.io.IOException;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * The facts about a computer that go into its {@link ComputerId}, chosen to survive what happens to
 * a computer in normal use (reboots, updates, network changes, a docking station) and to differ
 * between computers.
 *
 * <p>The fingerprint covers:
 * <ul>
 * <li>the OS family ({@code windows}, {@code macos}, {@code linux}, or the {@code os.name} of another
 * system), not its version, which changes with upgrades;</li>
 * <li>the identifier the operating system gives the machine when it is installed:
 * {@code /etc/machine-id} (or {@code /var/lib/dbus/machine-id}) on Linux and other Unix systems,
 * {@code IOPlatformUUID} on macOS, {@code HKLM\SOFTWARE\Microsoft\Cryptography\MachineGuid} on
 * Windows;</li>
 * <li>only when the system has no such identifier: the host name and the sorted hardware addresses of
 * the network interfaces that are not loopback, point-to-point or sub-interfaces and whose address is
 * globally administered (locally administered addresses are the random ones of containers, VPNs and
 * Wi-Fi privacy, which change). These are less stable, which is why they are only the fallback.</li>
 * </ul>
 * The processor architecture is left out on purpose: {@code os.arch} is the JVM's, not the
 * machine's, so a 32-bit JVM on 64-bit Windows or an x86 JVM under Rosetta would give the same
 * computer a second ID. Machines cloned from one disk image share their OS identifier; their
 * computer IDs still differ through the installation key unless the installation directory was
 * cloned too.
 *
 * @param osFamily lower case, e.g. {@code linux}
 * @param machineIdentifier the OS's identifier of the machine, or null when it has none
 * @param hostName used only without a machine identifier
 * @param hardwareAddresses used only without a machine identifier, e.g. {@code 3c:22:fb:01:02:03}
 */
public record MachineFacts(String osFamily, String machineIdentifier, String hostName, List<String> hardwareAddresses) {

    private static final long COMMAND_SECONDS = 5;

    public MachineFacts {
        osFamily = normalised(osFamily);
        machineIdentifier =
                machineIdentifier == null || machineIdentifier.isBlank() ? null : normalised(machineIdentifier);
        hostName = normalised(hostName);
        hardwareAddresses = hardwareAddresses == null
                ? List.of()
                : hardwareAddresses.stream()
                        .map(MachineFacts::normalised)
                        .filter(a -> !a.isEmpty())
                        .sorted()
                        .distinct()
                        .toList();
    }

    /** The facts of the computer this JVM runs on; this may run a system command, taking up to a few seconds. */
    public static MachineFacts ofThisMachine() {
        String os = osFamily(System.getProperty("os.name", ""));
        String identifier = switch (os) {
            case "windows" -> windowsMachineGuid();
            case "macos" -> macPlatformUuid();
            default -> firstLine(Path.of("/etc/machine-id"), Path.of("/var/lib/dbus/machine-id"));
        };
        if (identifier != null) {
            return new MachineFacts(os, identifier, null, List.of());
        }
        return new MachineFacts(os, null, localHostName(), localHardwareAddresses());
    }

    /** SHA-256 over the facts the class comment lists, in a fixed text form. */
    byte[] fingerprint() {
        StringBuilder facts = new StringBuilder("licentia-machine-facts/1\nos=")
                .append(osFamily)
                .append('\n');
        if (machineIdentifier != null) {
            facts.append("machine=").append(machineIdentifier).append('\n');
        } else {
            facts.append("host=").append(hostName).append('\n');
            hardwareAddresses.forEach(
                    address -> facts.append("mac=").append(address).append('\n'));
        }
        return Sha256.of(facts.toString().getBytes(StandardCharsets.UTF_8));
    }

    static String osFamily(String osName) {
        String name = normalised(osName);
        if (name.startsWith("windows")) {
            return "windows";
        }
        if (name.startsWith("mac") || name.startsWith("darwin")) {
            return "macos";
        }
        return name.startsWith("linux") ? "linux" : name;
    }

    private static String normalised(String text) {
        return text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
    }

    private static String firstLine(Path... candidates) {
        for (Path file : candidates) {
            try {
                String line = Files.readAllLines(file, StandardCharsets.US_ASCII).stream()
                        .findFirst()
                        .orElse("")
                        .strip();
                if (!line.isEmpty()) {
                    return line;
                }
            } catch (IOException | SecurityException absent) {
                // Try the next place; a system without any falls back to host name and addresses.
            }
        }
        return null;
    }

    private static String windowsMachineGuid() {
        // /reg:64 so that a 32-bit JVM, whose registry view is redirected, reads the same value.
        for (String line :
                run("reg", "query", "HKLM\\SOFTWARE\\Microsoft\\Cryptography", "/v", "MachineGuid", "/reg:64")) {
            String[] parts = line.strip().split("\\s+");
            if (parts.length == 3 && parts[0].equalsIgnoreCase("MachineGuid")) {
                return parts[2];
            }
        }
        return null;
    }

    private static String macPlatformUuid() {
        for (String line : run("/usr/sbin/ioreg", "-rd1", "-c", "IOPlatformExpertDevice")) {
            if (line.contains("\"IOPlatformUUID\"")) {
                String value = line.substring(line.indexOf('=') + 1).strip();
                return value.replace("\"", "");
            }
        }
        return null;
    }

    /** The output lines of a short system command, or none when it fails or takes too long. */
    private static List<String> run(String... command) {
        try {
            Process process =
                    new ProcessBuilder(command).redirectErrorStream(true).start();
            // Both commands print a few hundred bytes, far below a pipe's buffer, so waiting first cannot block them.
            if (!process.waitFor(COMMAND_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return List.of();
            }
            if (process.exitValue() != 0) {
                return List.of();
            }
            return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8)
                    .lines()
                    .toList();
        } catch (IOException | SecurityException notAvailable) {
            return List.of();
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return List.of();
        }
    }

    private static String localHostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException unresolvable) {
            return "";
        }
    }

    private static List<String> localHardwareAddresses() {
        List<String> addresses = new ArrayList<>();
        try {
            for (NetworkInterface nic : NetworkInterface.networkInterfaces().toList()) {
                if (nic.isLoopback() || nic.isVirtual() || nic.isPointToPoint()) {
                    continue;
                }
                byte[] mac = nic.getHardwareAddress();
                if (mac != null && mac.length == 6 && (mac[0] & 0x02) == 0 && !allZero(mac)) {
                    addresses.add(HexFormat.ofDelimiter(":").formatHex(mac));
                }
            }
        } catch (SocketException unavailable) {
            // A computer whose interfaces cannot be listed is identified by its host name alone.
        }
        return addresses;
    }

    private static boolean allZero(byte[] bytes) {
        for (byte b : bytes) {
            if (b != 0) {
                return false;
            }
        }
        return true;
    }
}
