package org.licentia.client.activation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.licentia.client.activation.InvalidDeactivationCodeException.Reason;

class DeactivationCodeTest {

    private static final String ACTIVATION = "act-2026-000123";
    private static final Instant WHEN = Instant.parse("2026-05-04T09:30:15Z");

    @TempDir
    Path here;

    @TempDir
    Path there;

    private Installation installation;
    private ComputerId computer;

    @BeforeEach
    void activated() {
        installation = Installation.open(here);
        computer = ComputerId.of(ComputerIdTest.WORKSTATION, installation);
    }

    private static Reason rejection(String code, String activationId, ComputerId expected) {
        return assertThrows(
                        InvalidDeactivationCodeException.class,
                        () -> DeactivationCode.verify(code, activationId, expected))
                .reason();
    }

    @Test
    void provesTheDeactivationTimeToThePublisher() {
        String code = DeactivationCode.create(installation, ACTIVATION, computer, WHEN.plusMillis(999))
                .toString();
        assertTrue(code.matches("[0-9A-HJKMNP-TV-Z]{5}(-[0-9A-HJKMNP-TV-Z]{5}){32}"), code);
        assertEquals(WHEN, DeactivationCode.verify(code, ACTIVATION, computer));
        assertEquals(
                WHEN,
                DeactivationCode.verify(
                        code.toLowerCase().replace("-", " "), ACTIVATION, ComputerId.parse(computer.toString())));
    }

    @Test
    void hasOneIdHoweverItIsTyped() {
        DeactivationCode code = DeactivationCode.create(installation, ACTIVATION, computer, WHEN);
        String id = code.id();
        assertTrue(id.matches("[0-9a-f]{64}"), id);
        assertEquals(
                id,
                DeactivationCode.parse(code.toString().toLowerCase().replace("-", ""))
                        .id());
        assertEquals(code, DeactivationCode.parse(code.toString()));
        assertEquals(
                code,
                DeactivationCode.create(installation, ACTIVATION, computer, WHEN),
                "Ed25519 signatures are deterministic");
        assertNotEquals(
                id,
                DeactivationCode.create(installation, ACTIVATION, computer, WHEN.plusSeconds(1))
                        .id());
        assertNotEquals(
                id,
                DeactivationCode.create(installation, "act-2026-000124", computer, WHEN)
                        .id());
    }

    @Test
    void refusesACodeMadeForAnotherActivation() {
        String code = DeactivationCode.create(installation, "act-2026-000124", computer, WHEN)
                .toString();
        assertEquals(Reason.BAD_SIGNATURE, rejection(code, ACTIVATION, computer));
    }

    @Test
    void refusesAnAlteredSignatureOrTime() {
        byte[] bytes = TypeableCode.decode(
                DeactivationCode.create(installation, ACTIVATION, computer, WHEN)
                        .toString(),
                DeactivationCode.BYTES);
        byte[] flippedSignature = bytes.clone();
        flippedSignature[DeactivationCode.BYTES - 10] ^= 0x01;
        assertEquals(Reason.BAD_SIGNATURE, rejection(TypeableCode.encode(flippedSignature), ACTIVATION, computer));
        byte[] laterTime = bytes.clone();
        laterTime[5]++;
        assertEquals(Reason.BAD_SIGNATURE, rejection(TypeableCode.encode(laterTime), ACTIVATION, computer));
    }

    @Test
    void refusesTheCodeOfAnotherComputer() {
        Installation other = Installation.open(there);
        String theirs = DeactivationCode.create(other, ACTIVATION, ComputerId.of(ComputerIdTest.LAPTOP, other), WHEN)
                .toString();
        assertEquals(Reason.OTHER_COMPUTER, rejection(theirs, ACTIVATION, computer));
    }

    @Test
    void refusesACodeSignedByAKeyThatTheComputerIdDoesNotName() {
        // A forger who knows the activation and the computer ID signs with a key of his own.
        Installation forger = Installation.open(there);
        byte[] bytes = TypeableCode.decode(
                DeactivationCode.create(installation, ACTIVATION, computer, WHEN)
                        .toString(),
                DeactivationCode.BYTES);
        byte[] signedByForger = TypeableCode.decode(
                DeactivationCode.create(forger, ACTIVATION, ComputerId.of(ComputerIdTest.WORKSTATION, forger), WHEN)
                        .toString(),
                DeactivationCode.BYTES);
        System.arraycopy(signedByForger, 6, bytes, 6, DeactivationCode.BYTES - 6);
        assertEquals(Reason.OTHER_COMPUTER, rejection(TypeableCode.encode(bytes), ACTIVATION, computer));
    }

    @Test
    void refusesTheCodeOfTheSameInstallationCopiedToAnotherComputer() {
        ComputerId copiedTo = ComputerId.of(ComputerIdTest.LAPTOP, installation);
        String code = DeactivationCode.create(installation, ACTIVATION, copiedTo, WHEN)
                .toString();
        assertEquals(Reason.BAD_SIGNATURE, rejection(code, ACTIVATION, computer));
    }

    @Test
    void catchesTyposBeforeLookingAtTheSignature() {
        String code = DeactivationCode.create(installation, ACTIVATION, computer, WHEN)
                .toString();
        for (String typo : Typos.substitutions(code)) {
            assertEquals(Reason.MALFORMED, rejection(typo, ACTIVATION, computer), typo);
        }
        for (String typo : Typos.transpositions(code)) {
            assertEquals(Reason.MALFORMED, rejection(typo, ACTIVATION, computer), typo);
        }
        InvalidDeactivationCodeException e = assertThrows(
                InvalidDeactivationCodeException.class,
                () -> DeactivationCode.parse(code.substring(0, code.length() - 2)));
        assertInstanceOf(MalformedCodeException.class, e.getCause());
    }

    @Test
    void refusesAFormatItDoesNotKnow() {
        byte[] bytes = TypeableCode.decode(
                DeactivationCode.create(installation, ACTIVATION, computer, WHEN)
                        .toString(),
                DeactivationCode.BYTES);
        bytes[0] = 2;
        assertEquals(Reason.UNSUPPORTED_VERSION, rejection(TypeableCode.encode(bytes), ACTIVATION, computer));
    }

    @Test
    void isMadeOnlyForThisInstallationsComputerIdAndAValidActivationId() {
        ComputerId someoneElse = ComputerId.of(ComputerIdTest.WORKSTATION, Installation.open(there));
        assertThrows(
                IllegalArgumentException.class,
                () -> DeactivationCode.create(installation, ACTIVATION, someoneElse, WHEN));
        assertThrows(IllegalArgumentException.class, () -> DeactivationCode.create(installation, "", computer, WHEN));
        assertThrows(
                IllegalArgumentException.class,
                () -> DeactivationCode.create(installation, "x".repeat(65), computer, WHEN));
        assertEquals(
                WHEN,
                DeactivationCode.verify(
                        DeactivationCode.create(installation, "ä".repeat(64), computer, WHEN)
                                .toString(),
                        "ä".repeat(64),
                        computer));
    }

    @Test
    void namesTheInstallationThatMadeItAndItsTimeBeforeAnythingIsVerified() {
        // How a publisher handed only the code finds the activation it is for.
        DeactivationCode code = DeactivationCode.parse(DeactivationCode.create(installation, ACTIVATION, computer, WHEN)
                .toString());
        assertEquals(computer.installationFingerprint(), code.installationFingerprint());
        assertEquals(
                ComputerId.of(ComputerIdTest.LAPTOP, installation).installationFingerprint(),
                code.installationFingerprint(),
                "the fingerprint names the installation key, not the machine");
        assertTrue(computer.installationFingerprint().matches("[0-9a-f]{20}"), computer.installationFingerprint());
        assertNotEquals(
                ComputerId.of(ComputerIdTest.WORKSTATION, Installation.open(there))
                        .installationFingerprint(),
                code.installationFingerprint());
        assertEquals(WHEN, code.time());
    }

    @Test
    void aReplayedCodeIsTheSameCodeAndAFreshOneForAnotherActivationIsRefused() {
        // The server keeps the IDs of codes it accepted; the same code typed differently must not look new.
        DeactivationCode first = DeactivationCode.create(installation, ACTIVATION, computer, WHEN);
        String retyped = first.toString()
                .toLowerCase()
                .replace("-", " ")
                .replace('1', 'l')
                .replace('0', 'o');
        assertEquals(first.id(), DeactivationCode.parse(retyped).id());
        assertEquals(WHEN, DeactivationCode.verify(retyped, ACTIVATION, computer));
        // A code for this computer's earlier activation proves nothing about its current one.
        String earlier = DeactivationCode.create(installation, "act-2026-000100", computer, WHEN)
                .toString();
        assertEquals(Reason.BAD_SIGNATURE, rejection(earlier, ACTIVATION, computer));
        assertEquals(
                Reason.BAD_SIGNATURE,
                rejection(first.toString(), ACTIVATION.toUpperCase(), computer),
                "activation IDs are exact");
    }
}
