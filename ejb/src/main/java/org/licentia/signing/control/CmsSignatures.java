package org.licentia.signing.control;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Date;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.cms.Time;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x9.ECNamedCurveTable;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.DefaultSignedAttributeTableGenerator;
import org.bouncycastle.cms.SignerInfoGeneratorBuilder;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.generators.HKDFBytesGenerator;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECNamedDomainParameters;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.params.HKDFParameters;
import org.bouncycastle.crypto.signers.DSADigestSigner;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.crypto.signers.HMacDSAKCalculator;
import org.bouncycastle.crypto.util.SubjectPublicKeyInfoFactory;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.DefaultSignatureAlgorithmIdentifierFinder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.bc.BcDigestCalculatorProvider;

/**
 * X.509 and CMS (PKCS#7) for what an enterprise checks with its own tools ({@code openssl cms},
 * a PKI library) rather than with Licentia's: a detached CMS signature (RFC 5652) carrying the
 * signing key's self-signed certificate.
 *
 * <p>Why ECDSA P-256 and not the Ed25519 key itself: Ed25519 in CMS (RFC 8419) is not verifiable
 * by OpenSSL (3.0 to 3.6 refuse it), the tool an enterprise reaches for first. So each Ed25519
 * signing key has a companion P-256 key derived from its private key (HKDF-SHA256), which needs no
 * storage of its own, never leaves the server, and rotates with the key. ECDSA nonces are
 * deterministic (RFC 6979), so the same key, content and time always give the same bytes.
 */
public final class CmsSignatures {

    /** RFC 5280's "no well-defined expiration": the key's validity is decided by rotation, not by a date. */
    private static final Instant NO_EXPIRY = Instant.parse("9999-12-31T23:59:59Z");

    private static final X9ECParameters P256 = ECNamedCurveTable.getByName("secp256r1");
    /** Named, so that certificates name the curve (as standard tools require) rather than spell it out. */
    private static final ECDomainParameters DOMAIN =
            new ECNamedDomainParameters(org.bouncycastle.asn1.sec.SECObjectIdentifiers.secp256r1, P256);

    private static final AlgorithmIdentifier ECDSA_SHA256 =
            new DefaultSignatureAlgorithmIdentifierFinder().find("SHA256withECDSA");

    private CmsSignatures() {}

    /** The P-256 key that signs CMS for the Ed25519 key with this private key. */
    public record CmsKey(ECPrivateKeyParameters privateKey, ECPublicKeyParameters publicKey) {

        public static CmsKey derivedFrom(byte[] ed25519PrivateKey) {
            HKDFBytesGenerator hkdf = new HKDFBytesGenerator(new SHA256Digest());
            hkdf.init(new HKDFParameters(
                    ed25519PrivateKey, null, "licentia-cms-p256-v1".getBytes(StandardCharsets.US_ASCII)));
            byte[] okm = new byte[48];
            hkdf.generateBytes(okm, 0, okm.length);
            // 384 bits reduced modulo n - 1, plus 1: a uniform scalar in [1, n - 1] (FIPS 186-5 A.2.1)
            BigInteger d = new BigInteger(1, okm)
                    .mod(DOMAIN.getN().subtract(BigInteger.ONE))
                    .add(BigInteger.ONE);
            return new CmsKey(
                    new ECPrivateKeyParameters(d, DOMAIN),
                    new ECPublicKeyParameters(DOMAIN.getG().multiply(d).normalize(), DOMAIN));
        }
    }

    /**
     * The key's self-signed certificate (DER), named after the Ed25519 key's ID. It has no
     * extensions: a key usage without certificate signing would keep standard tools from taking a
     * self-signed certificate as its own trust anchor.
     */
    public static byte[] certificate(String keyId, CmsKey key, Instant createdAt) {
        X500Name name = new X500Name("CN=Licentia publisher key " + keyId);
        try {
            return new X509v3CertificateBuilder(
                            name,
                            serial(keyId),
                            Date.from(createdAt),
                            Date.from(NO_EXPIRY),
                            name,
                            SubjectPublicKeyInfoFactory.createSubjectPublicKeyInfo(key.publicKey()))
                    .build(new EcdsaContentSigner(key))
                    .getEncoded();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A detached CMS SignedData (DER) over {@code content}, signed at {@code signingTime}, carrying {@code certificate}. */
    public static byte[] detached(byte[] content, Instant signingTime, CmsKey key, byte[] certificate) {
        try {
            X509CertificateHolder holder = new X509CertificateHolder(certificate);
            ASN1EncodableVector attributes = new ASN1EncodableVector();
            attributes.add(new Attribute(CMSAttributes.signingTime, new DERSet(new Time(Date.from(signingTime)))));
            CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
            generator.addSignerInfoGenerator(new SignerInfoGeneratorBuilder(new BcDigestCalculatorProvider())
                    .setSignedAttributeGenerator(
                            new DefaultSignedAttributeTableGenerator(new AttributeTable(attributes)))
                    .build(new EcdsaContentSigner(key), holder));
            generator.addCertificate(holder);
            return generator
                    .generate(new CMSProcessableByteArray(content), false)
                    .getEncoded("DER");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (CMSException | OperatorCreationException e) {
            throw new IllegalStateException("A CMS signature could not be made", e);
        }
    }

    /** Positive and stable per key: the first 8 bytes of the SHA-256 of its ID. */
    private static BigInteger serial(String keyId) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(keyId.getBytes(StandardCharsets.UTF_8));
            return new BigInteger(1, java.util.Arrays.copyOf(digest, 8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** ECDSA with SHA-256 and RFC 6979 nonces, as Bouncy Castle's signer interface. One use per instance. */
    private static final class EcdsaContentSigner implements ContentSigner {
        private final DSADigestSigner signer =
                new DSADigestSigner(new ECDSASigner(new HMacDSAKCalculator(new SHA256Digest())), new SHA256Digest());
        private final OutputStream signed = new OutputStream() {
            @Override
            public void write(int b) {
                signer.update((byte) b);
            }

            @Override
            public void write(byte[] b, int off, int len) {
                signer.update(b, off, len);
            }
        };

        EcdsaContentSigner(CmsKey key) {
            signer.init(true, key.privateKey());
        }

        @Override
        public AlgorithmIdentifier getAlgorithmIdentifier() {
            return ECDSA_SHA256;
        }

        @Override
        public OutputStream getOutputStream() {
            return signed;
        }

        @Override
        public byte[] getSignature() {
            return signer.generateSignature();
        }
    }
}
