package org.licentia.client.seat;

/** Told once when the instance stops counting a host that reports in the background (quota, expiry, token revoked). */
@FunctionalInterface
public interface HostRefusalListener {

    void hostRefused(HostReport last, SeatException refusal);
}
