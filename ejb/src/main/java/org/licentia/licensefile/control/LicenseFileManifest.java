package org.licentia.licensefile.control;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.ByteArrayInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.licentia.client.document.DocumentSignature;
import org.licentia.errors.ErrorCode;
import org.licentia.errors.LicensingException;

/**
 * A license file's manifest: which instance it is for (its ID and its key's fingerprint), its
 * serial, when it was issued and until when it may be applied, the publisher key that signed it,
 * and each license's document by SHA-256 with that document's own signature. The manifest's
 * signature (in {@code signature.json}) covers its canonical bytes, so it covers every document.
 */
public record LicenseFileManifest(
        String instanceId,
        String instanceKey,
        long serial,
        Instant issuedAt,
        Instant applyBefore,
        String keyId,
        List<Entry> licenses) {

    public static final String TYPE = "licentia.license-file.v1";

    /** One license: its number, the SHA-256 (hex) of its document's bytes and the document's signature. */
    public record Entry(String number, String sha256, String signature) {}

    /** The manifest as the publisher signs it. */
    public Map<String, Object> document() {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("type", TYPE);
        doc.put("instanceId", instanceId);
        doc.put("instanceKey", instanceKey);
        doc.put("serial", serial);
        doc.put("issuedAt", issuedAt.toString());
        doc.put("applyBefore", applyBefore.toString());
        doc.put("keyId", keyId);
        List<Map<String, Object>> entries = new ArrayList<>(licenses.size());
        for (Entry e : licenses) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("number", e.number());
            m.put("sha256", e.sha256());
            m.put("signature", e.signature());
            entries.add(m);
        }
        doc.put("licenses", entries);
        return doc;
    }

    /** {@code signature.json}: the manifest's detached signature, as every Licentia document carries one. */
    public static byte[] signatureFile(String keyId, String signatureBase64) {
        return Json.createObjectBuilder()
                .add("algorithm", DocumentSignature.ALGORITHM)
                .add("keyId", keyId)
                .add("signature", signatureBase64)
                .build()
                .toString()
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    /**
     * The manifest of a license file, once its signature is one of {@code trustedKeys} (key ID to
     * Base64 public key) over its exact bytes.
     */
    public static LicenseFileManifest verified(LicenseFilePackage.Contents contents, Map<String, String> trustedKeys) {
        JsonObject signature = json(contents.signature(), LicenseFilePackage.SIGNATURE);
        String keyId;
        String signatureBase64;
        try {
            keyId = signature.getString("keyId");
            signatureBase64 = signature.getString("signature");
            if (!DocumentSignature.ALGORITHM.equals(signature.getString("algorithm"))) {
                throw signatureInvalid("The license file is signed with an algorithm Licentia does not use");
            }
        } catch (NullPointerException | ClassCastException e) {
            throw invalid("The license file's signature.json lacks a member or has a wrong one");
        }
        String key = trustedKeys.get(keyId);
        if (key == null) {
            throw signatureInvalid(
                    "The license file is signed by key " + printable(keyId) + ", which this instance does not trust");
        }
        if (!DocumentSignature.verify(contents.manifest(), signatureBase64, key)) {
            throw signatureInvalid(
                    "The license file's manifest does not match its signature: it was changed or damaged");
        }
        JsonObject m = json(contents.manifest(), LicenseFilePackage.MANIFEST);
        try {
            if (!TYPE.equals(m.getString("type")) || !keyId.equals(m.getString("keyId"))) {
                throw invalid("The license file's manifest is not a Licentia license file manifest");
            }
            List<Entry> entries = new ArrayList<>();
            for (JsonValue v : m.getJsonArray("licenses")) {
                JsonObject e = v.asJsonObject();
                entries.add(new Entry(e.getString("number"), e.getString("sha256"), e.getString("signature")));
            }
            return new LicenseFileManifest(
                    m.getString("instanceId"),
                    m.getString("instanceKey"),
                    m.getJsonNumber("serial").longValueExact(),
                    Instant.parse(m.getString("issuedAt")),
                    Instant.parse(m.getString("applyBefore")),
                    keyId,
                    List.copyOf(entries));
        } catch (LicensingException e) {
            throw e;
        } catch (RuntimeException e) {
            throw invalid("The license file's manifest lacks a member or has a wrong one");
        }
    }

    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonObject json(byte[] bytes, String name) {
        try {
            return Json.createReader(new ByteArrayInputStream(bytes)).readObject();
        } catch (RuntimeException e) {
            throw invalid("The license file's " + name + " is not a JSON object");
        }
    }

    private static String printable(String s) {
        if (s == null) {
            return "(none)";
        }
        // a key ID is 16 hex digits; whatever else a forged file says is not echoed at length
        return (s.length() > 40 ? s.substring(0, 40) + "..." : s).replaceAll("[^0-9A-Za-z_.-]", "?");
    }

    static LicensingException invalid(String message) {
        return new LicensingException(ErrorCode.LICENSE_FILE_INVALID, message + ". Nothing was changed.");
    }

    private static LicensingException signatureInvalid(String message) {
        return new LicensingException(ErrorCode.LICENSE_FILE_SIGNATURE_INVALID, message + ". Nothing was changed.");
    }
}
