package org.licentia.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.xml.ws.BindingProvider;
import jakarta.xml.ws.soap.MTOMFeature;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.licentia.client.licensefile.RequestCode;
import org.licentia.ws.licensing.v1.CreateLicenseFile;
import org.licentia.ws.licensing.v1.CreateLicenseFileResponse;
import org.licentia.ws.licensing.v1.GetRequestCode;
import org.licentia.ws.licensing.v1.GetRequestCodeResponse;
import org.licentia.ws.licensing.v1.LicenseFileMtomService;
import org.licentia.ws.licensing.v1.LicenseFilePort;
import org.licentia.ws.licensing.v1.LicenseFileService;
import org.licentia.ws.licensing.v1.UploadLicenseFile;
import org.licentia.ws.licensing.v1.UploadLicenseFileResponse;

/**
 * Request-key licensing (seed 002) between two real servers: the publisher under test (8280) makes
 * license files from the request codes of an on-prem instance (8480) that cannot reach it (its
 * upstream, {@link PublisherProxy}, drops every call), and the instance runs on those files alone.
 * Every bad file and request code of the issue is tried, over REST, SOAP and the CLI as a process.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LicenseFileIT extends WithOnPremInstance {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final int PUBLISHER_MANAGEMENT = 10190;
    private static final int ON_PREM_MANAGEMENT = 10390;

    private static PublisherProxy proxy;

    @TempDir
    Path dir;

    @BeforeAll
    static void openProxy() {
        proxy = PublisherProxy.to(Api.BASE);
    }

    @AfterAll
    static void closeProxy() {
        proxy.close();
        ServerSettings.set(ON_PREM_MANAGEMENT, "licentia.upstream.public-keys", null);
        ServerSettings.set(ON_PREM_MANAGEMENT, "licentia.upstream.public-keys-file", null);
        ServerSettings.set(PUBLISHER_MANAGEMENT, "licentia.license-files.valid-for", null);
    }

    /** The instance is air-gapped: every call to its publisher is dropped; it trusts the key it was installed with. */
    @BeforeEach
    void airGappedOnPrem() {
        proxy.breakWith(PublisherProxy.Mode.DROP, "");
        OnPrem.trustPublisherKeys();
    }

    @AfterEach
    void heal() {
        proxy.heal();
    }

    @Test
    @Order(1)
    void anAirGappedInstanceRunsOnLicenseFilesAndAnOlderFileNeverComesBack() throws Exception {
        Customer c = Customer.create("Air-gapped");
        String manager = c.user("manager", "license-manager");
        Api publisher = Api.as(manager, c.password(manager));
        String a = c.license(2);
        String b = c.license(5);

        Api.Reply online = OnPrem.plan(manager, c.password(manager), List.of(a));
        assertEquals(502, online.status(), online.body());
        assertEquals("UPSTREAM_UNAVAILABLE", online.code());
        assertTrue(online.json().getString("detail").contains("cannot be reached"), online.body());

        JsonObject code = OnPrem.ADMIN.get("/api/v1/license-files/request-code").json();
        String instanceId = code.getString("instanceId");
        assertEquals(RequestCode.parse(code.getString("code")), RequestCode.parse(code.getString("file")));
        long serialBefore = code.getJsonNumber("lastSerial").longValue();

        Reply first = create(publisher, code.getString("code"), List.of(a));
        assertEquals(200, first.status(), first.text());
        assertEquals("application/zip", first.contentType());
        assertEquals(Long.toString(serialBefore + 1), first.header("X-Licentia-Serial"));
        assertEquals(instanceId, Customer.registeredInstance(a), "registered to the instance at the publisher");

        JsonObject applied = upload(first.body()).json();
        assertEquals(List.of(a), strings(applied, "added"));
        JsonObject hostedA = OnPrem.hosted().get(a);
        assertEquals("license-file", hostedA.getString("source"));
        assertEquals(serialBefore + 1, hostedA.getJsonNumber("fileSerial").longValue());
        assertEquals(2, hostedA.getInt("seats"));

        String token = onPremClientToken();
        Api.Reply seat = Api.bearer(OnPrem.BASE, token)
                .post("/api/v1/seats", "{\"license\":\"" + a + "\",\"client\":\"air-gapped-1\"}");
        assertEquals(201, seat.status(), seat.body());

        Api.Reply sync = OnPrem.ADMIN.post("/api/v1/sync", "{}");
        assertEquals(200, sync.status(), sync.body());
        assertEquals("valid", OnPrem.hosted().get(a).getString("status"), "sync never asks about a file's licenses");

        String secondCode =
                OnPrem.ADMIN.get("/api/v1/license-files/request-code").json().getString("code");
        assertEquals(serialBefore + 1, RequestCode.parse(secondCode).lastSerial());
        Reply second = create(publisher, secondCode, List.of(b));
        assertEquals(200, second.status(), second.text());
        assertEquals(
                new java.util.TreeSet<>(List.of(a, b)).stream().toList(),
                documentsIn(second.body()),
                "a new file carries the earlier file's licenses");
        JsonObject update = upload(second.body()).json();
        assertEquals(List.of(b), strings(update, "added"));
        assertEquals(List.of(a), strings(update, "updated"));

        Reply replayed = upload(first.body());
        assertEquals(409, replayed.status(), replayed.text());
        assertEquals("LICENSE_FILE_SUPERSEDED", replayed.code());
        assertTrue(upload(second.body()).json().getBoolean("alreadyApplied"));
        assertEquals(
                serialBefore + 2,
                OnPrem.hosted().get(a).getJsonNumber("fileSerial").longValue());
        assertEquals(
                serialBefore + 2,
                OnPrem.ADMIN
                        .get("/api/v1/license-files/applied")
                        .json()
                        .getJsonArray("files")
                        .getJsonObject(0)
                        .getJsonNumber("serial")
                        .longValue());

        List<JsonObject> records = OnPrem.ADMIN
                .get("/api/v1/licensing-records?method=license-file&size=10")
                .json()
                .getJsonArray("records")
                .getValuesAs(JsonObject.class);
        assertTrue(
                records.stream()
                        .anyMatch(r -> b.equals(r.getString("license"))
                                && "UPDATE".equals(r.getString("managementType"))
                                && "LICENSE_FILE".equals(r.getString("method"))
                                && "5 seats".equals(r.getString("quota"))
                                && "VALID".equals(r.getString("status"))
                                && "2027-12-31".equals(r.getString("expires"))),
                records.toString());
        assertEquals(
                "CONFIGURED",
                OnPrem.ADMIN
                        .get("/api/v1/license-files/trusted-keys")
                        .json()
                        .getJsonArray("keys")
                        .getJsonObject(0)
                        .getString("pinnedBy"));

        Reply elsewhere = create(publisher, strangerCode(0).text(), List.of(a));
        assertEquals(409, elsewhere.status(), elsewhere.text());
        assertEquals("LICENSE_REGISTERED_ELSEWHERE", elsewhere.code());
        assertEquals(
                "LICENSE_REGISTERED_ELSEWHERE",
                Api.admin()
                        .put(
                                "/api/v1/instances/" + UUID.randomUUID() + "/registrations",
                                "{\"publicKey\":\"" + Base64.getEncoder().encodeToString(new byte[32])
                                        + "\",\"implicit\":false,\"licenses\":[\"" + a + "\"]}")
                        .code(),
                "nor can it be registered online elsewhere");
    }

    @Test
    @Order(2)
    void everyBadFileOrRequestCodeIsRefusedWithItsOwnErrorAndChangesNothing() throws Exception {
        Customer c = Customer.create("Bad files");
        String a = c.license(3);
        String code =
                OnPrem.ADMIN.get("/api/v1/license-files/request-code").json().getString("code");
        byte[] good = create(Api.admin(), code, List.of(a)).body();
        Map<String, JsonObject> hostedBefore = OnPrem.hosted();
        String appliedBefore = OnPrem.ADMIN.get("/api/v1/license-files/applied").body();

        assertRefused(400, "LICENSE_FILE_INVALID", java.util.Arrays.copyOf(good, good.length - 40));
        assertRefused(400, "LICENSE_FILE_INVALID", "PK\u0003\u0004 garbage".getBytes(StandardCharsets.UTF_8));
        Map<String, byte[]> entries = unzip(good);
        Map<String, byte[]> escaping = new LinkedHashMap<>(entries);
        escaping.put("licenses/../../../tmp/evil.json", new byte[] {'{', '}'});
        assertRefused(400, "LICENSE_FILE_INVALID", zip(escaping));
        Map<String, byte[]> bomb = new LinkedHashMap<>(entries);
        bomb.put("licenses/99999999.json", new byte[50 * 1024 * 1024]);
        assertRefused(413, "PAYLOAD_TOO_LARGE", zip(bomb));

        String documentName = "licenses/" + a + ".json";
        Map<String, byte[]> changedDocument = new LinkedHashMap<>(entries);
        changedDocument.put(documentName, flipped(entries.get(documentName), "\"seats\":3", "\"seats\":9"));
        assertRefused(400, "LICENSE_FILE_SIGNATURE_INVALID", zip(changedDocument));
        Map<String, byte[]> changedManifest = new LinkedHashMap<>(entries);
        changedManifest.put("manifest.json", flipped(entries.get("manifest.json"), "\"serial\":", "\"serial\":1"));
        assertRefused(400, "LICENSE_FILE_SIGNATURE_INVALID", zip(changedManifest));
        Map<String, byte[]> strangersSignature = new LinkedHashMap<>(entries);
        strangersSignature.put("signature.json", strangerSignature(entries.get("manifest.json")));
        assertRefused(400, "LICENSE_FILE_SIGNATURE_INVALID", zip(strangersSignature));

        Customer other = Customer.create("Other instance");
        Reply forAnother = create(Api.admin(), strangerCode(0).text(), List.of(other.license(1)));
        assertEquals(200, forAnother.status(), forAnother.text());
        assertRefused(409, "LICENSE_FILE_WRONG_INSTANCE", forAnother.body());

        ServerSettings.set(PUBLISHER_MANAGEMENT, "licentia.license-files.valid-for", "PT1S");
        byte[] shortLived = create(Api.admin(), code, List.of(c.license(1))).body();
        ServerSettings.set(PUBLISHER_MANAGEMENT, "licentia.license-files.valid-for", null);
        Thread.sleep(1500);
        assertRefused(409, "LICENSE_FILE_EXPIRED", shortLived);

        Reply anonymous = bytes("POST", OnPrem.BASE, "/api/v1/license-files/upload", null, "application/zip", good);
        assertEquals(401, anonymous.status());

        assertEquals(hostedBefore, OnPrem.hosted(), "nothing changed");
        assertEquals(
                appliedBefore, OnPrem.ADMIN.get("/api/v1/license-files/applied").body());

        int at = code.length() / 2;
        String typo = code.substring(0, at) + (code.charAt(at) == '7' ? '8' : '7') + code.substring(at + 1);
        Reply mistyped = create(Api.admin(), typo, List.of(a));
        assertEquals(400, mistyped.status(), mistyped.text());
        assertEquals("REQUEST_CODE_INVALID", mistyped.code());
        RequestCode real = RequestCode.parse(code);
        RequestCode forged = new RequestCode(
                real.instanceId(),
                real.publicKey(),
                real.lastSerial(),
                real.hosts() + 1,
                real.cpuSockets(),
                real.madeAt(),
                real.signature());
        assertEquals(
                "REQUEST_CODE_INVALID",
                create(Api.admin(), forged.text(), List.of(a)).code());
        assertEquals(
                "REQUEST_CODE_INVALID",
                create(Api.admin(), strangerCode(5).text(), List.of(a)).code(),
                "an instance the publisher never issued a file to cannot have applied file 5");
        assertEquals(
                instanceOf(code),
                Customer.registeredInstance(a),
                "a license in a file stays the instance's at the publisher, applied or not, until it is returned");
    }

    @Test
    @Order(3)
    void theCliAsAProcessAndSoapCarryTheSameFiles() throws Exception {
        Customer c = Customer.create("Cli files");
        String a = c.license(4);
        Path codeFile = dir.resolve("request-code.txt");
        CliIT.Run wrote = CliIT.licentia(CliIT.onPremAdmin("request-code", "-o", codeFile.toString()));
        assertEquals(0, wrote.exit(), wrote.err());
        assertTrue(Files.readString(codeFile).startsWith("# Licentia request code"));

        Path zip = dir.resolve("license.zip");
        CliIT.Run created = CliIT.licentia(CliIT.admin(
                "license-file", "create", "--request-code-file", codeFile.toString(), "-l", a, "-o", zip.toString()));
        assertEquals(0, created.exit(), created.err());
        CliIT.Run uploaded = CliIT.licentia(CliIT.onPremAdmin("license-file", "upload", zip.toString()));
        assertEquals(0, uploaded.exit(), uploaded.err());
        assertTrue(uploaded.out().lines().anyMatch(l -> l.startsWith("Added:") && l.contains(a)), uploaded.out());
        CliIT.Run again = CliIT.licentia(CliIT.onPremAdmin("license-file", "upload", zip.toString()));
        assertTrue(again.out().contains("applied already. Nothing was changed."), again.out());
        CliIT.Run records = CliIT.licentia(CliIT.onPremAdmin("records", "--method", "license-file", "--size", "5"));
        assertEquals(0, records.exit(), records.err());
        assertTrue(records.out().contains("LICENSE_FILE") && records.out().contains(a), records.out());
        CliIT.Run hosted = CliIT.licentia(CliIT.onPremAdmin("hosted"));
        assertTrue(
                hosted.out().contains("License: " + a) && hosted.out().contains("Source: license file"), hosted.out());

        String code = Files.readString(codeFile);
        String typo = code.replaceFirst("(?m)^([0-9A-Z])", "$1$1");
        Path typoFile = dir.resolve("mistyped-code.txt");
        Files.writeString(typoFile, typo);
        CliIT.Run mistyped = CliIT.licentia(CliIT.admin(
                "license-file", "create", "--request-code-file", typoFile.toString(), "-l", a, "-o", zip.toString()));
        assertEquals(2, mistyped.exit(), mistyped.out());
        assertTrue(mistyped.err().contains("Nothing was sent"), mistyped.err());
        Path broken = dir.resolve("broken.zip");
        Files.write(broken, java.util.Arrays.copyOf(Files.readAllBytes(zip), 100));
        CliIT.Run refused = CliIT.licentia(CliIT.onPremAdmin("license-file", "upload", broken.toString()));
        assertEquals(1, refused.exit(), refused.out());
        assertTrue(refused.err().contains("not a complete zip file"), refused.err());

        LicenseFilePort onPrem = port(OnPrem.BASE);
        LicenseFilePort publisher = port(Api.BASE);
        GetRequestCodeResponse soapCode = onPrem.getRequestCode(new GetRequestCode());
        assertEquals(instanceOf(code), soapCode.getInstanceId());
        CreateLicenseFile create = new CreateLicenseFile();
        create.setRequestCode(soapCode.getRequestCode());
        String b = c.license(6);
        create.getLicense().add(b);
        CreateLicenseFileResponse file = publisher.createLicenseFile(create);
        assertEquals(soapCode.getLastSerial() + 1, file.getSerial());
        assertTrue(file.getLicense().containsAll(List.of(a, b)));
        UploadLicenseFile upload = new UploadLicenseFile();
        upload.setLicenseFile(file.getLicenseFile());
        UploadLicenseFileResponse result = onPrem.uploadLicenseFile(upload);
        assertEquals(List.of(b), result.getAdded());
        assertFalse(result.isAlreadyApplied());
        UploadLicenseFile corrupt = new UploadLicenseFile();
        corrupt.setLicenseFile(java.util.Arrays.copyOf(file.getLicenseFile(), 50));
        LicensingSoapIT.assertFault("LICENSE_FILE_INVALID", () -> onPrem.uploadLicenseFile(corrupt));
        assertEquals(6, OnPrem.hosted().get(b).getInt("seats"));
    }

    /**
     * The publisher rotates its key. The air-gapped instance trusts only the key it was installed
     * with, so the new key reaches it inside the next file, endorsed by the old key; a rollover
     * signed by anyone else endorses nothing, and the file signed by the new key is refused then.
     */
    @Test
    @Order(4)
    void aRotatedPublisherKeyReachesTheInstanceOnlyThroughARolloverSignedByATrustedKey() throws Exception {
        Api.Reply rotated = Api.admin().post("/api/v1/keys/rotation", null);
        assertEquals(200, rotated.status(), rotated.body());
        String newKey = rotated.json().getString("keyId");
        Customer c = Customer.create("Rotation");
        String code =
                OnPrem.ADMIN.get("/api/v1/license-files/request-code").json().getString("code");
        byte[] file = create(Api.admin(), code, List.of(c.license(1))).body();
        Map<String, byte[]> entries = unzip(file);
        assertTrue(entries.containsKey("key-rollovers.json"), entries.keySet().toString());

        Map<String, byte[]> forged = new LinkedHashMap<>(entries);
        forged.put("key-rollovers.json", strangersRollover(newKey));
        assertRefused(400, "LICENSE_FILE_SIGNATURE_INVALID", zip(forged));
        assertFalse(
                OnPrem.ADMIN.get("/api/v1/license-files/trusted-keys").body().contains(newKey));

        assertEquals(200, upload(file).status());
        assertTrue(
                OnPrem.ADMIN
                        .get("/api/v1/license-files/trusted-keys")
                        .json()
                        .getJsonArray("keys")
                        .getValuesAs(JsonObject.class)
                        .stream()
                        .anyMatch(
                                k -> newKey.equals(k.getString("keyId")) && "ROLLOVER".equals(k.getString("pinnedBy"))),
                "pinned through the rollover");
    }

    /**
     * The keys given at installation can also be the publisher's key list saved to a file; a key
     * whose ID is not its own is a misconfiguration that stops uploads with a clear error, never a
     * key silently trusted or skipped.
     */
    @Test
    @Order(5)
    void theInstallationKeysMayComeFromTheKeyFileAndAWrongOneStopsUploads() throws Exception {
        Path keyFile = dir.resolve("publisher-keys.json");
        Files.writeString(keyFile, Api.anonymous().get("/api/v1/keys").body());
        ServerSettings.set(ON_PREM_MANAGEMENT, "licentia.upstream.public-keys", null);
        ServerSettings.set(ON_PREM_MANAGEMENT, "licentia.upstream.public-keys-file", keyFile.toString());
        try {
            List<JsonObject> trusted = OnPrem.ADMIN
                    .get("/api/v1/license-files/trusted-keys")
                    .json()
                    .getJsonArray("keys")
                    .getValuesAs(JsonObject.class);
            for (JsonObject key :
                    Api.admin().get("/api/v1/keys").json().getJsonArray("keys").getValuesAs(JsonObject.class)) {
                assertTrue(
                        trusted.stream()
                                .anyMatch(t -> t.getString("keyId").equals(key.getString("keyId"))
                                        && "CONFIGURED".equals(t.getString("pinnedBy"))),
                        trusted.toString());
            }
            Customer c = Customer.create("Key file");
            String code = OnPrem.ADMIN
                    .get("/api/v1/license-files/request-code")
                    .json()
                    .getString("code");
            byte[] file = create(Api.admin(), code, List.of(c.license(1))).body();

            ServerSettings.set(
                    ON_PREM_MANAGEMENT,
                    "licentia.upstream.public-keys",
                    "0011223344556677:" + Base64.getEncoder().encodeToString(new byte[32]));
            Reply misconfigured = upload(file);
            assertEquals(503, misconfigured.status(), misconfigured.text());
            assertTrue(misconfigured.text().contains("misconfigured"), misconfigured.text());
            ServerSettings.set(ON_PREM_MANAGEMENT, "licentia.upstream.public-keys", null);
            assertEquals(200, upload(file).status());
        } finally {
            ServerSettings.set(ON_PREM_MANAGEMENT, "licentia.upstream.public-keys-file", null);
        }
    }

    /**
     * The MTOM service carries the file as a binary MIME part both ways: a JAX-WS client with MTOM
     * makes and uploads a file; the raw answer is multipart with the zip's own bytes in it; a part
     * the envelope names but the message lacks, a multipart message to the plain service and a
     * DOCTYPE in the root part are refused, each as a licensingFault.
     */
    @Test
    @Order(6)
    void overMtomTheFileTravelsAsABinaryPartBothWays() throws Exception {
        Customer c = Customer.create("MTOM");
        String number = c.license(2);
        LicenseFilePort onPrem = mtomPort(OnPrem.BASE);
        LicenseFilePort publisher = mtomPort(Api.BASE);
        CreateLicenseFile create = new CreateLicenseFile();
        create.setRequestCode(onPrem.getRequestCode(new GetRequestCode()).getRequestCode());
        create.getLicense().add(number);
        CreateLicenseFileResponse file = publisher.createLicenseFile(create);
        assertTrue(file.getLicense().contains(number));
        UploadLicenseFile upload = new UploadLicenseFile();
        upload.setLicenseFile(file.getLicenseFile());
        UploadLicenseFileResponse applied = onPrem.uploadLicenseFile(upload);
        assertEquals(List.of(number), applied.getAdded());
        assertEquals(file.getSerial(), applied.getSerial());

        String code =
                OnPrem.ADMIN.get("/api/v1/license-files/request-code").json().getString("code");
        String plain = "<soapenv:Envelope xmlns:soapenv=\"http://schemas.xmlsoap.org/soap/envelope/\""
                + " xmlns:l=\"http://licentia.org/licensing/v1\"><soapenv:Body><l:createLicenseFile><l:requestCode>"
                + code + "</l:requestCode><l:license>" + number + "</l:license></l:createLicenseFile></soapenv:Body>"
                + "</soapenv:Envelope>";
        HttpResponse<byte[]> raw = soapBytes(
                Api.BASE, "createLicenseFile", "text/xml; charset=UTF-8", plain.getBytes(StandardCharsets.UTF_8));
        assertEquals(200, raw.statusCode(), new String(raw.body(), StandardCharsets.ISO_8859_1));
        String contentType = raw.headers().firstValue("Content-Type").orElse("");
        assertTrue(
                contentType.startsWith("multipart/related") && contentType.contains("application/xop+xml"),
                contentType);
        String answer = new String(raw.body(), StandardCharsets.ISO_8859_1);
        assertTrue(answer.contains("Include") && answer.contains("PK\u0003\u0004"), "the zip's bytes, not Base64");

        String boundary = "uuid:licentia-test";
        String missingPart = mtomUpload(boundary, "cid:no-such-part", new byte[] {1, 2, 3}, "");
        String fault = soapText(OnPrem.BASE, missingPart, boundary, true);
        assertTrue(fault.contains("MALFORMED_REQUEST") && fault.contains("does not have"), fault);
        String toPlain = soapText(OnPrem.BASE, mtomUpload(boundary, "cid:file", new byte[] {1}, ""), boundary, false);
        assertTrue(toPlain.contains("MALFORMED_REQUEST") && toPlain.contains("LicenseFileMtomService"), toPlain);
        String doctype = soapText(
                OnPrem.BASE, mtomUpload(boundary, "cid:file", new byte[] {1}, "<!DOCTYPE x []>"), boundary, true);
        assertTrue(doctype.contains("MALFORMED_REQUEST") && doctype.contains("DOCTYPE"), doctype);
        String garbage = soapText(OnPrem.BASE, mtomUpload(boundary, "cid:file", new byte[] {1, 2}, ""), boundary, true);
        assertTrue(garbage.contains("LICENSE_FILE_INVALID"), "a well-formed package with a bad file: " + garbage);
    }

    /** A browser form or {@code curl -F file=@license.zip} uploads the same file as multipart/form-data. */
    @Test
    @Order(7)
    void aFormUploadAppliesTheFileToo() throws Exception {
        Customer c = Customer.create("Form");
        String number = c.license(1);
        String code =
                OnPrem.ADMIN.get("/api/v1/license-files/request-code").json().getString("code");
        byte[] zip = create(Api.admin(), code, List.of(number)).body();

        Reply applied = form("file", zip);
        assertEquals(200, applied.status(), applied.text());
        assertTrue(applied.json().getJsonArray("added").toString().contains(number), applied.text());
        Reply noFile = form("license", zip);
        assertEquals(400, noFile.status(), noFile.text());
        assertEquals("INVALID_INPUT", noFile.code());
        Reply notMultipart = bytes(
                "POST",
                OnPrem.BASE,
                "/api/v1/license-files/upload",
                OnPrem.ADMIN.authorization(),
                "multipart/form-data; boundary=nothing-here",
                "just text".getBytes(StandardCharsets.UTF_8));
        assertEquals(400, notMultipart.status(), notMultipart.text());
        assertTrue(OnPrem.hosted().containsKey(number));
    }

    private static Reply form(String partName, byte[] file) {
        String boundary = "licentia-form-boundary";
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + partName
                        + "\"; filename=\"license.zip\"\r\nContent-Type: application/zip\r\n\r\n")
                .getBytes(StandardCharsets.ISO_8859_1));
        body.writeBytes(file);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.ISO_8859_1));
        return bytes(
                "POST",
                OnPrem.BASE,
                "/api/v1/license-files/upload",
                OnPrem.ADMIN.authorization(),
                "multipart/form-data; boundary=" + boundary,
                body.toByteArray());
    }

    /** An MTOM upload package by hand: the envelope names {@code href}; the one other part is {@code <file>}. */
    private static String mtomUpload(String boundary, String href, byte[] file, String prolog) {
        String envelope = prolog + "<soapenv:Envelope xmlns:soapenv=\"http://schemas.xmlsoap.org/soap/envelope/\""
                + " xmlns:l=\"http://licentia.org/licensing/v1\"><soapenv:Body><l:uploadLicenseFile><l:licenseFile>"
                + "<xop:Include xmlns:xop=\"http://www.w3.org/2004/08/xop/include\" href=\"" + href + "\"/>"
                + "</l:licenseFile></l:uploadLicenseFile></soapenv:Body></soapenv:Envelope>";
        return "--" + boundary + "\r\nContent-Type: application/xop+xml; charset=UTF-8; type=\"text/xml\"\r\n"
                + "Content-ID: <root>\r\n\r\n" + envelope + "\r\n--" + boundary
                + "\r\nContent-Type: application/octet-stream\r\nContent-ID: <file>\r\n\r\n"
                + new String(file, StandardCharsets.ISO_8859_1) + "\r\n--" + boundary + "--\r\n";
    }

    private static String soapText(String base, String body, String boundary, boolean toMtomService) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(
                        base + (toMtomService ? "/soap/LicenseFileMtomService" : "/soap/LicenseFileService")))
                .header(
                        "Content-Type",
                        "multipart/related; type=\"application/xop+xml\"; boundary=\"" + boundary
                                + "\"; start=\"<root>\"; start-info=\"text/xml\"")
                .header("SOAPAction", "\"http://licentia.org/licensing/v1/uploadLicenseFile\"")
                .header("Authorization", OnPrem.ADMIN.authorization())
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.getBytes(StandardCharsets.ISO_8859_1)))
                .build();
        return new String(
                HTTP.send(request, HttpResponse.BodyHandlers.ofByteArray()).body(), StandardCharsets.ISO_8859_1);
    }

    private static HttpResponse<byte[]> soapBytes(String base, String operation, String contentType, byte[] body)
            throws Exception {
        return HTTP.send(
                HttpRequest.newBuilder(URI.create(base + "/soap/LicenseFileMtomService"))
                        .header("Content-Type", contentType)
                        .header("SOAPAction", "\"http://licentia.org/licensing/v1/" + operation + "\"")
                        .header("Authorization", Api.admin().authorization())
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    private static LicenseFilePort mtomPort(String base) {
        LicenseFilePort port = new LicenseFileMtomService().getLicenseFileMtomPort(new MTOMFeature(true, 0));
        Map<String, Object> context = ((BindingProvider) port).getRequestContext();
        context.put(BindingProvider.ENDPOINT_ADDRESS_PROPERTY, base + "/soap/LicenseFileMtomService");
        context.put(BindingProvider.USERNAME_PROPERTY, Api.ADMIN);
        context.put(BindingProvider.PASSWORD_PROPERTY, Api.ADMIN_PASSWORD);
        return port;
    }

    /** A rollover to {@code keyId} as someone without the publisher's keys would make it: signed by their own key. */
    private static byte[] strangersRollover(String keyId) throws Exception {
        Ed25519PrivateKeyParameters key = new Ed25519PrivateKeyParameters(new SecureRandom());
        byte[] digest = MessageDigest.getInstance("SHA-256")
                .digest(key.generatePublicKey().getEncoded());
        String signerId = HexFormat.of().formatHex(digest, 0, 8);
        String document = "{\"issuedAt\":\"2026-11-29T05:00:00Z\",\"keyId\":\"" + keyId + "\",\"previousKeyId\":\""
                + signerId + "\",\"publicKey\":\"" + Base64.getEncoder().encodeToString(new byte[32])
                + "\",\"type\":\"licentia.key-rollover.v1\"}";
        return Json.createArrayBuilder()
                .add(Json.createObjectBuilder()
                        .add("keyId", keyId)
                        .add("previousKeyId", signerId)
                        .add("document", document)
                        .add(
                                "signature",
                                Base64.getEncoder()
                                        .encodeToString(sign(key, document.getBytes(StandardCharsets.UTF_8)))))
                .build()
                .toString()
                .getBytes(StandardCharsets.UTF_8);
    }

    private static LicenseFilePort port(String base) {
        LicenseFilePort port = new LicenseFileService().getLicenseFilePort();
        Map<String, Object> context = ((BindingProvider) port).getRequestContext();
        context.put(BindingProvider.ENDPOINT_ADDRESS_PROPERTY, base + "/soap/LicenseFileService");
        context.put(BindingProvider.USERNAME_PROPERTY, Api.ADMIN);
        context.put(BindingProvider.PASSWORD_PROPERTY, Api.ADMIN_PASSWORD);
        return port;
    }

    private static String instanceOf(String code) {
        return RequestCode.parse(code).instanceId().toString();
    }

    private static void assertRefused(int status, String code, byte[] file) {
        Reply reply = upload(file);
        assertEquals(status, reply.status(), reply.text());
        assertEquals(code, reply.code(), reply.text());
        assertFalse(reply.text().contains("Exception"), reply.text());
    }

    /** A request code of an instance that exists nowhere but in this test. */
    private static RequestCode strangerCode(long lastSerial) {
        Ed25519PrivateKeyParameters key = new Ed25519PrivateKeyParameters(new SecureRandom());
        return RequestCode.signed(
                UUID.randomUUID(),
                key.generatePublicKey().getEncoded(),
                lastSerial,
                0,
                0,
                Instant.now(),
                message -> sign(key, message));
    }

    private static byte[] strangerSignature(byte[] manifest) throws Exception {
        Ed25519PrivateKeyParameters key = new Ed25519PrivateKeyParameters(new SecureRandom());
        byte[] digest = MessageDigest.getInstance("SHA-256")
                .digest(key.generatePublicKey().getEncoded());
        return Json.createObjectBuilder()
                .add("algorithm", "Ed25519")
                .add("keyId", HexFormat.of().formatHex(digest, 0, 8))
                .add("signature", Base64.getEncoder().encodeToString(sign(key, manifest)))
                .build()
                .toString()
                .getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] sign(Ed25519PrivateKeyParameters key, byte[] message) {
        Ed25519Signer signer = new Ed25519Signer();
        signer.init(true, key);
        signer.update(message, 0, message.length);
        return signer.generateSignature();
    }

    private static byte[] flipped(byte[] content, String from, String to) {
        String text = new String(content, StandardCharsets.UTF_8);
        assertTrue(text.contains(from), text);
        return text.replace(from, to).getBytes(StandardCharsets.UTF_8);
    }

    private static String onPremClientToken() {
        Api.Reply created =
                OnPrem.ADMIN.post("/api/v1/client-tokens", "{\"name\":\"air-gapped-" + Api.uniqueNumber() + "\"}");
        assertEquals(201, created.status(), created.body());
        return created.json().getString("token");
    }

    private static List<String> strings(JsonObject o, String member) {
        return o.getJsonArray(member).getValuesAs(JsonString.class).stream()
                .map(JsonString::getString)
                .toList();
    }

    private static List<String> documentsIn(byte[] zip) throws IOException {
        return unzip(zip).keySet().stream()
                .filter(n -> n.startsWith("licenses/"))
                .map(n -> n.substring("licenses/".length(), n.length() - ".json".length()))
                .sorted()
                .toList();
    }

    /**
     * An enterprise checks a license file with its own tools: the manifest's CMS signature
     * (manifest.p7s) verifies with {@code openssl cms} against the publisher's certificate, which
     * anyone may download, and not against another certificate or over a changed manifest. The
     * instance still applies the file.
     */
    @Test
    @Order(8)
    void theManifestsCmsSignatureVerifiesWithOpenSsl() throws Exception {
        Customer c = Customer.create("Cms");
        String code =
                OnPrem.ADMIN.get("/api/v1/license-files/request-code").json().getString("code");
        byte[] file = create(Api.admin(), code, List.of(c.license(1))).body();
        Map<String, byte[]> entries = unzip(file);
        assertTrue(entries.containsKey("manifest.p7s"), entries.keySet().toString());
        // as curl or a browser asks for it: no sign-in, any media type
        java.net.http.HttpResponse<String> certificate = java.net.http.HttpClient.newHttpClient()
                .send(
                        java.net.http.HttpRequest.newBuilder(java.net.URI.create(Api.BASE + "/api/v1/keys/certificate"))
                                .header("Accept", "*/*")
                                .build(),
                        java.net.http.HttpResponse.BodyHandlers.ofString());
        assertEquals(200, certificate.statusCode(), certificate.body());
        assertEquals(
                "application/pem-certificate-chain",
                certificate.headers().firstValue("Content-Type").orElse(""));
        assertTrue(certificate.body().startsWith("-----BEGIN CERTIFICATE-----"), certificate.body());

        Path dir = Files.createTempDirectory("license-file-cms");
        Files.write(dir.resolve("manifest.json"), entries.get("manifest.json"));
        Files.write(dir.resolve("manifest.p7s"), entries.get("manifest.p7s"));
        Files.writeString(dir.resolve("publisher.pem"), certificate.body());
        assertEquals(0, openSslCmsVerify(dir, "manifest.json", "publisher.pem"), "the file as issued");

        byte[] changed = entries.get("manifest.json").clone();
        changed[changed.length / 2] ^= 1;
        Files.write(dir.resolve("changed.json"), changed);
        assertNotEquals(0, openSslCmsVerify(dir, "changed.json", "publisher.pem"), "a changed manifest");
        Process other = new ProcessBuilder(
                        "openssl",
                        "req",
                        "-x509",
                        "-newkey",
                        "ec",
                        "-pkeyopt",
                        "ec_paramgen_curve:P-256",
                        "-nodes",
                        "-keyout",
                        "other.key",
                        "-subj",
                        "/CN=Licentia publisher key 0000",
                        "-days",
                        "1",
                        "-out",
                        "other.pem")
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("other.log").toFile())
                .start();
        assertEquals(0, other.waitFor());
        assertNotEquals(0, openSslCmsVerify(dir, "manifest.json", "other.pem"), "another certificate of that name");

        assertEquals(200, upload(file).status(), "the instance applies the file with its CMS signature");
    }

    private static int openSslCmsVerify(Path dir, String content, String trusted) throws Exception {
        Process verify = new ProcessBuilder(
                        "openssl",
                        "cms",
                        "-verify",
                        "-binary",
                        "-inform",
                        "DER",
                        "-in",
                        "manifest.p7s",
                        "-content",
                        content,
                        "-CAfile",
                        trusted,
                        "-out",
                        "/dev/null")
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("verify-" + content + "-" + trusted + ".log")
                        .toFile())
                .start();
        return verify.waitFor();
    }

    private static Map<String, byte[]> unzip(byte[] zip) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                entries.put(e.getName(), in.readAllBytes());
            }
        }
        return entries;
    }

    private static byte[] zip(Map<String, byte[]> entries) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                out.putNextEntry(new ZipEntry(e.getKey()));
                out.write(e.getValue());
                out.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    private static Reply create(Api as, String requestCode, List<String> licenses) {
        var list = Json.createArrayBuilder();
        licenses.forEach(list::add);
        String body = Json.createObjectBuilder()
                .add("requestCode", requestCode)
                .add("licenses", list)
                .build()
                .toString();
        return bytes(
                "POST",
                Api.BASE,
                "/api/v1/license-files",
                as.authorization(),
                "application/json",
                body.getBytes(StandardCharsets.UTF_8));
    }

    private static Reply upload(byte[] zip) {
        return bytes(
                "POST",
                OnPrem.BASE,
                "/api/v1/license-files/upload",
                OnPrem.ADMIN.authorization(),
                "application/zip",
                zip);
    }

    /** An answer read as bytes: a license file, or a problem body. */
    record Reply(int status, String contentType, Map<String, List<String>> headers, byte[] body) {
        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        String code() {
            return Json.createReader(new StringReader(text())).readObject().getString("code");
        }

        String header(String name) {
            return headers.entrySet().stream()
                    .filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0))
                    .findFirst()
                    .orElse(null);
        }

        JsonObject json() {
            assertEquals(200, status, text());
            return Json.createReader(new StringReader(text())).readObject();
        }
    }

    static Reply bytes(String method, String base, String path, String authorization, String contentType, byte[] body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofSeconds(120))
                .header("Accept", contentType.equals("application/json") ? "application/zip" : "application/json")
                .header("Content-Type", contentType)
                .method(method, HttpRequest.BodyPublishers.ofByteArray(body));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        try {
            HttpResponse<byte[]> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            assertNotEquals(500, response.statusCode(), new String(response.body(), StandardCharsets.UTF_8));
            return new Reply(
                    response.statusCode(),
                    response.headers().firstValue("Content-Type").orElse(""),
                    response.headers().map(),
                    response.body());
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(method + " " + path + " failed", e);
        }
    }
}
