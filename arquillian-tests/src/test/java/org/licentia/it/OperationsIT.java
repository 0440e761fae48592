package org.licentia.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** What an operator relies on: readiness, the OpenAPI description, the published keys. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class OperationsIT {

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.licentiaEar();
    }

    private static HttpResponse<String> get(String url) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void readyOnceTheEarIsDeployedAndItsDatabaseAnswers() throws Exception {
        HttpResponse<String> ready = get("http://localhost:10190/health/ready");
        assertEquals(200, ready.statusCode(), ready.body());
        assertTrue(ready.body().contains("\"status\":\"UP\""), ready.body());
        assertTrue(ready.body().contains("licentia.ear"), ready.body());
        assertTrue(ready.body().contains("\"name\":\"licentia-database\",\"status\":\"UP\""),
                "the database check is part of readiness: " + ready.body());
    }

    @Test
    void openApiDescribesTheRestApi() throws Exception {
        HttpResponse<String> openapi = get(Api.BASE + "/openapi");
        assertEquals(200, openapi.statusCode());
        assertTrue(openapi.body().contains("/api/v1/licenses/{number}"), openapi.body());
    }

    @Test
    void publicKeysAreListed() {
        var keys = Api.admin().get("/api/v1/keys").json().getJsonArray("keys");
        assertTrue(keys.size() >= 1);
        assertEquals("Ed25519", keys.getJsonObject(0).getString("algorithm"));
        assertEquals(44, keys.getJsonObject(0).getString("publicKey").length(), "32 raw bytes, Base64");
    }
}
