/**
 * Floating seats on an on-prem instance: client tokens, seat leases (reserve, heartbeat, release,
 * borrow, expiry) of the hosted licenses, and the usage records kept for reporting.
 *
 * <p>Leases live in the Infinispan cache {@code licentia/seat-leases}, one entry per license, so
 * that every change to a license's leases is one atomic update and the seat amount can never be
 * exceeded, on one node or several.
 */
package org.licentia.seats;
