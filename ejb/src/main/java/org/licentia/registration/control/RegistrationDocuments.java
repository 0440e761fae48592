package org.licentia.registration.control;

import java.time.Instant;
import java.util.Map;
import org.licentia.catalog.control.LicenseDocuments;
import org.licentia.catalog.entity.License;

/**
 * What the publisher signs when it hands a license to an on-prem instance: the license's terms
 * bound to that instance's ID, so a document cannot be replayed on another instance.
 */
public final class RegistrationDocuments {

    public static final String TYPE = "licentia.registration.v1";

    private RegistrationDocuments() {}

    public static Map<String, Object> documentOf(License license, String instanceId, String keyId, Instant issuedAt) {
        Map<String, Object> doc = LicenseDocuments.terms(TYPE, license, keyId, issuedAt);
        doc.put("instanceId", instanceId);
        doc.values().removeIf(v -> v == null);
        return doc;
    }
}
