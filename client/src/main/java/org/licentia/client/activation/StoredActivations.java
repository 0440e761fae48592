package org.licentia.client.activation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The computer keys an {@link Installation} holds: one file per activation key in its
 * {@code activations/} directory, named by the key's canonical form, owner-only where the file system
 * has POSIX permissions, and replaced whole or not at all.
 *
 * <p>Each file also keeps the computer ID the key was issued for. The signature already binds it,
 * but without it a key that fails on another computer could not be told from one that was altered.
 */
final class StoredActivations {

    static final String DIRECTORY = "activations";
    private static final String FORMAT = "licentia-activation/1";
    private static final String COMPUTER_ID = "computer-id=";
    private static final String COMPUTER_KEY = "computer-key=";

    /**
     * A stored activation as written; either member is null when the file was damaged or edited,
     * which the caller reports rather than trusting.
     */
    record Stored(String computerId, String computerKey) {}

    private final Path directory;

    StoredActivations(Path installationDirectory) {
        this.directory = installationDirectory.resolve(DIRECTORY);
    }

    Path file(ActivationKey activationKey) {
        return directory.resolve(activationKey.toString());
    }

    Optional<Stored> read(ActivationKey activationKey) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file(activationKey), StandardCharsets.US_ASCII);
        } catch (NoSuchFileException notActivated) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "cannot read the activation in " + file(activationKey) + ": " + e.getMessage(), e);
        }
        if (lines.isEmpty() || !FORMAT.equals(lines.get(0).strip())) {
            return Optional.of(new Stored(null, null));
        }
        return Optional.of(new Stored(value(lines, COMPUTER_ID), value(lines, COMPUTER_KEY)));
    }

    void write(ActivationKey activationKey, ComputerId computerId, ComputerKey computerKey) {
        try {
            Files.createDirectories(directory, Installation.ownerOnly(directory.getParent(), "rwx------"));
            Installation.replace(
                    file(activationKey),
                    FORMAT + "\n" + COMPUTER_ID + computerId + "\n" + COMPUTER_KEY + computerKey + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot store the activation in " + directory + ": " + e.getMessage(), e);
        }
    }

    /** True when there was an activation to delete. */
    boolean delete(ActivationKey activationKey) {
        try {
            return Files.deleteIfExists(file(activationKey));
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "cannot delete the activation in " + file(activationKey) + ": " + e.getMessage(), e);
        }
    }

    private static String value(List<String> lines, String prefix) {
        return lines.stream()
                .filter(line -> line.startsWith(prefix))
                .map(line -> line.substring(prefix.length()).strip())
                .findFirst()
                .orElse(null);
    }
}
