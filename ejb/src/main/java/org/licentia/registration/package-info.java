/**
 * License registration between an on-prem instance and its publisher. Publisher side
 * ({@code InstanceRegistrations}): a license is hosted by at most one instance, changes are
 * declarative and all-or-nothing. On-prem side ({@code Registrations}): the seed's rules (implicit
 * only when empty, explicit lists with a confirmed summary), signed documents checked before use,
 * and a failed change leaves both sides as they were.
 */
package org.licentia.registration;
