package org.licentia.audit.entity;

/** How a change reached the server; recorded with every audit record. */
public enum Channel {
    REST,
    SOAP,
    /** Only in records written before 0.2: the CLI said so itself; now it is the REST channel with the CLI's User-Agent. */
    CLI,
    SYSTEM,
    /** A person in a browser: the console's pages or the self-help page (since schema version 9). */
    PAGE
}
