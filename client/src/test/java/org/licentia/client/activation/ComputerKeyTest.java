package org.licentia.client.activation;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;
import org.licentia.client.activation.ComputerKey.Terms;
import org.licentia.client.activation.InvalidComputerKeyException.Reason;

class ComputerKeyTest {

    private static final Instant ISSUED = Instant.parse("2026-11-22T17:00:00Z");
    private static final LocalDate EXPIRES = LocalDate.parse("2027-12-31");
    private static final String LICENSE = "11554731";
    private static final List<String> FEATURES = List.of("export", "préparé");
    private static final int SIGNATURE_BYTES = 64;

    @TempDir
    Path here;

    @TempDir
    Path there;

    private final Publisher publisher = new Publisher();
    private final ActivationKey activationKey = ActivationKey.generate();
    private Installation installation;
    private ComputerId computer;

    @BeforeEach
    void installed() {
        installation = Installation.open(here);
        computer = ComputerId.of(ComputerIdTest.WORKSTATION, installation);
    }

    private static Terms terms() {
        return new Terms(17, LICENSE, ISSUED, EXPIRES, FEATURES);
    }

    private String issued(Terms terms) {
        return publisher.issue(terms, activationKey, computer).toString();
    }

    private Reason rejection(String typed, ActivationKey key, ComputerId id, List<byte[]> publisherKeys) {
        return assertThrows(
                        InvalidComputerKeyException.class,
                        () -> ComputerKey.parse(typed).verify(key, id, publisherKeys),
                        typed)
                .reason();
    }

    private Reason rejection(String typed) {
        return rejection(typed, activationKey, computer, List.of(publisher.publicKey));
    }

    private static byte[] bytes(String code) {
        return TypeableCode.decode(code);
    }

    @Test
    void goesFromIssueToTextToVerifiedTerms() {
        String text = issued(terms());
        assertTrue(text.matches("[0-9A-HJKMNP-TV-Z]{5}(-[0-9A-HJKMNP-TV-Z]{5})*(-[0-9A-HJKMNP-TV-Z]{1,5})?"), text);

        for (String typed : List.of(
                text,
                text.toLowerCase(),
                text.replace("-", ""),
                text.replace("-", " ").replace('0', 'o'),
                text.replace("-", "\u2013"))) {
            ComputerKey parsed = ComputerKey.parse(typed);
            assertDoesNotThrow(() ->
                    parsed.verify(activationKey, ComputerId.parse(computer.toString()), List.of(publisher.publicKey)));
            assertEquals(terms(), parsed.terms());
            assertEquals(text, parsed.toString());
            assertEquals(publisher.issue(terms(), activationKey, computer), parsed);
            assertEquals(parsed.hashCode(), ComputerKey.parse(text).hashCode());
        }
        assertEquals("17", ComputerKey.parse(text).terms().activationId());
    }

    @Test
    void verifiesWithAnyOfSeveralPublisherKeys() {
        // A publisher that rotated its key ships both while old computer keys are about.
        String text = issued(terms());
        assertDoesNotThrow(() -> ComputerKey.parse(text)
                .verify(activationKey, computer, List.of(new Publisher().publicKey, publisher.publicKey)));
    }

    @Test
    void keepsAPerpetualActivationWithoutEnd() {
        Terms perpetual = new Terms(17, LICENSE, ISSUED, null, List.of());
        ComputerKey parsed = ComputerKey.parse(issued(perpetual));
        parsed.verify(activationKey, computer, List.of(publisher.publicKey));
        assertNull(parsed.terms().expires());
        assertEquals(List.of(), parsed.terms().features());
        assertTrue(parsed.terms().isValidOn(LocalDate.of(9999, 12, 31)));
    }

    @Test
    void isValidUpToAndIncludingItsLastDay() {
        assertTrue(terms().isValidOn(EXPIRES));
        assertFalse(terms().isValidOn(EXPIRES.plusDays(1)));
    }

    @Test
    void keepsTheIssueTimeToTheSecond() {
        Terms terms = new Terms(17, LICENSE, ISSUED.plusMillis(999), EXPIRES, FEATURES);
        assertEquals(ISSUED, terms.issuedAt());
        assertEquals(ISSUED, ComputerKey.parse(issued(terms)).terms().issuedAt());
    }

    @Test
    void failsForAnotherActivationKeyComputerOrPublisher() {
        String text = issued(terms());
        List<byte[]> trusted = List.of(publisher.publicKey);
        assertEquals(Reason.BAD_SIGNATURE, rejection(text, ActivationKey.generate(), computer, trusted));
        assertEquals(
                Reason.BAD_SIGNATURE,
                rejection(text, activationKey, ComputerId.of(ComputerIdTest.LAPTOP, installation), trusted),
                "the installation copied to another machine");
        assertEquals(
                Reason.BAD_SIGNATURE,
                rejection(
                        text,
                        activationKey,
                        ComputerId.of(ComputerIdTest.WORKSTATION, Installation.open(there)),
                        trusted),
                "another installation on the same machine");
        assertEquals(
                Reason.UNKNOWN_PUBLISHER_KEY,
                rejection(text, activationKey, computer, List.of(new Publisher().publicKey)));
        assertEquals(Reason.UNKNOWN_PUBLISHER_KEY, rejection(text, activationKey, computer, List.of()));
    }

    @Test
    void failsWhenSignedByAnotherKeyThanTheOneItNames() {
        // Someone with a key of his own names the publisher's key, hoping its fingerprint is all that is checked.
        Publisher forger = new Publisher();
        String forged = ComputerKey.issue(terms(), activationKey, computer, publisher.publicKey, forger::sign)
                .toString();
        assertEquals(Reason.BAD_SIGNATURE, rejection(forged));
    }

    @Test
    void theSignatureCoversEveryTerm() {
        byte[] original = bytes(issued(terms()));
        byte[] signature = Arrays.copyOfRange(original, original.length - SIGNATURE_BYTES, original.length);
        List<Terms> changed = List.of(
                new Terms(18, LICENSE, ISSUED, EXPIRES, FEATURES),
                new Terms(17, "11554732", ISSUED, EXPIRES, FEATURES),
                new Terms(17, LICENSE, ISSUED.minusSeconds(1), EXPIRES, FEATURES),
                new Terms(17, LICENSE, ISSUED, EXPIRES.plusYears(10), FEATURES),
                new Terms(17, LICENSE, ISSUED, null, FEATURES),
                new Terms(17, LICENSE, ISSUED, EXPIRES, List.of("export", "préparé", "render")),
                new Terms(17, LICENSE, ISSUED, EXPIRES, List.of("export")),
                new Terms(17, LICENSE, ISSUED, EXPIRES, List.of("préparé", "export")));
        for (Terms terms : changed) {
            byte[] body = bytes(issued(terms));
            byte[] withOriginalSignature = Arrays.copyOf(body, body.length);
            System.arraycopy(signature, 0, withOriginalSignature, body.length - SIGNATURE_BYTES, SIGNATURE_BYTES);
            assertEquals(Reason.BAD_SIGNATURE, rejection(TypeableCode.encode(withOriginalSignature)), terms.toString());
        }
    }

    @Test
    void everyAlteredByteIsRefused() {
        byte[] original = bytes(issued(terms()));
        int license = 20;
        int featureCount = license + LICENSE.length();
        Set<Integer> lengths = new HashSet<>(List.of(19, featureCount));
        int next = featureCount + 1;
        for (String feature : FEATURES) {
            lengths.add(next);
            next += 1 + feature.getBytes(StandardCharsets.UTF_8).length;
        }
        assertEquals(original.length - SIGNATURE_BYTES, next, "the layout of docs and class comment");

        for (int i = 0; i < original.length; i++) {
            byte[] altered = original.clone();
            altered[i] ^= 0x01;
            Reason reason = rejection(TypeableCode.encode(altered));
            if (i == 0) {
                assertEquals(Reason.UNSUPPORTED_VERSION, reason);
            } else if (i <= 4) {
                assertEquals(Reason.UNKNOWN_PUBLISHER_KEY, reason, "byte " + i + " of the publisher key's fingerprint");
            } else if (lengths.contains(i)) {
                assertTrue(
                        reason == Reason.MALFORMED || reason == Reason.BAD_SIGNATURE,
                        "length byte " + i + ": " + reason);
            } else {
                assertEquals(Reason.BAD_SIGNATURE, reason, "byte " + i);
            }
        }
    }

    @Test
    void catchesEveryTypoBeforeLookingAtTheSignature() {
        String text = issued(terms());
        List<String> typos = new ArrayList<>(Typos.substitutions(text));
        typos.addAll(Typos.transpositions(text));
        for (String typo : typos) {
            InvalidComputerKeyException e =
                    assertThrows(InvalidComputerKeyException.class, () -> ComputerKey.parse(typo), typo);
            assertEquals(Reason.MALFORMED, e.reason(), typo);
            assertInstanceOf(MalformedCodeException.class, e.getCause());
        }
        assertEquals(Reason.MALFORMED, rejection(text.substring(0, text.length() - 1)));
        assertEquals(Reason.MALFORMED, rejection(text + "7"));
        assertEquals(Reason.MALFORMED, rejection(text.substring(0, 3) + "U" + text.substring(4)));
        assertEquals(Reason.MALFORMED, rejection(""));
        assertEquals(Reason.MALFORMED, rejection(null));
    }

    @Test
    void refusesCodesThatAreNoComputerKey() {
        byte[] original = bytes(issued(terms()));
        // Valid codes, right check symbol, wrong content: cut short, too long, only a signature's worth.
        assertEquals(Reason.MALFORMED, rejection(TypeableCode.encode(Arrays.copyOf(original, original.length - 1))));
        assertEquals(Reason.MALFORMED, rejection(TypeableCode.encode(Arrays.copyOf(original, original.length + 1))));
        assertEquals(Reason.MALFORMED, rejection(TypeableCode.encode(Arrays.copyOf(original, 40))));
        assertEquals(Reason.MALFORMED, rejection(TypeableCode.encode(new byte[] {1})));
        assertEquals(
                Reason.MALFORMED,
                rejection(DeactivationCode.create(installation, "17", computer, ISSUED)
                        .toString()),
                "a deactivation code starts with the same version byte but is no computer key");
    }

    @Test
    void refusesAFormatItDoesNotKnow() {
        byte[] bytes = bytes(issued(terms()));
        bytes[0] = 2;
        InvalidComputerKeyException e =
                assertThrows(InvalidComputerKeyException.class, () -> ComputerKey.parse(TypeableCode.encode(bytes)));
        assertEquals(Reason.UNSUPPORTED_VERSION, e.reason());
        assertTrue(e.getMessage().contains("version 2"), e.getMessage());
    }

    @Test
    void termsRefuseWhatTheFormatCannotHold() {
        List<Executable> invalid = List.of(
                () -> new Terms(0, LICENSE, ISSUED, EXPIRES, FEATURES),
                () -> new Terms(1L << 48, LICENSE, ISSUED, EXPIRES, FEATURES),
                () -> new Terms(17, "", ISSUED, EXPIRES, FEATURES),
                () -> new Terms(17, null, ISSUED, EXPIRES, FEATURES),
                () -> new Terms(17, "x".repeat(256), ISSUED, EXPIRES, FEATURES),
                () -> new Terms(17, "Lizenz-ä", ISSUED, EXPIRES, FEATURES),
                () -> new Terms(17, LICENSE, null, EXPIRES, FEATURES),
                () -> new Terms(17, LICENSE, Instant.ofEpochSecond(-1), EXPIRES, FEATURES),
                () -> new Terms(17, LICENSE, Instant.ofEpochSecond(1L << 40), EXPIRES, FEATURES),
                () -> new Terms(17, LICENSE, ISSUED, LocalDate.of(1969, 12, 31), FEATURES),
                () -> new Terms(17, LICENSE, ISSUED, LocalDate.ofEpochDay((1 << 24) - 1), FEATURES),
                () -> new Terms(17, LICENSE, ISSUED, EXPIRES, List.of("")),
                () -> new Terms(17, LICENSE, ISSUED, EXPIRES, List.of("é".repeat(128))),
                () -> new Terms(17, LICENSE, ISSUED, EXPIRES, Collections.nCopies(256, "f")));
        for (Executable terms : invalid) {
            assertThrows(IllegalArgumentException.class, terms);
        }
        // The limits themselves are allowed.
        Terms largest = new Terms(
                (1L << 48) - 1,
                "x".repeat(255),
                Instant.ofEpochSecond((1L << 40) - 1),
                LocalDate.ofEpochDay((1 << 24) - 2),
                Collections.nCopies(255, "é".repeat(127) + "f"));
        ComputerKey key = publisher.issue(largest, activationKey, computer);
        assertEquals(largest, ComputerKey.parse(key.toString()).terms());
        assertEquals(List.of(), new Terms(17, LICENSE, ISSUED, EXPIRES, null).features());
    }

    @Test
    void issueRefusesWhatIsNoEd25519Signature() {
        assertThrows(
                IllegalArgumentException.class,
                () -> ComputerKey.issue(
                        terms(), activationKey, computer, publisher.publicKey, message -> new byte[63]));
    }

    @Test
    void differentTermsGiveDifferentKeys() {
        assertNotEquals(issued(terms()), issued(new Terms(18, LICENSE, ISSUED, EXPIRES, FEATURES)));
    }
}
