/**
 * Sync with the upstream publisher: at start-up and every interval, all hosted licenses in one
 * batched call; removes what the publisher no longer backs, keeps what it cannot confirm, never
 * adds. One sync at a time across every node sharing the database.
 */
package org.licentia.sync;
