/**
 * Licensing records: every change to the catalog is recorded with time, actor, channel, item and
 * its state before and after, in the same transaction as the change.
 */
package org.licentia.audit;
