package org.licentia.registration.control;

import java.util.Arrays;

/**
 * Named failure points for testing that a failed operation leaves the state as it was. A point
 * fires only while the system property {@code licentia.faults} names it (set with jboss-cli:
 * {@code /system-property=licentia.faults:add(value=registration.commit)}); unset, it costs one
 * property read.
 */
public final class FaultInjection {

    public static final String PROPERTY = "licentia.faults";

    private FaultInjection() {}

    public static void at(String point) {
        String armed = System.getProperty(PROPERTY);
        if (armed != null && Arrays.asList(armed.split(",")).contains(point)) {
            throw new IllegalStateException("Injected fault at " + point);
        }
    }
}
