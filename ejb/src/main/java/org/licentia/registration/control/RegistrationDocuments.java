package org.licentia.registration.control;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.licentia.catalog.entity.License;

/**
 * What the publisher signs when it hands a license to an on-prem instance: the license's terms
 * bound to that instance's ID, so a document cannot be replayed on another instance.
 */
public final class RegistrationDocuments {

    public static final String TYPE = "licentia.registration.v1";

    private RegistrationDocuments() {
    }

    public static Map<String, Object> documentOf(License license, String instanceId, String keyId, Instant issuedAt) {
        var t = license.terms();
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("type", TYPE);
        doc.put("number", license.number());
        doc.put("account", license.owner().name());
        doc.put("product", license.product().code());
        doc.put("edition", license.edition().code());
        doc.put("features", license.edition().features());
        doc.put("seats", (long) t.seats());
        doc.put("quotaMetric", t.quotaMetric().id());
        doc.put("quota", (long) t.quota());
        doc.put("starts", t.starts().toString());
        doc.put("expires", t.expires() == null ? null : t.expires().toString());
        doc.put("supportExpires", t.supportExpires() == null ? null : t.supportExpires().toString());
        doc.put("instanceId", instanceId);
        doc.put("issuedAt", issuedAt.toString());
        doc.put("keyId", keyId);
        doc.values().removeIf(v -> v == null);
        return doc;
    }
}
