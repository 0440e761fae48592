package org.licentia.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.concurrent.TimeUnit;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.licentia.it.openapi.ApiClient;
import org.licentia.it.openapi.ApiException;
import org.licentia.it.openapi.api.DefaultApi;
import org.licentia.it.openapi.model.LicenseChange;
import org.licentia.it.openapi.model.LicenseDraft;
import org.licentia.it.openapi.model.LicenseView;
import org.licentia.it.openapi.model.Revocation;

/**
 * The OpenAPI document is a contract: the server serves exactly the one committed in
 * docs/openapi.json, which redocly's recommended rules find valid, and a Java client generated from
 * it at build time (openapi-generator, arquillian-tests/pom.xml) manages a license.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class OpenApiIT {

    private static final Path CONTRACT =
            Path.of("..", "docs", "openapi.json").toAbsolutePath().normalize();

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.licentiaEar();
    }

    @Test
    void theServerServesTheCommittedContract() throws Exception {
        HttpResponse<String> served = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://localhost:8280/openapi?format=JSON"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertEquals(200, served.statusCode());
        JsonValue servedDocument =
                Json.createReader(new StringReader(served.body())).readValue();
        JsonValue committed =
                Json.createReader(new StringReader(Files.readString(CONTRACT))).readValue();
        assertEquals(
                committed,
                servedDocument,
                "the API changed: review it, then save http://localhost:8080/openapi?format=JSON"
                        + " of a quick-start server as docs/openapi.json");
    }

    @Test
    void theContractPassesRedoclysRecommendedRules() throws Exception {
        Process lint = new ProcessBuilder("npx", "--yes", "@redocly/cli@2.77.0", "lint", CONTRACT.toString())
                .redirectErrorStream(true)
                .start();
        String output = new String(lint.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(lint.waitFor(5, TimeUnit.MINUTES), "redocly did not finish");
        assertEquals(0, lint.exitValue(), output);
        assertTrue(output.contains("Your API description is valid"), output);
    }

    @Test
    void aClientGeneratedFromTheContractManagesALicense() throws Exception {
        ApiClient client = new ApiClient();
        client.updateBaseUri("http://localhost:8280");
        String basic = "Basic "
                + Base64.getEncoder()
                        .encodeToString((Api.ADMIN + ":" + Api.ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8));
        client.setRequestInterceptor(request -> request.header("Authorization", basic));
        DefaultApi api = new DefaultApi(client);

        assertEquals("ok", api.ping().get("status"));
        String number = Api.uniqueNumber();
        api.createLicense(
                new LicenseDraft().number(number).account("Example User").seats(4));
        LicenseView read = api.getLicense(number).getLicense();
        assertEquals(4, read.getSeats());
        assertEquals("active", read.getState());
        assertEquals(9, api.updateLicense(number, new LicenseChange().seats(9)).getSeats());
        assertEquals(
                "revoked",
                api.revokeLicense(number, new Revocation().reason("generated client"))
                        .getState());

        ApiException missing = assertThrows(ApiException.class, () -> api.getLicense("00000001"));
        assertEquals(404, missing.getCode());
        assertTrue(missing.getResponseBody().contains("\"code\":\"LICENSE_NOT_FOUND\""), missing.getResponseBody());
    }
}
