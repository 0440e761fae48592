package org.licentia.catalog.control;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.licentia.catalog.entity.License;

/**
 * The signed form of a license: the fields a client relies on offline. Only strings, integers and
 * lists of strings, so its canonical bytes ({@link org.licentia.client.document.CanonicalJson}) are
 * the same for signer and verifier.
 */
public final class LicenseDocuments {

    public static final String TYPE = "licentia.license.v1";

    private LicenseDocuments() {}

    public static Map<String, Object> documentOf(License license, String keyId, Instant issuedAt) {
        Map<String, Object> doc = terms(TYPE, license, keyId, issuedAt);
        doc.put("state", license.state().id());
        doc.put("maxActivations", (long) license.terms().maxActivations());
        doc.put("registeredInstance", license.registeredInstance());
        doc.values().removeIf(v -> v == null);
        return doc;
    }

    /**
     * The members every signed document about a license carries, the same way in each: its
     * identity, owner, product and terms, with the document type, issue time and signing key.
     */
    public static Map<String, Object> terms(String type, License license, String keyId, Instant issuedAt) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("type", type);
        doc.put("number", license.number());
        doc.put("account", license.owner().name());
        doc.put("product", license.product().code());
        doc.put("edition", license.edition().code());
        doc.put("features", license.edition().features());
        doc.put("seats", (long) license.terms().seats());
        doc.put("quotaMetric", license.terms().quotaMetric().id());
        doc.put("quota", (long) license.terms().quota());
        doc.put("starts", license.terms().starts().toString());
        doc.put(
                "expires",
                license.terms().expires() == null
                        ? null
                        : license.terms().expires().toString());
        doc.put(
                "supportExpires",
                license.terms().supportExpires() == null
                        ? null
                        : license.terms().supportExpires().toString());
        doc.put("issuedAt", issuedAt.toString());
        doc.put("keyId", keyId);
        return doc;
    }
}
