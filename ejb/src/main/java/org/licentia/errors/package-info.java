/**
 * The error catalogue: every failure a client can see has an {@link org.licentia.errors.ErrorCode},
 * raised as a {@link org.licentia.errors.LicensingException} that rolls back the use case.
 */
package org.licentia.errors;
