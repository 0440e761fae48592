package org.licentia.web.rest;

import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import org.eclipse.microprofile.openapi.models.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.models.security.SecurityScheme;

/**
 * Completes the OpenAPI document into a contract a generator can use: every operation declares
 * the problem answers it can give (application/problem+json, one Problem schema) and how it signs
 * in, which web.xml and the facades decide: HTTP Basic by default, a client token (Bearer) for the
 * seat calls, nothing for the calls that carry their own proof (registration with the publisher
 * account's credentials, the instance API signed by the instance, activation with the activation
 * key, the public keys, ping). Registered in META-INF/microprofile-config.properties.
 */
public class ApiContract implements OASFilter {

    private static final String PROBLEM_REF = "#/components/schemas/Problem";
    /** In status order, so the served document is the same from run to run (docs/openapi.json diffs stay small). */
    private static final Map<String, String> PROBLEMS = new java.util.TreeMap<>(Map.of(
            "400", "Invalid or malformed request (INVALID_INPUT, MALFORMED_REQUEST, ...)",
            "401", "Not signed in, or the credentials are wrong (UNAUTHENTICATED, INVALID_CLIENT_TOKEN)",
            "403", "Signed in, but not allowed (FORBIDDEN)",
            "404", "No such thing, or none this caller may know of (LICENSE_NOT_FOUND, ...)",
            "409", "Conflicts with the current state (NO_SEAT_AVAILABLE, LICENSE_REVOKED, ...)",
            "429", "Too many requests or failed sign-ins from this address; see Retry-After",
            "500", "The server could not complete the request (INTERNAL_ERROR)",
            "503", "The server cannot answer now (SERVICE_UNAVAILABLE)"));
    /** Paths that need no sign-in: exactly these, and everything under those that end with a slash. */
    private static final List<String> ANONYMOUS = List.of(
            "/api/v1/registration",
            "/api/v1/registration/",
            "/api/v1/instance-api/",
            "/api/v1/ping",
            "/api/v1/about",
            "/api/v1/activations/online",
            "/api/v1/activations/status",
            "/api/v1/activations/deactivations",
            "/api/v1/activations/feature-catalog",
            "/api/v1/activations/keys",
            "/api/v1/keys",
            "/api/v1/keys/certificate");

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getComponents() == null) {
            openAPI.setComponents(OASFactory.createComponents());
        }
        Components components = openAPI.getComponents();
        components.addSchema("Problem", problemSchema());
        components.addSecurityScheme(
                "clientToken",
                OASFactory.createSecurityScheme()
                        .type(SecurityScheme.Type.HTTP)
                        .scheme("bearer")
                        .description(
                                "A client token made by the instance's administrator (POST /api/v1/client-tokens)"));
        // WildFly merges the deployments' documents into one and writes an empty externalDocs (invalid
        // OpenAPI) unless they carry one: the errors' format is the external document worth naming.
        openAPI.setExternalDocs(OASFactory.createExternalDocumentation()
                .url("https://www.rfc-editor.org/rfc/rfc9457")
                .description("Errors are RFC 9457 problem details, with Licentia's catalogue code in `code`"));
        openAPI.setInfo(OASFactory.createInfo()
                .title("Licentia")
                .version("1")
                .description(
                        "Self-hosted software license server: the publisher's license catalog, node-locked activation, "
                                + "and an on-prem instance's registration, sync and floating seats. Errors are application/problem+json "
                                + "with a catalogue code.")
                .license(OASFactory.createLicense()
                        .name("Apache-2.0")
                        .url("https://www.apache.org/licenses/LICENSE-2.0")));
        if (openAPI.getServers() == null || openAPI.getServers().isEmpty()) {
            openAPI.addServer(OASFactory.createServer().url("/").description("This Licentia server"));
        }
        if (openAPI.getPaths() == null) {
            return;
        }
        openAPI.getPaths()
                .getPathItems()
                .forEach((path, item) -> item.getOperations().forEach((method, operation) -> {
                    declareProblems(operation);
                    operation.setSecurity(securityOf(path));
                }));
    }

    private static void declareProblems(Operation operation) {
        APIResponses responses = operation.getResponses();
        if (responses == null) {
            responses = OASFactory.createAPIResponses();
            operation.setResponses(responses);
        }
        for (var problem : PROBLEMS.entrySet()) {
            if (!responses.hasAPIResponse(problem.getKey())) {
                responses.addAPIResponse(
                        problem.getKey(),
                        OASFactory.createAPIResponse()
                                .description(problem.getValue())
                                .content(problemContent()));
            }
        }
    }

    private static List<SecurityRequirement> securityOf(String path) {
        if (path.startsWith("/api/v1/seats")) {
            return List.of(OASFactory.createSecurityRequirement().addScheme("clientToken"));
        }
        for (String anonymous : ANONYMOUS) {
            if (path.equals(anonymous) || (anonymous.endsWith("/") && path.startsWith(anonymous))) {
                return List.of(OASFactory.createSecurityRequirement());
            }
        }
        return List.of(OASFactory.createSecurityRequirement().addScheme("basic"));
    }

    private static Content problemContent() {
        return OASFactory.createContent()
                .addMediaType(
                        Problem.MEDIA_TYPE,
                        OASFactory.createMediaType()
                                .schema(OASFactory.createSchema().ref(PROBLEM_REF)));
    }

    private static Schema problemSchema() {
        return OASFactory.createSchema()
                .type(List.of(Schema.SchemaType.OBJECT))
                .description("RFC 9457 problem details with the catalogue code of the failure")
                .addProperty(
                        "type",
                        OASFactory.createSchema()
                                .type(List.of(Schema.SchemaType.STRING))
                                .format("uri"))
                .addProperty("title", OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING)))
                .addProperty(
                        "status",
                        OASFactory.createSchema()
                                .type(List.of(Schema.SchemaType.INTEGER))
                                .format("int32"))
                .addProperty(
                        "code",
                        OASFactory.createSchema()
                                .type(List.of(Schema.SchemaType.STRING))
                                .description("The catalogue code, e.g. LICENSE_NOT_FOUND"))
                .addProperty("detail", OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING)))
                .addProperty(
                        "details",
                        OASFactory.createSchema()
                                .type(List.of(Schema.SchemaType.OBJECT))
                                .additionalPropertiesSchema(
                                        OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING))))
                .required(List.of("type", "title", "status", "code"));
    }
}
