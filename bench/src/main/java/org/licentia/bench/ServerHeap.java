package org.licentia.bench;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The server's heap as its JVM reports it, through {@code jcmd}: a full GC first, so that "used"
 * is what is still reachable (the leases), not garbage waiting for the next collection. Needs the
 * WildFly JVM to run on this machine under the same user; otherwise the benchmark says so and
 * reports no heap figure.
 */
final class ServerHeap {

    private static final Pattern PORT_OFFSET = Pattern.compile("-Djboss\\.socket\\.binding\\.port-offset=(\\d+)");
    private static final Pattern HTTP_PORT = Pattern.compile("-Djboss\\.http\\.port=(\\d+)");
    private static final Pattern USED = Pattern.compile("used (\\d+)([KMG])\\b|\\b(\\d+)([KMG]) used");
    private static final Pattern MAX_HEAP = Pattern.compile("-XX:MaxHeapSize=(\\d+)");

    private final long pid;

    private ServerHeap(long pid) {
        this.pid = pid;
    }

    long pid() {
        return pid;
    }

    /**
     * The WildFly JVM behind {@code base}: the one given by {@code -Dbench.server.pid}, or the
     * process running {@code jboss-modules.jar} whose HTTP port ({@code jboss.http.port}, default
     * 8080, plus {@code jboss.socket.binding.port-offset}) is the URL's port, or the only one there is.
     */
    static Optional<ServerHeap> find(URI base) {
        String given = System.getProperty("bench.server.pid");
        if (given != null && !given.isBlank()) {
            return Optional.of(new ServerHeap(Long.parseLong(given.strip())));
        }
        int port = base.getPort() != -1 ? base.getPort() : "https".equals(base.getScheme()) ? 443 : 80;
        List<ProcessHandle> servers = ProcessHandle.allProcesses()
                .filter(p -> commandLine(p).contains("jboss-modules.jar"))
                .toList();
        List<ProcessHandle> onPort =
                servers.stream().filter(p -> httpPort(commandLine(p)) == port).toList();
        if (onPort.size() == 1) {
            return Optional.of(new ServerHeap(onPort.get(0).pid()));
        }
        if (onPort.isEmpty() && servers.size() == 1) {
            System.out.printf(
                    "  (one WildFly process, pid %d, but its command line does not say it listens on %d; using it)%n",
                    servers.get(0).pid(), port);
            return Optional.of(new ServerHeap(servers.get(0).pid()));
        }
        System.out.printf(
                "  no heap figures: %s; give the server's pid with -Dbench.server.pid=...%n",
                servers.isEmpty()
                        ? "no WildFly process (jboss-modules.jar) on this machine"
                        : "several WildFly processes could be the one on port " + port + ": "
                                + (onPort.isEmpty() ? servers : onPort)
                                        .stream()
                                                .map(p -> Long.toString(p.pid()))
                                                .toList());
        return Optional.empty();
    }

    /** Runs a full GC in the server, then reads its used heap in bytes. */
    OptionalLong usedAfterGc() {
        String gc = jcmd("GC.run");
        if (gc == null) {
            return OptionalLong.empty();
        }
        String info = jcmd("GC.heap_info");
        if (info == null) {
            return OptionalLong.empty();
        }
        OptionalLong used = parseUsed(info);
        if (used.isEmpty()) {
            System.out.println("  could not read the used heap from jcmd GC.heap_info:");
            info.lines().forEach(l -> System.out.println("    " + l));
        }
        return used;
    }

    /** The server's maximum heap (-Xmx) in bytes. */
    OptionalLong maxHeap() {
        String flags = jcmd("VM.flags");
        if (flags == null) {
            return OptionalLong.empty();
        }
        Matcher m = MAX_HEAP.matcher(flags);
        return m.find() ? OptionalLong.of(Long.parseLong(m.group(1))) : OptionalLong.empty();
    }

    /**
     * The heap's used bytes from {@code GC.heap_info}, whichever collector: G1's {@code
     * garbage-first heap ... used N}, Parallel's and Serial's generations (summed; their
     * eden/from/to lines give percentages, which the pattern skips), ZGC's {@code ZHeap used N},
     * Shenandoah's {@code N used}. Metaspace and what follows is not heap.
     */
    static OptionalLong parseUsed(String heapInfo) {
        long sum = 0;
        boolean found = false;
        for (String line : heapInfo.lines().toList()) {
            if (line.contains("Metaspace")) {
                break;
            }
            Matcher m = USED.matcher(line);
            if (m.find()) {
                String amount = m.group(1) != null ? m.group(1) : m.group(3);
                String unit = m.group(2) != null ? m.group(2) : m.group(4);
                sum += Long.parseLong(amount)
                        * switch (unit) {
                            case "K" -> 1024L;
                            case "M" -> 1024L * 1024;
                            default -> 1024L * 1024 * 1024;
                        };
                found = true;
            }
        }
        return found ? OptionalLong.of(sum) : OptionalLong.empty();
    }

    private String jcmd(String command) {
        Path beside = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        String executable = Files.isExecutable(beside) ? beside.toString() : "jcmd";
        try {
            Process process = new ProcessBuilder(executable, Long.toString(pid), command)
                    .redirectErrorStream(true)
                    .start();
            String output;
            try (InputStream in = process.getInputStream()) {
                output = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            if (!process.waitFor(2, TimeUnit.MINUTES)) {
                process.destroy();
                System.out.printf("  jcmd %d %s did not finish within 2 minutes%n", pid, command);
                return null;
            }
            if (process.exitValue() != 0 || output.contains("Exception")) {
                System.out.printf(
                        "  jcmd %d %s failed (is the server's JVM run by this user?): %s%n",
                        pid, command, output.strip());
                return null;
            }
            return output;
        } catch (IOException e) {
            System.out.printf("  could not run jcmd: %s%n", e.getMessage());
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private static int httpPort(String commandLine) {
        Matcher offset = PORT_OFFSET.matcher(commandLine);
        Matcher http = HTTP_PORT.matcher(commandLine);
        return (http.find() ? Integer.parseInt(http.group(1)) : 8080)
                + (offset.find() ? Integer.parseInt(offset.group(1)) : 0);
    }

    private static String commandLine(ProcessHandle p) {
        ProcessHandle.Info info = p.info();
        return info.commandLine()
                .orElseGet(() -> info.command().orElse("") + " "
                        + String.join(" ", info.arguments().orElse(new String[0])));
    }
}
