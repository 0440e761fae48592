package org.licentia.bench;

/** The requests the benchmarks time; each is reported on its own. */
enum Operation {
    PING("ping"),
    RESERVE("reserve"),
    HEARTBEAT("heartbeat"),
    RELEASE("release"),
    ACTIVATE("activate"),
    HOST_ADMIT("host admission"),
    HOST_RENEW("host renewal"),
    STATUS("status");

    private final String label;

    Operation(String label) {
        this.label = label;
    }

    String label() {
        return label;
    }
}
