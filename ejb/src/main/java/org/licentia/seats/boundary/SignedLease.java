package org.licentia.seats.boundary;

import org.licentia.signing.boundary.SignedDocument;

/** A lease with its signed lease document; {@code created} when the request took a new seat. */
public record SignedLease(LeaseView lease, SignedDocument signed, boolean created) {}
