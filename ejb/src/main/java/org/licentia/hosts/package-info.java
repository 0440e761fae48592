/**
 * On-prem side: the licensed product's hosts, which report themselves with a client token and
 * count against the quota of a license licensed by hosts or by CPU sockets (seed 002).
 */
package org.licentia.hosts;
