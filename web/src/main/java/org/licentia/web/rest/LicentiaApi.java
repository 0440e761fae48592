package org.licentia.web.rest;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;

/**
 * The REST API. Its resources are {@code @ApplicationScoped}: they are stateless facades, and a
 * resource without a scope is made per request, which costs Weld a creation, an injection and a
 * validation of the new instance on every call (about a sixth of a seat request's CPU time).
 * The OpenAPI document's info and each operation's sign-in come from {@link ApiContract}.
 */
@ApplicationPath("/api/v1")
@SecurityScheme(securitySchemeName = "basic", type = SecuritySchemeType.HTTP, scheme = "basic")
public class LicentiaApi extends Application {}
