package org.licentia.client.activation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;

/**
 * One installation of the client library on one computer, with its own Ed25519 key pair: the
 * public key's fingerprint is part of the {@link ComputerId}, and the private key signs
 * {@link DeactivationCode}s, so only this installation can prove that it gave an activation up.
 *
 * <p>The key pair is made on first use and kept in the installation directory (by default
 * {@code ~/.licentia/installation/}); later runs load it again. Where the file system has POSIX
 * permissions the directory and files are the owner's only; on Windows they inherit the user
 * profile's access list, which is the user's. The private key never leaves this class.
 *
 * <p>Files: {@code installation-key} (the 32-byte Ed25519 private key, Base64), {@code latest-time}
 * (see {@link ClockGuard}), {@code activations/} (the computer keys {@link NodeLock} keeps),
 * {@code given-up-activations} (see {@link GivenUpActivations}) and {@code .lock}, which several
 * processes starting at once lock so that only one of them makes the key.
 */
public final class Installation {

    static final String KEY_FILE = "installation-key";
    private static final String LOCK_FILE = ".lock";

    private final Path directory;
    private final Ed25519PrivateKeyParameters privateKey;
    private final byte[] publicKey;

    private Installation(Path directory, Ed25519PrivateKeyParameters privateKey) {
        this.directory = directory;
        this.privateKey = privateKey;
        this.publicKey = privateKey.generatePublicKey().getEncoded();
    }

    /** The installation in {@code ~/.licentia/installation/}, made if there is none yet. */
    public static Installation open() {
        return open(Path.of(System.getProperty("user.home"), ".licentia", "installation"));
    }

    /**
     * The installation kept in {@code directory}, made (directory included) if there is none yet.
     *
     * @throws UncheckedIOException when the directory cannot be written or its key file is damaged
     */
    public static Installation open(Path directory) {
        Path dir = directory.toAbsolutePath();
        try {
            Files.createDirectories(dir, ownerOnly(dir, "rwx------"));
            return locked(dir, () -> new Installation(dir, loadOrCreateKey(dir)));
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "cannot open the Licentia installation in " + dir + ": " + e.getMessage(), e);
        }
    }

    public Path directory() {
        return directory;
    }

    /** The 32 raw bytes of the installation's Ed25519 public key. */
    public byte[] publicKey() {
        return publicKey.clone();
    }

    /** The guard against the clock being set back, kept with this installation. */
    public ClockGuard clock() {
        return new ClockGuard(directory);
    }

    /** The installation's Ed25519 signature of {@code message}. */
    byte[] sign(byte[] message) {
        Ed25519Signer signer = new Ed25519Signer();
        signer.init(true, privateKey);
        signer.update(message, 0, message.length);
        return signer.generateSignature();
    }

    private static Ed25519PrivateKeyParameters loadOrCreateKey(Path dir) throws IOException {
        Path file = dir.resolve(KEY_FILE);
        if (Files.exists(file)) {
            byte[] key;
            try {
                key = Base64.getDecoder()
                        .decode(Files.readString(file, StandardCharsets.US_ASCII)
                                .strip());
            } catch (IllegalArgumentException notBase64) {
                key = new byte[0];
            }
            if (key.length != Ed25519PrivateKeyParameters.KEY_SIZE) {
                throw new IOException(file + " is not an installation key");
            }
            return new Ed25519PrivateKeyParameters(key, 0);
        }
        Ed25519PrivateKeyParameters key = new Ed25519PrivateKeyParameters(new SecureRandom());
        replace(file, Base64.getEncoder().encodeToString(key.getEncoded()) + "\n");
        return key;
    }

    /**
     * Writes {@code file} whole or not at all: a crash or a full disk leaves the previous content,
     * never half a key or half a time.
     */
    static void replace(Path file, String content) throws IOException {
        Path temporary = Files.createTempFile(
                file.getParent(), file.getFileName().toString(), ".tmp", ownerOnly(file.getParent(), "rw-------"));
        try {
            Files.writeString(temporary, content, StandardCharsets.US_ASCII, StandardOpenOption.SYNC);
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    /**
     * Runs {@code action} holding the directory's lock. A file lock belongs to the whole JVM (a second
     * lock from the same JVM fails instead of waiting), so threads of this JVM queue on the class first.
     */
    static <T> T locked(Path dir, IoAction<T> action) throws IOException {
        synchronized (Installation.class) {
            try (FileChannel channel = FileChannel.open(
                            dir.resolve(LOCK_FILE),
                            Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE),
                            ownerOnly(dir, "rw-------"));
                    FileLock lock = channel.lock()) {
                return action.run();
            }
        }
    }

    static FileAttribute<?>[] ownerOnly(Path dir, String permissions) {
        return dir.getFileSystem().supportedFileAttributeViews().contains("posix")
                ? new FileAttribute<?>[] {
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(permissions))
                }
                : new FileAttribute<?>[0];
    }

    @FunctionalInterface
    interface IoAction<T> {
        T run() throws IOException;
    }
}
