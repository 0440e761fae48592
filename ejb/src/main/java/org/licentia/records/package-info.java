/**
 * On-prem side: the Licensing Record of seed 002, one row per license for every way a license
 * arrives on or changes on this instance (online registration, sync, license file, expiry), for
 * admins and auditors, as pages or CSV.
 */
package org.licentia.records;
