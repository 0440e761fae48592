package org.licentia.client.activation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.licentia.client.activation.InvalidActivationException.Reason;
import org.licentia.client.http.ServerStandIn.Answer;
import org.licentia.client.http.ServerUnreachableException;

class NodeLockTest {

    private static final Instant NOW = ActivationServerStandIn.ISSUED.plus(Duration.ofDays(30));

    @TempDir
    Path here;

    @TempDir
    Path elsewhere;

    private final ActivationKey activationKey = ActivationKey.generate();
    private ActivationServerStandIn server;
    private Installation installation;
    private NodeLock lock;

    @BeforeEach
    void start() throws IOException {
        server = new ActivationServerStandIn();
        installation = Installation.open(here);
        lock = lockAt(NOW);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private NodeLock lockAt(Instant now) {
        return lockOf(installation, ComputerIdTest.WORKSTATION, server.publisher.publicKey)
                .withClock(Clock.fixed(now, ZoneOffset.UTC));
    }

    private static NodeLock lockOf(Installation installation, MachineFacts machine, byte[]... publisherKeys) {
        return NodeLock.open(installation, List.of(publisherKeys), machine);
    }

    private String key() {
        return activationKey.toString();
    }

    private Path stored() {
        return here.resolve("activations").resolve(key());
    }

    private Reason invalid(NodeLock lock) {
        return assertThrows(InvalidActivationException.class, () -> lock.validate(key()))
                .reason();
    }

    private String computerKeyFor(ComputerId computer) {
        return server.publisher
                .issue(ActivationServerStandIn.terms(), activationKey, computer)
                .toString();
    }

    @Test
    void activatesOnlineAndThenValidatesOffline() throws IOException {
        Activation activation = lock.activateOnline(
                server.url, key().toLowerCase().replace("-", " "), "build-7", Map.of("site", "Berlin"));

        assertEquals(
                Json.createObjectBuilder()
                        .add("activationKey", key())
                        .add("computerId", lock.computerId().toString())
                        .add("computerName", "build-7")
                        .add("fields", Json.createObjectBuilder().add("site", "Berlin"))
                        .build(),
                server.requests("POST", "/online").get(0).json());
        assertEquals("17", activation.activationId());
        assertEquals("11554731", activation.license());
        assertEquals(List.of("export"), activation.features());
        assertEquals(ActivationServerStandIn.EXPIRES, activation.expires());
        assertEquals(ActivationStatus.ACTIVE, activation.status());
        assertEquals(activationKey, activation.activationKey());

        assertTrue(Files.exists(stored()));
        assertTrue(Files.readString(stored()).contains("computer-key=" + activation.computerKey()));
        if (here.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(stored())));
            assertEquals(
                    "rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(stored().getParent())));
        }

        Activation valid = lockAt(NOW.plus(Duration.ofDays(1))).validate(key());
        assertEquals(activation, valid);
        assertTrue(valid.hasFeature("export"));
        assertFalse(valid.hasFeature("render"));
    }

    @Test
    void sendsNeitherNameNorFieldsWhenThereAreNone() {
        lock.activateOnline(server.url, key(), null, null);
        assertEquals(
                Json.createObjectBuilder()
                        .add("activationKey", key())
                        .add("computerId", lock.computerId().toString())
                        .build(),
                server.requests("POST", "/online").get(0).json());
    }

    @Test
    void aTypoIsCaughtBeforeTheServerIsAsked() {
        String typo = key().substring(0, 6) + (key().charAt(6) == '7' ? '8' : '7') + key().substring(7);
        assertThrows(MalformedCodeException.class, () -> lock.activateOnline(server.url, typo, null, null));
        assertThrows(MalformedCodeException.class, () -> lock.validateOnline(server.url, typo));
        assertThrows(MalformedCodeException.class, () -> lock.deactivateOnline(server.url, typo));
        assertTrue(server.requests.isEmpty());
    }

    @Test
    void aKeyFromAnotherPublisherIsRefusedAndNothingIsStored() {
        server.publisher = new Publisher();
        InvalidComputerKeyException e = assertThrows(
                InvalidComputerKeyException.class, () -> lock.activateOnline(server.url, key(), null, null));
        assertEquals(InvalidComputerKeyException.Reason.UNKNOWN_PUBLISHER_KEY, e.reason());
        assertFalse(Files.exists(stored()));
        assertEquals(Reason.NOT_ACTIVATED, invalid(lock));
    }

    @Test
    void aKeyForAnotherComputerIsRefusedAndNothingIsStored() {
        server.activate = request -> Answer.json(
                201,
                ActivationServerStandIn.activation(
                        "ACTIVE", "null", computerKeyFor(ComputerId.of(ComputerIdTest.LAPTOP, installation))));
        InvalidComputerKeyException e = assertThrows(
                InvalidComputerKeyException.class, () -> lock.activateOnline(server.url, key(), null, null));
        assertEquals(InvalidComputerKeyException.Reason.BAD_SIGNATURE, e.reason());
        assertFalse(Files.exists(stored()));
    }

    @Test
    void aRefusalCarriesTheServersCode() {
        server.activate = request -> Answer.problem(
                409,
                ActivationRefusedException.ACTIVATION_LIMIT_REACHED,
                "All 3 activations of license 11554731 are in use",
                "{\"maxActivations\":3,\"active\":3}");
        ActivationRefusedException e = assertThrows(
                ActivationRefusedException.class, () -> lock.activateOnline(server.url, key(), null, null));
        assertEquals(409, e.status());
        assertEquals(ActivationRefusedException.ACTIVATION_LIMIT_REACHED, e.code());
        assertEquals(Map.of("maxActivations", "3", "active", "3"), e.details());
        assertEquals("All 3 activations of license 11554731 are in use [ACTIVATION_LIMIT_REACHED]", e.getMessage());

        server.activate = request -> Answer.json(201, "{\"activationId\":\"17\"}");
        assertNull(
                assertThrows(ActivationRefusedException.class, () -> lock.activateOnline(server.url, key(), null, null))
                        .code());
        assertFalse(Files.exists(stored()));
    }

    @Test
    void noAnswerIsServerUnreachable() throws IOException {
        URI closed;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = URI.create("http://127.0.0.1:" + socket.getLocalPort());
        }
        URI nowhere = closed;
        ServerUnreachableException e =
                assertThrows(ServerUnreachableException.class, () -> lock.activateOnline(nowhere, key(), null, null));
        assertEquals(nowhere.toString(), e.serverUrl());
        assertThrows(
                IllegalArgumentException.class,
                () -> lock.activateOnline(URI.create("ftp://example.com"), key(), null, null));
    }

    @Test
    void activatesOfflineWithAKeyTheStaffMadeForThisComputer() {
        String computerKey = computerKeyFor(lock.computerId());
        Activation activation = lock.activateOffline(key(), computerKey.toLowerCase());
        assertEquals(computerKey, activation.computerKey().toString());
        assertEquals(activation, lock.validate(key()));
    }

    @Test
    void activatingOfflineRefusesTyposAndKeysForOthers() {
        String computerKey = computerKeyFor(lock.computerId());
        String typo =
                computerKey.substring(0, 10) + (computerKey.charAt(10) == 'A' ? 'B' : 'A') + computerKey.substring(11);
        assertEquals(
                InvalidComputerKeyException.Reason.MALFORMED,
                assertThrows(InvalidComputerKeyException.class, () -> lock.activateOffline(key(), typo))
                        .reason());
        String forLaptop = computerKeyFor(ComputerId.of(ComputerIdTest.LAPTOP, installation));
        assertEquals(
                InvalidComputerKeyException.Reason.BAD_SIGNATURE,
                assertThrows(InvalidComputerKeyException.class, () -> lock.activateOffline(key(), forLaptop))
                        .reason());
        assertEquals(
                InvalidComputerKeyException.Reason.BAD_SIGNATURE,
                assertThrows(
                                InvalidComputerKeyException.class,
                                () -> lock.activateOffline(
                                        ActivationKey.generate().toString(), computerKey))
                        .reason());
        assertFalse(Files.exists(here.resolve("activations").resolve(key())));
    }

    @Test
    void validationSaysWhyTheLicenseMayNotBeUsed() throws IOException {
        assertEquals(Reason.NOT_ACTIVATED, invalid(lock));
        lock.activateOnline(server.url, key(), null, null);

        assertEquals(
                Reason.UNKNOWN_PUBLISHER_KEY,
                invalid(lockOf(installation, ComputerIdTest.WORKSTATION, new Publisher().publicKey)));
        assertEquals(
                Reason.OTHER_COMPUTER,
                invalid(lockOf(installation, ComputerIdTest.LAPTOP, server.publisher.publicKey)));

        String genuine = Files.readString(stored());
        Files.writeString(
                stored(),
                genuine.replaceAll(
                        "computer-key=.*",
                        "computer-key="
                                + server.publisher.issue(
                                        ActivationServerStandIn.terms(), ActivationKey.generate(), lock.computerId())));
        assertEquals(Reason.BAD_SIGNATURE, invalid(lock), "a key of another activation key put in its place");
        Files.writeString(stored(), genuine.replaceAll("computer-key=(.{10})", "computer-key=$1X"));
        assertEquals(Reason.BAD_SIGNATURE, invalid(lock), "damaged");
        Files.writeString(stored(), "garbage");
        assertEquals(Reason.BAD_SIGNATURE, invalid(lock), "not an activation file");
    }

    @Test
    void aCopiedInstallationDoesNotCarryTheActivationToAnotherComputer() throws IOException {
        lock.activateOnline(server.url, key(), null, null);
        try (Stream<Path> files = Files.walk(here)) {
            for (Path file : files.toList()) {
                Files.copy(
                        file, elsewhere.resolve(here.relativize(file).toString()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        NodeLock copy = lockOf(Installation.open(elsewhere), ComputerIdTest.LAPTOP, server.publisher.publicKey)
                .withClock(Clock.fixed(NOW, ZoneOffset.UTC));
        assertEquals(Reason.OTHER_COMPUTER, invalid(copy));
        assertEquals(
                Reason.OTHER_COMPUTER,
                assertThrows(InvalidActivationException.class, () -> copy.deactivateOffline(key()))
                        .reason(),
                "only the computer that holds an activation gives it up");
        assertTrue(Files.exists(elsewhere.resolve("activations").resolve(key())));
    }

    @Test
    void anActivationEndsAfterItsLastDay() {
        lock.activateOnline(server.url, key(), null, null);
        Instant lastDay = ActivationServerStandIn.EXPIRES.atTime(23, 59, 59).toInstant(ZoneOffset.UTC);
        assertEquals("17", lockAt(lastDay).validate(key()).activationId());
        assertEquals(Reason.EXPIRED, invalid(lockAt(lastDay.plusSeconds(1))));
    }

    @Test
    void aClockSetBackIsRefused() {
        lock.activateOnline(server.url, key(), null, null);
        installation.clock().check(NOW.plus(Duration.ofDays(200)));
        InvalidActivationException e =
                assertThrows(InvalidActivationException.class, () -> lockAt(NOW).validate(key()));
        assertEquals(Reason.CLOCK_ROLLED_BACK, e.reason());
        assertInstanceOf(ClockRolledBackException.class, e.getCause());
        assertEquals(
                "17", lockAt(NOW.plus(Duration.ofDays(200))).validate(key()).activationId());
    }

    @Test
    void aClockBeforeTheKeyWasIssuedIsRefusedEvenOnAFreshInstallation() {
        lock.activateOffline(key(), computerKeyFor(lock.computerId()));
        Instant issued = ActivationServerStandIn.ISSUED;
        assertEquals(
                "17",
                lockAt(issued.minus(NodeLock.ISSUE_TOLERANCE)).validate(key()).activationId(),
                "a computer's clock may drift");
        assertEquals(
                Reason.CLOCK_ROLLED_BACK,
                invalid(lockAt(issued.minus(NodeLock.ISSUE_TOLERANCE).minusSeconds(1))));
    }

    @Test
    void aPerpetualActivationIgnoresTheClock() {
        ComputerKey.Terms perpetual =
                new ComputerKey.Terms(17, "11554731", ActivationServerStandIn.ISSUED, null, List.of());
        lock.activateOffline(
                key(),
                server.publisher
                        .issue(perpetual, activationKey, lock.computerId())
                        .toString());
        installation.clock().check(NOW.plus(Duration.ofDays(200)));
        assertNull(
                lockAt(Instant.parse("2000-01-01T00:00:00Z")).validate(key()).expires(),
                "a dead CMOS battery does not stop it");
    }

    @Test
    void onlineValidationAsksForThisComputersActivation() {
        RecordedActivation recorded = lock.validateOnline(server.url, key());
        assertEquals(new RecordedActivation(ActivationStatus.ACTIVE, "17", "11554731", null), recorded);
        assertEquals(
                Json.createObjectBuilder()
                        .add("activationKey", key())
                        .add("computerId", lock.computerId().toString())
                        .build(),
                server.requests("POST", "/status").get(0).json());
    }

    @Test
    void anActivationRevokedOnTheServerIsDeletedHere() {
        lock.activateOnline(server.url, key(), null, null);
        server.status = request -> Answer.json(
                200,
                "{\"status\":\"REVOKED\",\"activationId\":\"16\",\"license\":\"11554731\",\"deactivatedAt\":\"2026-11-23T08:00:00Z\"}");
        assertEquals(
                ActivationStatus.REVOKED, lock.validateOnline(server.url, key()).status());
        assertTrue(Files.exists(stored()), "an earlier activation of the key was revoked, not the one kept here");

        server.status = request -> Answer.json(
                200,
                "{\"status\":\"REVOKED\",\"activationId\":\"17\",\"license\":\"11554731\",\"deactivatedAt\":\"2026-11-23T08:00:00Z\"}");
        RecordedActivation revoked = lock.validateOnline(server.url, key());
        assertEquals(Instant.parse("2026-11-23T08:00:00Z"), revoked.deactivatedAt());
        assertFalse(Files.exists(stored()));
        assertEquals(Reason.NOT_ACTIVATED, invalid(lock));
    }

    @Test
    void deactivatingOfflineDeletesTheKeyAndProvesIt() {
        ComputerKey computerKey =
                lock.activateOnline(server.url, key(), null, null).computerKey();
        DeactivationCode code = lock.deactivateOffline(key());
        assertEquals(
                NOW,
                DeactivationCode.verify(code.toString(), computerKey.terms().activationId(), lock.computerId()));
        assertFalse(Files.exists(stored()));
        assertEquals(Reason.NOT_ACTIVATED, invalid(lock));
        assertEquals(
                Reason.NOT_ACTIVATED,
                assertThrows(InvalidActivationException.class, () -> lock.deactivateOffline(key()))
                        .reason());
    }

    @Test
    void deactivatingOnlineDeletesTheKeyBeforeTheCall() {
        lock.activateOnline(server.url, key(), null, null);
        AtomicBoolean keyGoneWhenCalled = new AtomicBoolean();
        server.deactivate = request -> {
            keyGoneWhenCalled.set(!Files.exists(stored()));
            return Answer.json(
                    200, ActivationServerStandIn.activation("DEACTIVATED", "\"2026-11-23T08:00:00Z\"", null));
        };
        RecordedActivation recorded = lock.deactivateOnline(server.url, key());
        assertTrue(keyGoneWhenCalled.get());
        assertEquals(
                new RecordedActivation(
                        ActivationStatus.DEACTIVATED, "17", "11554731", Instant.parse("2026-11-23T08:00:00Z")),
                recorded);
        String dvc = server.requests("POST", "/deactivations").get(0).json().getString("dvc");
        assertEquals(NOW, DeactivationCode.verify(dvc, "17", lock.computerId()));
    }

    @Test
    void aDeactivationTheServerDidNotConfirmKeepsItsCode() throws IOException {
        lock.activateOnline(server.url, key(), null, null);
        server.deactivate = request -> new Answer(502, "text/html", "<h1>Bad Gateway</h1>");
        DeactivationNotDeliveredException refused =
                assertThrows(DeactivationNotDeliveredException.class, () -> lock.deactivateOnline(server.url, key()));
        assertEquals(NOW, DeactivationCode.verify(refused.deactivationCode().toString(), "17", lock.computerId()));
        assertInstanceOf(ActivationRefusedException.class, refused.getCause());
        assertTrue(refused.getMessage().contains(refused.deactivationCode().toString()), refused.getMessage());
        assertFalse(Files.exists(stored()));

        InvalidActivationException undelivered = assertThrows(
                InvalidActivationException.class,
                () -> lock.activateOnline(server.url, key(), null, null),
                "the server still has activation 17, which was given up here");
        assertEquals(Reason.DEACTIVATED, undelivered.reason());
        assertTrue(undelivered.getMessage().contains("deliver it, then activate again"), undelivered.getMessage());
        assertFalse(Files.exists(stored()));

        server.activationNumber.set(18); // the code was delivered after all: the next activation is a new one
        lock.activateOnline(server.url, key(), null, null);
        URI closed;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = URI.create("http://127.0.0.1:" + socket.getLocalPort());
        }
        URI nowhere = closed;
        DeactivationNotDeliveredException unreachable =
                assertThrows(DeactivationNotDeliveredException.class, () -> lock.deactivateOnline(nowhere, key()));
        assertInstanceOf(ServerUnreachableException.class, unreachable.getCause());
        assertEquals(NOW, DeactivationCode.verify(unreachable.deactivationCode().toString(), "18", lock.computerId()));
        assertFalse(Files.exists(stored()));
    }

    @Test
    void aDeactivatedComputerKeyIsNeverTakenAgain() throws IOException {
        String computerKey =
                lock.activateOnline(server.url, key(), null, null).computerKey().toString();
        Path backup = Files.copy(stored(), elsewhere.resolve("backup"));
        lock.deactivateOffline(key());

        InvalidActivationException again =
                assertThrows(InvalidActivationException.class, () -> lock.activateOffline(key(), computerKey));
        assertEquals(Reason.DEACTIVATED, again.reason());
        assertEquals(
                "activation 17 of key " + key()
                        + " was given up on this computer, so its computer key cannot be used again: "
                        + "activate again for a new one",
                again.getMessage());
        assertFalse(Files.exists(stored()), "nothing is stored");
        assertEquals(Reason.NOT_ACTIVATED, invalid(lock));

        Files.copy(backup, stored());
        assertEquals(Reason.DEACTIVATED, invalid(lock), "a computer key put back from a backup");

        Path givenUp = here.resolve(GivenUpActivations.FILE);
        assertEquals("licentia-given-up/1\n" + key() + " 17\n", Files.readString(givenUp), "the IDs only, no keys");
        if (here.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(givenUp)));
        }
    }

    @Test
    void aComputerKeyDeletedAfterTheServerEndedItsActivationCannotBeEnteredAgain() {
        for (String ended : List.of("DEACTIVATED", "REVOKED")) {
            ActivationKey activationKey = ActivationKey.generate();
            String computerKey = server.publisher
                    .issue(ActivationServerStandIn.terms(), activationKey, lock.computerId())
                    .toString();
            lock.activateOffline(activationKey.toString(), computerKey);
            server.status = request -> Answer.json(
                    200,
                    "{\"status\":\"" + ended + "\",\"activationId\":\"17\",\"license\":\"11554731\","
                            + "\"deactivatedAt\":\"2026-11-23T08:00:00Z\"}");
            lock.validateOnline(server.url, activationKey.toString());
            assertFalse(Files.exists(here.resolve("activations").resolve(activationKey.toString())), ended);

            InvalidActivationException again = assertThrows(
                    InvalidActivationException.class,
                    () -> lock.activateOffline(activationKey.toString(), computerKey),
                    ended);
            assertEquals(Reason.DEACTIVATED, again.reason(), ended);
            assertEquals(
                    Reason.NOT_ACTIVATED,
                    assertThrows(InvalidActivationException.class, () -> lock.validate(activationKey.toString()))
                            .reason(),
                    ended);
        }
    }

    @Test
    void aNewActivationOfTheSameKeyIsTakenAfterADeactivation() {
        String first =
                lock.activateOnline(server.url, key(), null, null).computerKey().toString();
        assertEquals("17", lock.deactivateOnline(server.url, key()).activationId());

        assertEquals("18", lock.activateOnline(server.url, key(), null, null).activationId(), "online");
        assertEquals("18", lock.validate(key()).activationId());
        lock.deactivateOffline(key());
        String third = server.publisher
                .issue(ActivationServerStandIn.terms(19), activationKey, lock.computerId())
                .toString();
        assertEquals("19", lock.activateOffline(key(), third).activationId(), "offline");
        assertEquals("19", lock.validate(key()).activationId());

        assertEquals(
                Reason.DEACTIVATED,
                assertThrows(InvalidActivationException.class, () -> lock.activateOffline(key(), first))
                        .reason());
        assertEquals("19", lock.validate(key()).activationId(), "the refused key replaced nothing");
    }

    @Test
    void anActivationGivenUpIsTheOneOfItsActivationKey() {
        lock.activateOnline(server.url, key(), null, null);
        lock.deactivateOffline(key());
        // Another publisher's server, sharing this installation, numbers its activations on its own.
        ActivationKey other = ActivationKey.generate();
        String itsSeventeen = server.publisher
                .issue(ActivationServerStandIn.terms(17), other, lock.computerId())
                .toString();
        assertEquals("17", lock.activateOffline(other.toString(), itsSeventeen).activationId());
        assertEquals("17", lock.validate(other.toString()).activationId());
    }

    @Test
    void anEditedListOfGivenUpActivationsIsAnError() throws IOException {
        lock.activateOnline(server.url, key(), null, null);
        Files.writeString(here.resolve(GivenUpActivations.FILE), "17\n");
        assertThrows(UncheckedIOException.class, () -> lock.validate(key()));
    }

    @Test
    void aBadServerAddressDeletesNothing() {
        lock.activateOnline(server.url, key(), null, null);
        assertThrows(
                IllegalArgumentException.class, () -> lock.deactivateOnline(URI.create("licentia.example.com"), key()));
        assertTrue(Files.exists(stored()));
    }

    @Test
    void theSelfHelpAddressFillsInTheForm() {
        URI url = lock.selfHelpUrl(URI.create("https://licentia.example.com/"), key().toLowerCase());
        assertEquals(
                "https://licentia.example.com/self-help/activation?activationKey=" + key() + "&computerId="
                        + lock.computerId(),
                url.toString());
    }

    @Test
    void publisherKeysAreRawEd25519Keys() {
        assertThrows(
                IllegalArgumentException.class, () -> lockOf(installation, ComputerIdTest.WORKSTATION, new byte[33]));
    }
}
