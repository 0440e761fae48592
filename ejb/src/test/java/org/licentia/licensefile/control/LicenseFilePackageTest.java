package org.licentia.licensefile.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;
import org.junit.jupiter.api.Test;
import org.licentia.client.document.CanonicalJson;
import org.licentia.errors.ErrorCode;
import org.licentia.errors.LicensingException;
import org.licentia.signing.control.Ed25519KeyPair;

class LicenseFilePackageTest {

    static final java.time.Instant T0 = java.time.Instant.parse("2026-11-29T05:00:00Z");
    static final byte[] DOC = "{\"number\":\"12345678\"}".getBytes(StandardCharsets.UTF_8);

    static ErrorCode refusal(byte[] zip) {
        return assertThrows(LicensingException.class, () -> LicenseFilePackage.read(zip))
                .code();
    }

    static byte[] zip(Object... namesAndContents) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (int i = 0; i < namesAndContents.length; i += 2) {
                zip.putNextEntry(new ZipEntry((String) namesAndContents[i]));
                zip.write((byte[]) namesAndContents[i + 1]);
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    @Test
    void readsWhatItWroteAndWritesTheSameBytesForTheSameContents() {
        byte[] zip = LicenseFilePackage.write(new byte[] {1}, new byte[] {2}, null, Map.of("12345678", DOC), null, T0);
        LicenseFilePackage.Contents c = LicenseFilePackage.read(zip);
        assertArrayEquals(new byte[] {1}, c.manifest());
        assertArrayEquals(new byte[] {2}, c.signature());
        assertArrayEquals(DOC, c.documents().get("12345678"));
        assertArrayEquals(
                zip, LicenseFilePackage.write(new byte[] {1}, new byte[] {2}, null, Map.of("12345678", DOC), null, T0));
    }

    @Test
    void refusesWhatIsNotACompleteZip() throws IOException {
        byte[] zip = LicenseFilePackage.write(new byte[] {1}, new byte[] {2}, null, Map.of("12345678", DOC), null, T0);
        assertEquals(ErrorCode.LICENSE_FILE_INVALID, refusal(Arrays.copyOf(zip, zip.length / 2)));
        assertEquals(ErrorCode.LICENSE_FILE_INVALID, refusal(Arrays.copyOf(zip, zip.length - 30)), "its end cut off");
        assertEquals(ErrorCode.LICENSE_FILE_INVALID, refusal(Arrays.copyOf(zip, zip.length + 5)), "bytes appended");
        assertEquals(ErrorCode.LICENSE_FILE_INVALID, refusal("not a zip at all".getBytes(StandardCharsets.UTF_8)));
        assertEquals(ErrorCode.LICENSE_FILE_INVALID, refusal(new byte[0]));
        assertEquals(ErrorCode.LICENSE_FILE_INVALID, refusal(null));
        assertEquals(ErrorCode.LICENSE_FILE_INVALID, refusal(zip("manifest.json", new byte[] {1})));
    }

    @Test
    void refusesEveryNameButItsOwnSoNoPathLeavesTheFolder() throws IOException {
        for (String name : List.of(
                "../manifest.json",
                "/etc/passwd",
                "licenses/../../evil.json",
                "licenses/1234567.json",
                "licenses/12345678.json/",
                "licenses\\12345678.json",
                "C:/x.json",
                "licenses/")) {
            assertEquals(
                    ErrorCode.LICENSE_FILE_INVALID,
                    refusal(zip("manifest.json", new byte[] {1}, "signature.json", new byte[] {2}, name, DOC)),
                    name);
        }
    }

    @Test
    void refusesAnEntryTwice() throws IOException {
        // ZipOutputStream will not write a name twice; an attacker's tool will, so rename one afterwards
        byte[] zip = zip("manifest.json", new byte[] {1}, "manifest.jsoX", new byte[] {1}, "signature.json", DOC);
        String latin1 = new String(zip, StandardCharsets.ISO_8859_1).replace("manifest.jsoX", "manifest.json");
        assertEquals(ErrorCode.LICENSE_FILE_INVALID, refusal(latin1.getBytes(StandardCharsets.ISO_8859_1)));
    }

    @Test
    void aZipBombStopsAtTheLimitsWhateverItsHeadersSay() throws IOException {
        byte[] tenMegabytesOfZeros = new byte[10 * 1024 * 1024];
        assertEquals(
                ErrorCode.PAYLOAD_TOO_LARGE,
                refusal(zip("manifest.json", new byte[] {1}, "licenses/12345678.json", tenMegabytesOfZeros)));
        assertEquals(
                ErrorCode.PAYLOAD_TOO_LARGE,
                refusal(zip("manifest.json", new byte[LicenseFilePackage.MAX_MANIFEST_BYTES + 1])));
        Object[] many = new Object[2 * 1100];
        for (int i = 0; i < 1100; i++) {
            many[2 * i] = LicenseFilePackage.documentName(String.format("%08d", i));
            many[2 * i + 1] = new byte[LicenseFilePackage.MAX_DOCUMENT_BYTES];
        }
        assertEquals(ErrorCode.PAYLOAD_TOO_LARGE, refusal(zip(many)), "64 MiB in all");
        Object[] entries = new Object[2 * (LicenseFilePackage.MAX_ENTRIES + 1)];
        for (int i = 0; i <= LicenseFilePackage.MAX_ENTRIES; i++) {
            entries[2 * i] = LicenseFilePackage.documentName(String.format("%08d", i));
            entries[2 * i + 1] = new byte[0];
        }
        assertEquals(ErrorCode.PAYLOAD_TOO_LARGE, refusal(zip(entries)), "too many entries");
    }

    @Test
    void theManifestVerifiesOnlyWithATrustedKeyAndUnchangedBytes() {
        Ed25519PrivateKeyParameters key = new Ed25519PrivateKeyParameters(new SecureRandom());
        byte[] publicKey = key.generatePublicKey().getEncoded();
        String keyId = Ed25519KeyPair.keyIdOf(publicKey);
        LicenseFileManifest manifest = new LicenseFileManifest(
                "6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b",
                "0011223344556677",
                3,
                java.time.Instant.parse("2026-11-29T05:00:00Z"),
                java.time.Instant.parse("2026-12-29T05:00:00Z"),
                keyId,
                List.of(new LicenseFileManifest.Entry("12345678", LicenseFileManifest.sha256(DOC), "c2ln")));
        byte[] canonical = CanonicalJson.encode(manifest.document());
        Map<String, String> trusted = Map.of(keyId, Base64.getEncoder().encodeToString(publicKey));
        byte[] signatureFile = LicenseFileManifest.signatureFile(keyId, sign(key, canonical));
        assertEquals(
                manifest,
                LicenseFileManifest.verified(
                        new LicenseFilePackage.Contents(canonical, signatureFile, Map.of(), null), trusted));

        byte[] changed = canonical.clone();
        changed[changed.length / 2] ^= 1;
        assertEquals(
                ErrorCode.LICENSE_FILE_SIGNATURE_INVALID,
                assertThrows(
                                LicensingException.class,
                                () -> LicenseFileManifest.verified(
                                        new LicenseFilePackage.Contents(changed, signatureFile, Map.of(), null),
                                        trusted))
                        .code());
        Ed25519PrivateKeyParameters stranger = new Ed25519PrivateKeyParameters(new SecureRandom());
        byte[] strangersSignature = LicenseFileManifest.signatureFile(
                Ed25519KeyPair.keyIdOf(stranger.generatePublicKey().getEncoded()), sign(stranger, canonical));
        assertEquals(
                ErrorCode.LICENSE_FILE_SIGNATURE_INVALID,
                assertThrows(
                                LicensingException.class,
                                () -> LicenseFileManifest.verified(
                                        new LicenseFilePackage.Contents(canonical, strangersSignature, Map.of(), null),
                                        trusted))
                        .code());
        assertEquals(
                ErrorCode.LICENSE_FILE_INVALID,
                assertThrows(
                                LicensingException.class,
                                () -> LicenseFileManifest.verified(
                                        new LicenseFilePackage.Contents(canonical, new byte[] {'x'}, Map.of(), null),
                                        trusted))
                        .code());
    }

    static String sign(Ed25519PrivateKeyParameters key, byte[] message) {
        Ed25519Signer signer = new Ed25519Signer();
        signer.init(true, key);
        signer.update(message, 0, message.length);
        return Base64.getEncoder().encodeToString(signer.generateSignature());
    }
}
