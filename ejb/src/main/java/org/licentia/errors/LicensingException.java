package org.licentia.errors;

import jakarta.ejb.ApplicationException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A failure the client caused or must be told about, with its catalogue code. Rolls the use case's
 * transaction back, so a refused request changes nothing.
 */
@ApplicationException(rollback = true)
public class LicensingException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final ErrorCode code;
    private final Map<String, String> details;

    public LicensingException(ErrorCode code, String message) {
        this(code, message, Map.of());
    }

    public LicensingException(ErrorCode code, String message, Map<String, String> details) {
        super(message, null, false, false);
        this.code = code;
        this.details = Collections.unmodifiableMap(new LinkedHashMap<>(details));
    }

    public ErrorCode code() {
        return code;
    }

    public Map<String, String> details() {
        return details;
    }
}
