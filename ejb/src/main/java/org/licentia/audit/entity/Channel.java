package org.licentia.audit.entity;

/** How a change reached the server; recorded with every audit record. */
public enum Channel {
    REST, SOAP, CLI, SYSTEM
}
