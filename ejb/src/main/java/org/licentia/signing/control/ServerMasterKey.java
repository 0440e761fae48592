package org.licentia.signing.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The server's one {@link MasterKey}, from configuration or from the key file in the data directory. */
@ApplicationScoped
public class ServerMasterKey {

    @Inject
    @ConfigProperty(name = "licentia.signing.master-key")
    Optional<String> configured;

    @Inject
    @ConfigProperty(name = "jboss.server.data.dir", defaultValue = "data")
    String dataDir;

    private volatile MasterKey key;

    public MasterKey get() {
        MasterKey k = key;
        if (k == null) {
            k = configured
                    .filter(s -> !s.isBlank())
                    .map(MasterKey::fromBase64)
                    .orElseGet(() -> MasterKey.fromFile(Path.of(dataDir, "licentia", "signing-master.key")));
            key = k;
        }
        return k;
    }
}
