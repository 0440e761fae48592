package org.licentia.client.activation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ComputerIdTest {

    static final MachineFacts WORKSTATION =
            new MachineFacts("linux", "0f3c5a9d2b7e4c18a6d1e2f3a4b5c6d7", null, List.of());
    static final MachineFacts LAPTOP = new MachineFacts("linux", "7d6c5b4a3f2e1d6a81c4e7b2d9a5c3f0", null, List.of());

    @TempDir
    Path here;

    @TempDir
    Path there;

    @Test
    void isSixGroupsOfFiveWithTheCheckSymbolLast() {
        String id = ComputerId.of(WORKSTATION, Installation.open(here)).toString();
        assertTrue(id.matches("[0-9A-HJKMNP-TV-Z]{5}(-[0-9A-HJKMNP-TV-Z]{5}){5}"), id);
        assertEquals(id, ComputerId.parse(id.toLowerCase().replace("-", "")).toString());
    }

    @Test
    void isStableForTheSameFactsAndKey() {
        Installation installation = Installation.open(here);
        ComputerId id = ComputerId.of(WORKSTATION, installation);
        assertEquals(
                id,
                ComputerId.of(
                        new MachineFacts(" Linux ", "0F3C5A9D2B7E4C18A6D1E2F3A4B5C6D7\n", null, null),
                        Installation.open(here)));
        assertEquals(id.hashCode(), ComputerId.parse(id.toString()).hashCode());
    }

    @Test
    void differsForOtherFactsOrAnotherInstallation() {
        Installation installation = Installation.open(here);
        ComputerId id = ComputerId.of(WORKSTATION, installation);
        assertNotEquals(id, ComputerId.of(LAPTOP, installation));
        assertNotEquals(
                id,
                ComputerId.of(new MachineFacts("windows", WORKSTATION.machineIdentifier(), null, null), installation));
        assertNotEquals(id, ComputerId.of(WORKSTATION, Installation.open(there)));
        assertTrue(id.isOfKey(installation.publicKey()));
        assertTrue(ComputerId.of(LAPTOP, installation).isOfKey(installation.publicKey()));
        assertFalse(id.isOfKey(Installation.open(there).publicKey()));
    }

    @Test
    void usesHostAndHardwareAddressesOnlyWithoutAMachineIdentifier() {
        byte[] key = Installation.open(here).publicKey();
        MachineFacts withIdentifier = new MachineFacts("linux", "0f3c5a9d", "build-7", List.of("3c:22:fb:01:02:03"));
        assertEquals(
                ComputerId.of(withIdentifier, key),
                ComputerId.of(new MachineFacts("linux", "0f3c5a9d", "renamed", List.of("3c:22:fb:99:99:99")), key));

        MachineFacts without =
                new MachineFacts("linux", null, "build-7", List.of("3c:22:fb:01:02:03", "00:1b:21:0a:0b:0c"));
        assertEquals(
                ComputerId.of(without, key),
                ComputerId.of(
                        new MachineFacts("linux", " ", "BUILD-7", List.of("00:1B:21:0A:0B:0C", "3c:22:fb:01:02:03")),
                        key),
                "the order of the interfaces does not matter");
        assertNotEquals(
                ComputerId.of(without, key),
                ComputerId.of(new MachineFacts("linux", null, "build-8", without.hardwareAddresses()), key));
        assertNotEquals(
                ComputerId.of(without, key),
                ComputerId.of(new MachineFacts("linux", null, "build-7", List.of("3c:22:fb:01:02:03")), key));
    }

    @Test
    void everyMistypedSymbolAndEverySwapOfNeighboursIsCaught() {
        byte[] key = Installation.open(here).publicKey();
        for (int i = 0; i < 20; i++) {
            String id = ComputerId.of(new MachineFacts("linux", "machine-" + i, null, null), key)
                    .toString();
            for (String typo : Typos.substitutions(id)) {
                assertThrows(MalformedCodeException.class, () -> ComputerId.parse(typo), typo);
            }
            for (String typo : Typos.transpositions(id)) {
                assertThrows(MalformedCodeException.class, () -> ComputerId.parse(typo), typo);
            }
        }
    }

    @Test
    void theRealMachineHasAStableId() {
        Installation installation = Installation.open(here);
        ComputerId id = ComputerId.ofThisMachine(installation);
        assertEquals(id, ComputerId.ofThisMachine(installation));
        assertEquals(id, ComputerId.parse(id.toString()));
        assertFalse(MachineFacts.ofThisMachine().osFamily().isEmpty());
    }

    @Test
    void namesOperatingSystemsByFamilyNotVersion() {
        assertEquals("windows", MachineFacts.osFamily("Windows 10"));
        assertEquals("windows", MachineFacts.osFamily("Windows 11"));
        assertEquals("macos", MachineFacts.osFamily("Mac OS X"));
        assertEquals("linux", MachineFacts.osFamily("Linux"));
        assertEquals("freebsd", MachineFacts.osFamily("FreeBSD"));
    }
}
