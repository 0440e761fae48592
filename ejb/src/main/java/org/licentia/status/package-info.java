/**
 * On-prem side: each hosted license's status (Valid, Expired) and the seed's alerts ("License to
 * Expire", "License Expired", "Insufficient License Quota"), shown over REST, SOAP and the CLI,
 * in the readiness check and the metrics, and sent to a webhook once when each starts and ends.
 */
package org.licentia.status;
