/**
 * The publisher's catalog: accounts and their users, products and editions, and licenses.
 * Guarantees: license numbers are 8 digits and unique; a license's terms always fit its edition;
 * a revoked license never changes; every change is audited; users see and change only what their
 * roles allow.
 */
package org.licentia.catalog;
