package org.licentia.client.activation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.licentia.client.activation.ComputerKey.Terms;
import org.licentia.client.activation.InvalidComputerKeyException.Reason;

/** The compact computer key (version 2): what a person types, at most 28 groups, everything still signed. */
class CompactComputerKeyTest {

    private static final Instant ISSUED = Instant.parse("2026-11-22T17:42:13Z");
    private static final LocalDate EXPIRES = LocalDate.parse("2027-12-31");
    /** The demo product's catalog: its editions' features in the order they were added. */
    private static final List<String> CATALOG = List.of(
            "compute-virtualization",
            "storage-virtualization",
            "network-virtualization",
            "live-migration",
            "high-availability",
            "distributed-switch");

    @TempDir
    Path here;

    private final Publisher publisher = new Publisher();
    private final ActivationKey activationKey = ActivationKey.generate();
    private ComputerId computer;

    @BeforeEach
    void installed() {
        computer = ComputerId.of(ComputerIdTest.WORKSTATION, Installation.open(here));
    }

    private ComputerKey issue(Terms terms, List<String> catalog) {
        return ComputerKey.issueCompact(terms, catalog, activationKey, computer, publisher.publicKey, publisher::sign);
    }

    private static int groups(ComputerKey key) {
        return key.toString().split("-").length;
    }

    @Test
    void aKeyWithEveryFeatureOfTheDemoProductIsAtMost28GroupsAndReadsBackSigned() {
        Terms terms = new Terms(1234567, "11554731", ISSUED, EXPIRES, CATALOG);
        ComputerKey key = issue(terms, CATALOG);
        ComputerKey spelledOut = publisher.issue(terms, activationKey, computer);

        assertTrue(groups(key) <= 28, groups(key) + " groups: " + key);
        assertTrue(groups(spelledOut) > 45, "the spelled-out form was " + groups(spelledOut) + " groups");

        ComputerKey typed = ComputerKey.parse(key.toString().toLowerCase().replace('-', ' '), CATALOG);
        typed.verify(activationKey, computer, List.of(publisher.publicKey));
        assertEquals("1234567", typed.terms().activationId());
        assertEquals("11554731", typed.terms().licenseNumber());
        assertEquals(EXPIRES, typed.terms().expires());
        assertEquals(CATALOG, typed.terms().features());
        assertEquals(Instant.parse("2026-11-22T17:00:00Z"), typed.terms().issuedAt(), "to the hour");
        assertEquals(key, typed);
    }

    @Test
    void featuresAreTheCatalogsEntriesTheKeyGrants() {
        List<String> granted = List.of("storage-virtualization", "high-availability");
        ComputerKey key = issue(new Terms(5, "0042", ISSUED, null, granted), CATALOG);
        Terms read = ComputerKey.parse(key.toString(), CATALOG).terms();
        assertEquals(granted, read.features());
        assertEquals("0042", read.licenseNumber(), "leading zeros are kept");
        assertNull(read.expires());
    }

    @Test
    void aCatalogThatGrewSinceStillReadsTheKeyButAnotherCatalogIsRefused() {
        ComputerKey key = issue(new Terms(5, "11554731", ISSUED, EXPIRES, List.of("live-migration")), CATALOG);
        List<String> grown = new ArrayList<>(CATALOG);
        grown.add("gpu-passthrough");
        assertEquals(
                List.of("live-migration"),
                ComputerKey.parse(key.toString(), grown).terms().features());

        List<String> reordered = new ArrayList<>(CATALOG);
        reordered.set(3, "high-availability");
        reordered.set(4, "live-migration");
        assertEquals(Reason.FEATURE_CATALOG_MISMATCH, refusal(() -> ComputerKey.parse(key.toString(), reordered)));
        assertEquals(
                Reason.FEATURE_CATALOG_MISMATCH,
                refusal(() -> ComputerKey.parse(key.toString(), CATALOG.subList(0, 3))));
    }

    @Test
    void withoutTheCatalogTheFormSignatureAndActivationIdAreReadButNotTheFeatures() {
        ComputerKey key = issue(new Terms(77, "11554731", ISSUED, EXPIRES, List.of("live-migration")), CATALOG);
        ComputerKey parsed = ComputerKey.parse(key.toString());
        parsed.verify(activationKey, computer, List.of(publisher.publicKey));
        assertEquals("77", parsed.activationId());
        assertEquals(Reason.FEATURE_CATALOG_MISMATCH, refusal(parsed::terms));

        ComputerKey none = issue(new Terms(78, "11554731", ISSUED, EXPIRES, List.of()), CATALOG);
        assertEquals(
                List.of(), ComputerKey.parse(none.toString()).terms().features(), "no features, no catalog needed");
    }

    @Test
    void everyBitIsSigned() {
        ComputerKey key = issue(new Terms(9, "11554731", ISSUED, EXPIRES, List.of("compute-virtualization")), CATALOG);
        byte[] bytes = TypeableCode.decode(key.toString());
        int signatureStart = bytes.length - 64;
        for (int i = 1; i < signatureStart; i++) {
            for (int bit = 0; bit < 8; bit++) {
                byte[] altered = bytes.clone();
                altered[i] ^= (byte) (1 << bit);
                String typed = TypeableCode.encode(altered);
                Reason reason = refusal(() -> ComputerKey.parse(typed, CATALOG)
                        .verify(activationKey, computer, List.of(publisher.publicKey)));
                assertTrue(
                        reason == Reason.BAD_SIGNATURE
                                || reason == Reason.MALFORMED
                                || reason == Reason.UNKNOWN_PUBLISHER_KEY
                                || reason == Reason.FEATURE_CATALOG_MISMATCH,
                        "byte " + i + " bit " + bit + ": " + reason);
            }
        }
        assertEquals(
                Reason.BAD_SIGNATURE,
                refusal(() -> ComputerKey.parse(key.toString(), CATALOG)
                        .verify(ActivationKey.generate(), computer, List.of(publisher.publicKey))),
                "bound to the activation key");
    }

    @Test
    void twentyFourFeaturesStillFitIn28Groups() {
        List<String> catalog =
                IntStream.range(0, 24).mapToObj(i -> "feature-" + i).toList();
        ComputerKey key = issue(new Terms(4_000_000_000L, "999999999999", ISSUED, EXPIRES, catalog), catalog);
        assertTrue(groups(key) <= 28, groups(key) + " groups");
        assertEquals(catalog, ComputerKey.parse(key.toString(), catalog).terms().features());
    }

    @Test
    void termsTheCompactFormCannotHoldAreLeftToTheSpelledOutForm() {
        assertFalse(ComputerKey.fitsCompact(new Terms(5, "LIC-2026-1", ISSUED, EXPIRES, List.of()), CATALOG));
        assertFalse(ComputerKey.fitsCompact(new Terms(5, "1234567890123", ISSUED, EXPIRES, List.of()), CATALOG));
        assertFalse(ComputerKey.fitsCompact(new Terms(1L << 32, "1", ISSUED, EXPIRES, List.of()), CATALOG));
        assertFalse(ComputerKey.fitsCompact(new Terms(5, "1", ISSUED, LocalDate.of(2200, 1, 1), List.of()), CATALOG));
        assertFalse(ComputerKey.fitsCompact(new Terms(5, "1", ISSUED, EXPIRES, List.of("not-in-catalog")), CATALOG));
        assertThrows(
                IllegalArgumentException.class,
                () -> issue(new Terms(5, "LIC-2026-1", ISSUED, EXPIRES, List.of()), CATALOG));
    }

    private static Reason refusal(Runnable action) {
        return assertThrows(InvalidComputerKeyException.class, action::run).reason();
    }
}
