/**
 * First-start data: the bootstrap publisher admin from configuration, and with
 * {@code licentia.demo-data=true} the demo catalog the README lists. Never overwrites what exists.
 */
package org.licentia.demo;
