/**
 * The database schema, on the publisher and on the instance alike: Flyway migrations under
 * {@code db/migration/} run at start-up before anything else touches the database, and Hibernate
 * only checks that the entities match what they made.
 */
package org.licentia.schema;
