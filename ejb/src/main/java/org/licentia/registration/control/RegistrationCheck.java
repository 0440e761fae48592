package org.licentia.registration.control;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.util.Map;
import java.util.stream.Collectors;
import org.licentia.client.document.DocumentSignature;
import org.licentia.errors.ErrorCode;
import org.licentia.errors.LicensingException;
import org.licentia.registration.entity.HostedTerms;

/**
 * Checks a registration document from the publisher before the instance relies on it: signed by a
 * publisher key, of the registration type, for the expected license and for this instance.
 */
public final class RegistrationCheck {

    private RegistrationCheck() {}

    /**
     * Checks many documents on all cores (signature checks are pure computation) and keeps the
     * answer's order; the first bad document fails them all.
     */
    public static Map<String, HostedTerms> verifiedAll(
            java.util.List<UpstreamPublisher.SignedRegistration> registrations,
            Map<String, String> publisherKeys,
            String instanceId) {
        java.util.List<HostedTerms> terms = registrations.parallelStream()
                .map(r -> verified(r, publisherKeys, instanceId))
                .toList();
        Map<String, HostedTerms> byNumber = new java.util.LinkedHashMap<>();
        for (int i = 0; i < registrations.size(); i++) {
            byNumber.put(registrations.get(i).number(), terms.get(i));
        }
        return byNumber;
    }

    public static HostedTerms verified(
            UpstreamPublisher.SignedRegistration r, Map<String, String> publisherKeys, String instanceId) {
        String key = publisherKeys.get(r.keyId());
        if (key == null || !DocumentSignature.verify(r.document(), r.signature(), key)) {
            throw invalid("The publisher's document for license " + r.number() + " does not carry a valid signature");
        }
        JsonObject doc;
        try {
            doc = Json.createReader(new ByteArrayInputStream(r.document())).readObject();
        } catch (RuntimeException e) {
            throw invalid("The publisher's document for license " + r.number() + " cannot be read");
        }
        try {
            if (!RegistrationDocuments.TYPE.equals(doc.getString("type"))
                    || !r.number().equals(doc.getString("number"))
                    || !instanceId.equals(doc.getString("instanceId"))
                    || !r.keyId().equals(doc.getString("keyId"))) {
                throw invalid(
                        "The publisher's document for license " + r.number() + " is for another license or instance");
            }
            JsonArray features = doc.getJsonArray("features");
            return new HostedTerms(
                    doc.getString("account"),
                    doc.getString("product"),
                    doc.getString("edition"),
                    features == null
                            ? ""
                            : features.getValuesAs(JsonString.class).stream()
                                    .map(JsonString::getString)
                                    .collect(Collectors.joining(",")),
                    doc.getJsonNumber("seats").intValueExact(),
                    doc.getString("quotaMetric"),
                    doc.getJsonNumber("quota").intValueExact(),
                    LocalDate.parse(doc.getString("starts")),
                    date(doc, "expires"),
                    date(doc, "supportExpires"));
        } catch (LicensingException e) {
            throw e;
        } catch (RuntimeException e) {
            throw invalid("The publisher's document for license " + r.number() + " lacks a field or has a wrong one");
        }
    }

    private static LocalDate date(JsonObject doc, String field) {
        return doc.containsKey(field) ? LocalDate.parse(doc.getString(field)) : null;
    }

    private static LicensingException invalid(String message) {
        return new LicensingException(ErrorCode.UPSTREAM_INVALID_ANSWER, message);
    }
}
