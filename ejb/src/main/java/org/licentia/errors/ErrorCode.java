package org.licentia.errors;

/**
 * The one catalogue of failures a Licentia client can see. REST turns a code into an HTTP status
 * and a problem body, SOAP into the declared {@code licensingFault}; both carry {@link #name()}.
 * Codes are part of the public contract: add new ones, never rename.
 */
public enum ErrorCode {
    INVALID_INPUT(Category.INPUT, "Invalid input"),
    MALFORMED_REQUEST(Category.INPUT, "Malformed request"),
    INVALID_LICENSE_NUMBER(Category.INPUT, "Invalid license number"),
    EXPIRY_BEFORE_START(Category.INPUT, "Expiry before start"),
    EDITION_LIMIT_EXCEEDED(Category.INPUT, "Edition limit exceeded"),
    PRODUCT_REQUIRED(Category.INPUT, "Product required"),

    UNAUTHENTICATED(Category.AUTHENTICATION, "Authentication required"),
    FORBIDDEN(Category.PERMISSION, "Not allowed"),

    LICENSE_NOT_FOUND(Category.NOT_FOUND, "License not found"),
    ACCOUNT_NOT_FOUND(Category.NOT_FOUND, "Account not found"),
    USER_NOT_FOUND(Category.NOT_FOUND, "User not found"),
    PRODUCT_NOT_FOUND(Category.NOT_FOUND, "Product not found"),
    EDITION_NOT_FOUND(Category.NOT_FOUND, "Edition not found"),
    RESOURCE_NOT_FOUND(Category.NOT_FOUND, "Resource not found"),

    METHOD_NOT_ALLOWED(Category.METHOD, "Method not allowed"),
    UNSUPPORTED_MEDIA_TYPE(Category.MEDIA_TYPE, "Unsupported media type"),
    NOT_ACCEPTABLE(Category.NOT_ACCEPTABLE, "Not acceptable"),

    LICENSE_NUMBER_TAKEN(Category.CONFLICT, "License number taken"),
    ACCOUNT_NAME_TAKEN(Category.CONFLICT, "Account name taken"),
    USER_EMAIL_TAKEN(Category.CONFLICT, "User e-mail taken"),
    PRODUCT_CODE_TAKEN(Category.CONFLICT, "Product code taken"),
    LICENSE_REVOKED(Category.CONFLICT, "License revoked"),
    CONCURRENT_MODIFICATION(Category.CONFLICT, "Concurrent modification"),

    IMPLICIT_REGISTRATION_REFUSED(Category.CONFLICT, "Implicit registration refused"),
    REGISTRATION_STATE_CHANGED(Category.CONFLICT, "Registration state changed"),
    LICENSE_REGISTERED_ELSEWHERE(Category.CONFLICT, "License registered elsewhere"),
    LICENSE_NOT_REGISTRABLE(Category.CONFLICT, "License not registrable"),
    INSTANCE_KEY_MISMATCH(Category.PERMISSION, "Instance key mismatch"),
    INSTANCE_SIGNATURE_INVALID(Category.AUTHENTICATION, "Instance signature invalid"),
    UPSTREAM_UNAVAILABLE(Category.UPSTREAM, "Publisher unavailable"),
    UPSTREAM_REFUSED(Category.UPSTREAM, "Publisher refused"),
    UPSTREAM_INVALID_ANSWER(Category.UPSTREAM, "Publisher answer invalid"),
    SYNC_IN_PROGRESS(Category.CONFLICT, "Sync in progress"),

    REQUEST_CODE_INVALID(Category.INPUT, "Invalid request code"),
    LICENSE_FILE_INVALID(Category.INPUT, "Invalid license file"),
    LICENSE_FILE_SIGNATURE_INVALID(Category.INPUT, "License file signature invalid"),
    LICENSE_FILE_WRONG_INSTANCE(Category.CONFLICT, "License file for another instance"),
    LICENSE_FILE_EXPIRED(Category.CONFLICT, "License file expired"),
    LICENSE_FILE_SUPERSEDED(Category.CONFLICT, "License file superseded"),
    PUBLISHER_KEY_NOT_PINNED(Category.CONFLICT, "No publisher key pinned"),

    RETURN_REQUEST_INVALID(Category.INPUT, "Invalid return request"),
    RETURN_RESPONSE_INVALID(Category.INPUT, "Invalid return response"),
    RETURN_RESPONSE_MISMATCH(Category.CONFLICT, "Return response for another request"),
    RETURN_REQUEST_EXPIRED(Category.CONFLICT, "Return request expired"),
    LICENSE_RETURN_PENDING(Category.CONFLICT, "License return pending"),
    NO_RETURN_PENDING(Category.CONFLICT, "No return pending"),
    NOTHING_TO_RETURN(Category.CONFLICT, "Nothing to return"),
    HARDWARE_KEY_INVALID(Category.INPUT, "Invalid hardware key"),
    HARDWARE_KEY_NOT_FOUND(Category.NOT_FOUND, "Hardware key not found"),
    HARDWARE_KEY_MISMATCH(Category.CONFLICT, "Hardware key mismatch"),
    HARDWARE_KEY_NOT_READY(Category.CONFLICT, "Hardware key not ready"),
    HARDWARE_KEY_BUFFER_EXPIRED(Category.CONFLICT, "Hardware key buffer expired"),
    HARDWARE_KEYS_NOT_CONFIGURED(Category.CONFLICT, "Hardware keys not configured"),
    HARDWARE_KEY_READ_FAILED(Category.UNAVAILABLE, "Hardware keys unreadable"),

    INVALID_CLIENT_TOKEN(Category.AUTHENTICATION, "Invalid client token"),
    CLIENT_TOKEN_NAME_TAKEN(Category.CONFLICT, "Client token name taken"),
    CLIENT_TOKEN_NOT_FOUND(Category.NOT_FOUND, "Client token not found"),
    LICENSE_NOT_HOSTED(Category.NOT_FOUND, "License not hosted"),
    NO_SEAT_AVAILABLE(Category.CONFLICT, "No seat available"),
    LICENSE_EXPIRED(Category.CONFLICT, "License expired"),
    LICENSE_UNCERTAIN(Category.CONFLICT, "License uncertain"),
    QUOTA_EXCEEDED(Category.CONFLICT, "Quota exceeded"),
    INSUFFICIENT_QUOTA(Category.CONFLICT, "Insufficient license quota"),
    LEASE_NOT_FOUND(Category.NOT_FOUND, "Lease not found"),
    LEASE_ENDED(Category.GONE, "Lease ended"),
    BORROW_TOO_LONG(Category.INPUT, "Borrow period too long"),

    ACTIVATION_KEY_NOT_FOUND(Category.NOT_FOUND, "Activation key not found"),
    ACTIVATION_NOT_FOUND(Category.NOT_FOUND, "Activation not found"),
    ACTIVATION_LIMIT_REACHED(Category.CONFLICT, "Activation limit reached"),
    ACTIVATION_CYCLE_LIMIT(Category.TOO_MANY_REQUESTS, "Too many activation cycles"),
    ACTIVATION_ALREADY_DEACTIVATED(Category.CONFLICT, "Activation already deactivated"),
    INVALID_DEACTIVATION_CODE(Category.INPUT, "Invalid deactivation code"),
    SELF_HELP_RATE_LIMITED(Category.TOO_MANY_REQUESTS, "Too many requests"),
    RATE_LIMITED(Category.TOO_MANY_REQUESTS, "Too many requests"),

    PAYLOAD_TOO_LARGE(Category.TOO_LARGE, "Payload too large"),

    SERVICE_UNAVAILABLE(Category.UNAVAILABLE, "Service unavailable"),

    INTERNAL_ERROR(Category.INTERNAL, "Internal error");

    /** What kind of failure a code is; the facades translate kinds, not individual codes. */
    public enum Category {
        INPUT,
        AUTHENTICATION,
        PERMISSION,
        NOT_FOUND,
        METHOD,
        MEDIA_TYPE,
        NOT_ACCEPTABLE,
        CONFLICT,
        GONE,
        TOO_LARGE,
        TOO_MANY_REQUESTS,
        UPSTREAM,
        UNAVAILABLE,
        INTERNAL
    }

    private final Category category;
    private final String title;

    ErrorCode(Category category, String title) {
        this.category = category;
        this.title = title;
    }

    /** The code of that name, or null for a name that is not in the catalogue. */
    public static ErrorCode fromName(String name) {
        for (ErrorCode c : values()) {
            if (c.name().equals(name)) {
                return c;
            }
        }
        return null;
    }

    /** The server's (or its publisher's) failure rather than the request's: HTTP 5xx, a SOAP Server fault. */
    public boolean isServerSide() {
        return category == Category.INTERNAL || category == Category.UPSTREAM || category == Category.UNAVAILABLE;
    }

    public Category category() {
        return category;
    }

    public String title() {
        return title;
    }
}
