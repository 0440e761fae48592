package org.licentia.client.activation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The activations an {@link Installation} has given up: deactivated here (a DVC was made), or
 * reported deactivated or revoked by the server. {@link NodeLock} never takes their computer keys
 * again, so a user who kept a copy of one cannot bring back an activation whose slot the publisher
 * has freed.
 *
 * <p>This never blocks a legitimate key: the server never reuses an activation ID, and a computer
 * that activates again after giving an activation up gets a new activation with a new ID.
 *
 * <p>File {@code given-up-activations} in the installation directory: a format line, then one line
 * per activation, {@code <activation key> <activation ID>}. Only IDs are kept, no computer keys, so
 * it stays small (a few dozen bytes a deactivation). The activation key is kept with the ID because
 * the installation may be shared by applications of several publishers, whose servers number their
 * activations independently; an activation key belongs to one license on one server. Written like
 * the other files (owner-only, replaced whole, under the installation's lock); read without the
 * lock, since a replaced file is seen whole, old or new.
 *
 * <p>Like {@link ClockGuard} it is a tripwire, not a proof: whoever deletes the file can enter an old
 * key again, which online validation still catches.
 */
final class GivenUpActivations {

    static final String FILE = "given-up-activations";
    private static final String FORMAT = "licentia-given-up/1";

    private final Path directory;

    GivenUpActivations(Path installationDirectory) {
        this.directory = installationDirectory;
    }

    Path file() {
        return directory.resolve(FILE);
    }

    /** Whether activation {@code activationId} of {@code activationKey} was given up here. */
    boolean contains(ActivationKey activationKey, String activationId) {
        try {
            return read().contains(entry(activationKey, activationId));
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "cannot read the given-up activations in " + file() + ": " + e.getMessage(), e);
        }
    }

    /**
     * Records that activation {@code activationId} of {@code activationKey} was given up; once this
     * returns, the record is on disk.
     */
    void add(ActivationKey activationKey, String activationId) {
        try {
            Installation.locked(directory, () -> {
                Set<String> entries = read();
                if (entries.add(entry(activationKey, activationId))) {
                    Installation.replace(file(), FORMAT + "\n" + String.join("\n", entries) + "\n");
                }
                return null;
            });
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "cannot record the given-up activation in " + file() + ": " + e.getMessage(), e);
        }
    }

    private Set<String> read() throws IOException {
        List<String> lines;
        try {
            lines = Files.readAllLines(file(), StandardCharsets.US_ASCII);
        } catch (NoSuchFileException none) {
            return new LinkedHashSet<>();
        }
        // Written whole or not at all, so anything else is an edit: not silently taken as "none given up".
        if (lines.isEmpty() || !FORMAT.equals(lines.get(0).strip())) {
            throw new IOException(file() + " is not a list of given-up activations");
        }
        Set<String> entries = new LinkedHashSet<>();
        for (String line : lines.subList(1, lines.size())) {
            if (!line.isBlank()) {
                if (!line.strip().matches("\\S+ [0-9]+")) {
                    throw new IOException(file() + " has a line that is no given-up activation: " + line);
                }
                entries.add(line.strip());
            }
        }
        return entries;
    }

    private static String entry(ActivationKey activationKey, String activationId) {
        return activationKey + " " + activationId;
    }
}
