package org.licentia.client.activation;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.licentia.client.activation.InvalidActivationException.Reason;
import org.licentia.client.http.ServerApi;
import org.licentia.client.http.ServerUnreachableException;

/**
 * Node-locked licensing as an application uses it on one computer: activate a license (online, or
 * offline with a computer key the publisher sent), check the activation at every start without a
 * network, and give it up again so that the license can move to another computer.
 *
 * <p>The application embeds its publisher's Ed25519 public keys; a computer key is kept only after
 * it verified against them, this computer's ID and the activation key, so nothing the network or the
 * user supplies is stored unchecked. Computer keys live in the installation directory, one file per
 * activation key ({@code activations/<activation key>}), owner-only and replaced atomically.
 *
 * <p>An activation given up here (deactivated, or found deactivated or revoked on the server) is
 * remembered ({@link GivenUpActivations}), and its computer key is never taken or accepted again:
 * the publisher has freed its slot. The server never reuses an activation ID, so this never blocks
 * a new activation, which gets a new ID.
 *
 * <p>Every method that takes a typed activation key parses it first, so a typo fails with a
 * {@link MalformedCodeException} before any server is asked. Server calls fail with
 * {@link ActivationRefusedException} (the server said no, with its catalogue code) or
 * {@link ServerUnreachableException} (no answer). Immutable and thread-safe.
 */
public final class NodeLock {

    /**
     * How far before the key's issue time the clock may show. Computers without time synchronisation
     * drift, and an expiry is counted in days, so only a clock set back by more than that is refused.
     */
    static final Duration ISSUE_TOLERANCE = Duration.ofDays(1);

    private final Installation installation;
    private final List<byte[]> publisherKeys;
    private final ComputerId computerId;
    private final StoredActivations stored;
    private final GivenUpActivations givenUp;
    private final HttpClient http;
    private final Clock clock;
    private final List<String> featureCatalog;

    private NodeLock(
            Installation installation,
            List<byte[]> publisherKeys,
            ComputerId computerId,
            HttpClient http,
            Clock clock,
            List<String> featureCatalog) {
        this.featureCatalog = featureCatalog;
        this.installation = installation;
        this.publisherKeys = publisherKeys;
        this.computerId = computerId;
        this.stored = new StoredActivations(installation.directory());
        this.givenUp = new GivenUpActivations(installation.directory());
        this.http = http;
        this.clock = clock;
    }

    /**
     * Node-locked licensing for {@code installation} on the computer this JVM runs on; finding the
     * machine's facts may run a system command, taking up to a few seconds.
     *
     * @param publisherPublicKeys the 32 raw bytes of each Ed25519 key the publisher signs computer
     *     keys with (as {@code GET /api/v1/keys} lists them, Base64-decoded); needed to activate and
     *     validate, not to deactivate
     */
    public static NodeLock open(Installation installation, Collection<byte[]> publisherPublicKeys) {
        return open(installation, publisherPublicKeys, MachineFacts.ofThisMachine());
    }

    /** As {@link #open(Installation, Collection)}, for the machine {@code machine} describes. */
    public static NodeLock open(
            Installation installation, Collection<byte[]> publisherPublicKeys, MachineFacts machine) {
        List<byte[]> keys = publisherPublicKeys.stream().map(byte[]::clone).toList();
        if (keys.stream().anyMatch(key -> key.length != 32)) {
            throw new IllegalArgumentException("an Ed25519 public key has 32 bytes");
        }
        return new NodeLock(
                installation,
                keys,
                ComputerId.of(machine, installation),
                ServerApi.defaultHttpClient(),
                Clock.systemUTC(),
                List.of());
    }

    /** With an HTTP client of the application's own, e.g. for a proxy or its trust store. */
    public NodeLock withHttpClient(HttpClient http) {
        return new NodeLock(
                installation, publisherKeys, computerId, Objects.requireNonNull(http, "http"), clock, featureCatalog);
    }

    public NodeLock withClock(Clock clock) {
        return new NodeLock(
                installation, publisherKeys, computerId, http, Objects.requireNonNull(clock, "clock"), featureCatalog);
    }

    /**
     * With the product's feature catalog, in the publisher's order ({@code featureCatalog} in {@code
     * GET /api/v1/products/{code}}): compact computer keys grant features by their place in it. Without
     * it, a key that grants features is refused with {@code FEATURE_CATALOG_MISMATCH}.
     */
    public NodeLock withFeatureCatalog(List<String> featureCatalog) {
        return new NodeLock(installation, publisherKeys, computerId, http, clock, List.copyOf(featureCatalog));
    }

    /** This computer's ID, what every activation here is bound to. */
    public ComputerId computerId() {
        return computerId;
    }

    /**
     * Activates the license of {@code activationKey} on this computer through {@code server} and keeps
     * its computer key. Activating again returns the same activation with a fresh key; it never takes
     * a second slot.
     *
     * @param computerName shown to the publisher's staff, e.g. the host name; may be null
     * @param fields extra information the publisher asks for, e.g. a site; may be null
     * @throws InvalidComputerKeyException when the server's computer key does not verify; nothing is stored then
     * @throws InvalidActivationException {@code DEACTIVATED} when the server returned an activation this
     *     computer gave up, because its deactivation code has not reached the server yet; nothing is
     *     stored then
     */
    public Activation activateOnline(
            URI server, String activationKey, String computerName, Map<String, String> fields) {
        ActivationKey key = ActivationKey.parse(activationKey);
        ActivationServer.Issued issued =
                new ActivationServer(server, http).activate(key, computerId, computerName, fields);
        ComputerKey computerKey = ComputerKey.parse(issued.computerKey(), featureCatalog);
        computerKey.verify(key, computerId, publisherKeys);
        String activationId = computerKey.activationId();
        if (givenUp.contains(key, activationId)) {
            throw new InvalidActivationException(
                    Reason.DEACTIVATED,
                    "the server returned activation " + activationId + " of key " + key
                            + ", which this computer gave up: its deactivation code has not reached the publisher yet; deliver it, then activate "
                            + "again for a new activation",
                    null);
        }
        stored.write(key, computerId, computerKey);
        return Activation.of(computerKey, key, computerId, issued.status());
    }

    /**
     * Keeps the computer key the publisher made for this computer's ID (sent by e-mail, shown by the
     * self-help page), once it verified.
     *
     * @throws InvalidComputerKeyException when it is mistyped, for another computer or activation
     *     key, or not the publisher's; nothing is stored then
     * @throws InvalidActivationException {@code DEACTIVATED} when it is the key of an activation this
     *     computer gave up; nothing is stored then
     */
    public Activation activateOffline(String activationKey, String computerKey) {
        ActivationKey key = ActivationKey.parse(activationKey);
        ComputerKey parsed = ComputerKey.parse(computerKey, featureCatalog);
        parsed.verify(key, computerId, publisherKeys);
        refuseGivenUp(key, parsed);
        stored.write(key, computerId, parsed);
        return Activation.of(parsed, key, computerId, ActivationStatus.ACTIVE);
    }

    /**
     * The activation of {@code activationKey} on this computer, checked offline: a computer key is
     * stored, it verifies for this computer, its activation was not given up here, and it has not expired.
     *
     * <p>For an activation that expires, the clock is also checked, since setting it back is how
     * one would stretch it: a time more than {@link ClockGuard#TOLERANCE} before the latest this
     * installation has seen, or more than a day before the key was issued, is refused. A perpetual
     * activation has nothing to stretch, so a wrong clock (a dead CMOS battery) does not stop it.
     *
     * @throws InvalidActivationException when this computer may not use the license, with the reason
     */
    public Activation validate(String activationKey) {
        ActivationKey key = ActivationKey.parse(activationKey);
        StoredActivations.Stored record = stored.read(key)
                .orElseThrow(() -> new InvalidActivationException(
                        Reason.NOT_ACTIVATED, "this computer has no activation of key " + key, null));
        ComputerKey computerKey = storedKey(key, record);
        requireThisComputer(key, record);
        try {
            computerKey.verify(key, computerId, publisherKeys);
        } catch (InvalidComputerKeyException e) {
            Reason reason = e.reason() == InvalidComputerKeyException.Reason.UNKNOWN_PUBLISHER_KEY
                    ? Reason.UNKNOWN_PUBLISHER_KEY
                    : Reason.BAD_SIGNATURE;
            throw new InvalidActivationException(
                    reason, "the stored activation of key " + key + " is not valid: " + e.getMessage(), e);
        }
        refuseGivenUp(key, computerKey);
        ComputerKey.Terms terms = computerKey.terms();
        if (terms.expires() != null) {
            Instant now = clock.instant();
            checkClock(now, terms);
            if (!terms.isValidOn(LocalDate.ofInstant(now, ZoneOffset.UTC))) {
                throw new InvalidActivationException(
                        Reason.EXPIRED,
                        "activation " + terms.activationId() + " of license " + terms.licenseNumber() + " ended on "
                                + terms.expires(),
                        null);
            }
        }
        return Activation.of(computerKey, key, computerId, ActivationStatus.ACTIVE);
    }

    /**
     * What the publisher's server has on record for {@code activationKey} on this computer. When the
     * activation kept here was deactivated or revoked there (a lost computer released by the
     * publisher's staff, then found again), its computer key is deleted, so that offline validation
     * stops too, and the activation is remembered as given up, so that a copy of the key is refused.
     */
    public RecordedActivation validateOnline(URI server, String activationKey) {
        ActivationKey key = ActivationKey.parse(activationKey);
        RecordedActivation recorded = new ActivationServer(server, http).status(key, computerId);
        boolean ended =
                recorded.status() == ActivationStatus.DEACTIVATED || recorded.status() == ActivationStatus.REVOKED;
        if (ended && recorded.activationId() != null) {
            // This computer's activation of the key, ended for good: IDs are never reused, so no new key is blocked.
            givenUp.add(key, recorded.activationId());
            // Only the activation the server spoke of: a newer one of the same key may be stored.
            stored.read(key).filter(record -> record.computerKey() != null).ifPresent(record -> {
                try {
                    if (ComputerKey.parse(record.computerKey(), featureCatalog)
                            .terms()
                            .activationId()
                            .equals(recorded.activationId())) {
                        stored.delete(key);
                    }
                } catch (InvalidComputerKeyException damaged) {
                    // Not the activation the server spoke of, and useless anyway; validate() reports it.
                }
            });
        }
        return recorded;
    }

    /**
     * Gives up the activation of {@code activationKey} on this computer: records it as given up and
     * deletes its computer key first, then returns the deactivation code that proves it, for the user
     * to hand to the publisher (or the self-help page) from a computer that has a connection.
     *
     * @throws InvalidActivationException {@code NOT_ACTIVATED}; {@code OTHER_COMPUTER} for a computer
     *     key copied from another computer, which only that computer may give up; {@code BAD_SIGNATURE}
     *     for a damaged one, which the publisher's staff must release instead
     */
    public DeactivationCode deactivateOffline(String activationKey) {
        ActivationKey key = ActivationKey.parse(activationKey);
        StoredActivations.Stored record = stored.read(key)
                .orElseThrow(() -> new InvalidActivationException(
                        Reason.NOT_ACTIVATED, "this computer has no activation of key " + key + " to give up", null));
        // giving up needs only the activation ID, so a catalog that no longer reads the key does not stop it
        ComputerKey computerKey = storedKey(key, record, null);
        requireThisComputer(key, record);
        // The record and the key go first: a code must never exist for an activation that is still usable here,
        // or that a copy of its computer key could bring back. Recorded before the delete, so that a failure
        // between the two leaves a key that is refused rather than one that could be entered again.
        String activationId = computerKey.activationId();
        givenUp.add(key, activationId);
        stored.delete(key);
        return DeactivationCode.create(installation, activationId, computerId, clock.instant());
    }

    /**
     * Gives up the activation as {@link #deactivateOffline(String)} does and sends the deactivation
     * code to {@code server}, which frees the activation's slot.
     *
     * @throws DeactivationNotDeliveredException when the server did not confirm, carrying the code,
     *     which the user must still deliver: the computer key is gone by then
     */
    public RecordedActivation deactivateOnline(URI server, String activationKey) {
        ActivationServer activations = new ActivationServer(server, http);
        DeactivationCode code = deactivateOffline(activationKey);
        try {
            return activations.deactivate(code);
        } catch (RuntimeException notConfirmed) {
            throw new DeactivationNotDeliveredException(code, notConfirmed);
        }
    }

    /**
     * The address of the server's self-help page, with the form filled in for this computer: what a
     * computer without a connection shows as a {@link QrCode}, for the user to open on a phone and
     * get the computer key there.
     */
    public URI selfHelpUrl(URI server, String activationKey) {
        ActivationKey key = ActivationKey.parse(activationKey);
        return URI.create(ServerApi.checkedUrl(server.toString()) + "/self-help/activation?activationKey="
                + encoded(key) + "&computerId=" + encoded(computerId));
    }

    /** The stored computer key, its features read with the application's catalog. */
    private ComputerKey storedKey(ActivationKey key, StoredActivations.Stored record) {
        return storedKey(key, record, featureCatalog);
    }

    /** With {@code catalog} null, only the form, the signature and the activation ID can be read (enough to give it up). */
    private ComputerKey storedKey(ActivationKey key, StoredActivations.Stored record, List<String> catalog) {
        try {
            String typed = String.valueOf(record.computerKey());
            return catalog == null ? ComputerKey.parse(typed) : ComputerKey.parse(typed, catalog);
        } catch (InvalidComputerKeyException e) {
            if (e.reason() == InvalidComputerKeyException.Reason.FEATURE_CATALOG_MISMATCH) {
                throw e; // the application's catalog is wrong, not the stored key
            }
            throw new InvalidActivationException(
                    Reason.BAD_SIGNATURE,
                    "the stored activation of key " + key + " is damaged (" + stored.file(key) + ")",
                    e);
        }
    }

    private void refuseGivenUp(ActivationKey key, ComputerKey computerKey) {
        String activationId = computerKey.activationId();
        if (givenUp.contains(key, activationId)) {
            throw new InvalidActivationException(
                    Reason.DEACTIVATED,
                    "activation " + activationId + " of key " + key
                            + " was given up on this computer, so its computer key cannot be used again: activate again for a new one",
                    null);
        }
    }

    private void requireThisComputer(ActivationKey key, StoredActivations.Stored record) {
        if (record.computerId() == null) {
            throw new InvalidActivationException(
                    Reason.BAD_SIGNATURE,
                    "the stored activation of key " + key + " is damaged (" + stored.file(key) + ")",
                    null);
        }
        if (!computerId.toString().equals(record.computerId())) {
            throw new InvalidActivationException(
                    Reason.OTHER_COMPUTER,
                    "the activation of key " + key + " was made for computer " + record.computerId()
                            + ", not for this one (" + computerId + "): activate this computer on its own",
                    null);
        }
    }

    private void checkClock(Instant now, ComputerKey.Terms terms) {
        if (now.isBefore(terms.issuedAt().minus(ISSUE_TOLERANCE))) {
            throw new InvalidActivationException(
                    Reason.CLOCK_ROLLED_BACK,
                    "the clock shows " + now + ", before the activation was made (" + terms.issuedAt()
                            + "): set the clock right to go on",
                    null);
        }
        try {
            installation.clock().check(now);
        } catch (ClockRolledBackException e) {
            throw new InvalidActivationException(Reason.CLOCK_ROLLED_BACK, e.getMessage(), e);
        }
    }

    private static String encoded(Object code) {
        return URLEncoder.encode(code.toString(), StandardCharsets.UTF_8);
    }
}
