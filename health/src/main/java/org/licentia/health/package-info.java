/**
 * MicroProfile Health checks. They live in a library jar in the EAR's lib/ because WildFly's
 * health extension looks up checks through a bean manager that sees the EAR's libraries but not
 * the beans of its web or EJB modules.
 */
package org.licentia.health;
