package org.licentia.signing.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.licentia.catalog.control.LicenseDocuments;
import org.licentia.catalog.entity.Account;
import org.licentia.catalog.entity.Edition;
import org.licentia.catalog.entity.License;
import org.licentia.catalog.entity.LicenseTerms;
import org.licentia.catalog.entity.Product;
import org.licentia.catalog.entity.QuotaMetric;
import org.licentia.client.document.CanonicalJson;
import org.licentia.client.document.DocumentSignature;

class SigningTest {

    @Test
    void aSignedLicenseDocumentVerifiesAndAnyChangedByteIsRejected() {
        Ed25519KeyPair key = Ed25519KeyPair.generate();
        Product product = new Product("CLOUD-PLATFORM", "Cloud Platform");
        Edition edition = new Edition(product, "BASIC", "Basic", null, null, true, List.of("compute"));
        License license = new License(
                "11554731",
                new Account("Example User 1", Instant.now()),
                edition,
                new LicenseTerms(
                        20, QuotaMetric.SEATS, 20, LocalDate.of(2026, 1, 1), LocalDate.of(2027, 12, 31), null, 20),
                "KEY",
                Instant.now());
        Map<String, Object> document = LicenseDocuments.documentOf(license, key.keyId(), Instant.now());
        byte[] canonical = CanonicalJson.encode(document);
        String signature = Base64.getEncoder().encodeToString(key.sign(canonical));
        String publicKey = Base64.getEncoder().encodeToString(key.publicKey());

        assertTrue(DocumentSignature.verify(document, signature, publicKey));
        for (int i = 0; i < canonical.length; i++) {
            byte[] tampered = canonical.clone();
            tampered[i] ^= 0x20;
            assertFalse(DocumentSignature.verify(tampered, signature, publicKey), "byte " + i);
        }
    }

    @Test
    void keyIdsAreStableAndDistinct() {
        Ed25519KeyPair a = Ed25519KeyPair.generate();
        Ed25519KeyPair again = Ed25519KeyPair.fromPrivate(a.privateKeyBytes());
        assertEquals(a.keyId(), again.keyId());
        assertArrayEquals(a.publicKey(), again.publicKey());
        assertFalse(a.keyId().equals(Ed25519KeyPair.generate().keyId()));
        assertEquals(16, a.keyId().length());
    }

    @Test
    void theMasterKeySealsPrivateKeysAndDetectsTamperingOrAnotherKey(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("licentia/signing-master.key");
        MasterKey master = MasterKey.fromFile(file);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        byte[] secret = Ed25519KeyPair.generate().privateKeyBytes();
        byte[] sealed = master.seal(secret);
        assertFalse(new String(sealed, java.nio.charset.StandardCharsets.ISO_8859_1)
                .contains(new String(secret, java.nio.charset.StandardCharsets.ISO_8859_1)));
        assertArrayEquals(
                secret, MasterKey.fromFile(file).unseal(sealed), "the same file gives the same key after a restart");

        sealed[sealed.length - 1] ^= 1;
        assertThrows(IllegalStateException.class, () -> master.unseal(sealed));
        assertThrows(
                IllegalStateException.class, () -> MasterKey.of(new byte[32]).unseal(master.seal(secret)));
    }
}
