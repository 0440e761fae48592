package org.licentia.catalog.entity;

import java.util.Arrays;
import java.util.Optional;

/** What a license's quota counts. */
public enum QuotaMetric {
    SEATS("seats"),
    HOSTS("hosts"),
    CPU_SOCKETS("cpu-sockets");

    private final String id;

    QuotaMetric(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public static Optional<QuotaMetric> byId(String id) {
        return Arrays.stream(values()).filter(m -> m.id.equals(id)).findFirst();
    }
}
