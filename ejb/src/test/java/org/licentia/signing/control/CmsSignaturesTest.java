package org.licentia.signing.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.cms.Time;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.junit.jupiter.api.Test;

class CmsSignaturesTest {

    private static final Instant CREATED = Instant.parse("2026-11-01T00:00:00Z");
    private static final Instant SIGNED = Instant.parse("2026-11-29T12:00:00Z");
    private static final byte[] MANIFEST = "{\"type\":\"licentia.license-file.v1\"}".getBytes(StandardCharsets.UTF_8);

    private final Ed25519KeyPair signingKey = Ed25519KeyPair.generate();
    private final CmsSignatures.CmsKey key = CmsSignatures.CmsKey.derivedFrom(signingKey.privateKeyBytes());

    @Test
    void eachSigningKeyHasItsOwnCompanionKeyAlwaysTheSame() {
        var again = CmsSignatures.CmsKey.derivedFrom(signingKey.privateKeyBytes());
        assertEquals(key.publicKey().getQ(), again.publicKey().getQ());
        var other = CmsSignatures.CmsKey.derivedFrom(Ed25519KeyPair.generate().privateKeyBytes());
        assertFalse(key.publicKey().getQ().equals(other.publicKey().getQ()));
    }

    @Test
    void theCertificateIsTheKeysOwnAndSelfSigned() throws Exception {
        X509CertificateHolder certificate =
                new X509CertificateHolder(CmsSignatures.certificate(signingKey.keyId(), key, CREATED));
        assertTrue(certificate.isSignatureValid(new JcaContentVerifierProviderBuilder().build(certificate)));
        assertEquals(certificate.getIssuer(), certificate.getSubject());
        assertTrue(
                certificate.getSubject().toString().contains(signingKey.keyId()), "named after the key it stands for");
        byte[] point = certificate.getSubjectPublicKeyInfo().getPublicKeyData().getBytes();
        assertArrayEquals(key.publicKey().getQ().getEncoded(false), point, "the certificate holds the companion key");
        assertEquals(CREATED, certificate.getNotBefore().toInstant());
        assertTrue(certificate.getNotAfter().toInstant().isAfter(Instant.parse("9999-01-01T00:00:00Z")));
        assertFalse(certificate.hasExtensions(), "no key usage that would keep it from being its own anchor");
    }

    @Test
    void theDetachedSignatureVerifiesWithItsCertificateAndOnlyOverTheContent() throws Exception {
        byte[] certificate = CmsSignatures.certificate(signingKey.keyId(), key, CREATED);
        assertArrayEquals(certificate, CmsSignatures.certificate(signingKey.keyId(), key, CREATED));
        byte[] cms = CmsSignatures.detached(MANIFEST, SIGNED, key, certificate);
        assertArrayEquals(cms, CmsSignatures.detached(MANIFEST, SIGNED, key, certificate), "the same bytes again");

        SignerInformation signer = signerOf(cms, MANIFEST);
        X509CertificateHolder carried =
                (X509CertificateHolder) new CMSSignedData(new CMSProcessableByteArray(MANIFEST), cms)
                        .getCertificates()
                        .getMatches(signer.getSID())
                        .iterator()
                        .next();
        assertArrayEquals(certificate, carried.getEncoded(), "the signature carries the key's certificate");
        assertTrue(signer.verify(new JcaSimpleSignerInfoVerifierBuilder().build(carried)));
        assertEquals(
                SIGNED,
                Time.getInstance(signer.getSignedAttributes()
                                .get(CMSAttributes.signingTime)
                                .getAttrValues()
                                .getObjectAt(0))
                        .getDate()
                        .toInstant(),
                "signed at the file's issue time");

        byte[] changed = MANIFEST.clone();
        changed[changed.length - 2] ^= 1;
        SignerInformation overChanged = signerOf(cms, changed);
        boolean verified;
        try {
            verified = overChanged.verify(new JcaSimpleSignerInfoVerifierBuilder().build(carried));
        } catch (org.bouncycastle.cms.CMSSignerDigestMismatchException mismatch) {
            verified = false;
        }
        assertFalse(verified, "a changed manifest does not verify");
    }

    private static SignerInformation signerOf(byte[] cms, byte[] content) throws Exception {
        return new CMSSignedData(new CMSProcessableByteArray(content), cms)
                .getSignerInfos()
                .getSigners()
                .iterator()
                .next();
    }
}
