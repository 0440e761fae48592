/** What this server is: its version, its build, its schema and which side of licensing it serves. */
package org.licentia.server;
