package org.licentia.it;

import java.io.IOException;
import org.jboss.as.controller.client.ModelControllerClient;
import org.jboss.dmr.ModelNode;

/** Changes a running test server's system properties through its management interface. */
final class ServerSettings {

    private ServerSettings() {}

    /** Sets {@code name} to {@code value}; null removes it. */
    static void set(int managementPort, String name, String value) {
        try (ModelControllerClient client = ModelControllerClient.Factory.create("localhost", managementPort)) {
            ModelNode remove = new ModelNode();
            remove.get("operation").set("remove");
            remove.get("address").add("system-property", name);
            client.execute(remove);
            if (value != null) {
                ModelNode add = new ModelNode();
                add.get("operation").set("add");
                add.get("address").add("system-property", name);
                add.get("value").set(value);
                ModelNode result = client.execute(add);
                if (!"success".equals(result.get("outcome").asString())) {
                    throw new IllegalStateException(result.toString());
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
