package org.licentia.server.boundary;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import org.licentia.registration.control.UpstreamPublisher;
import org.licentia.schema.SchemaMigrations;

/** Answers what this server is, for the about endpoint and the home page. */
@Stateless
@PermitAll
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ServerDescription {

    private static final Properties BUILD = build();

    @Inject
    SchemaMigrations schema;

    @Inject
    UpstreamPublisher upstream;

    public About about() {
        return new About(
                "Licentia",
                BUILD.getProperty("version"),
                BUILD.getProperty("build"),
                schema.version().orElse(null),
                schema.isReady(),
                upstream.isOwnPublisher() ? "both" : "on-prem");
    }

    private static Properties build() {
        Properties properties = new Properties();
        try (InputStream in = ServerDescription.class.getResourceAsStream("/org/licentia/server/build.properties")) {
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }
}
