package org.licentia.client.seat;

/** Told once when a {@link FloatingSeat} is lost; never after {@link FloatingSeat#close()}. */
@FunctionalInterface
public interface SeatLossListener {

    /**
     * Runs on the seat's heartbeat thread (or on the thread that called {@link FloatingSeat#renew()}),
     * so it should hand long work elsewhere.
     *
     * @param lastLease the last lease the server confirmed
     * @param cause a {@link SeatException} when the server ended the lease ({@code LEASE_ENDED}, whose
     *     {@code details} carry the {@code reason}, {@code LEASE_NOT_FOUND}, {@code INVALID_CLIENT_TOKEN});
     *     otherwise the last renewal's failure ({@link SeatServerUnreachableException},
     *     {@link LeaseSignatureException}, a 5xx {@link SeatException}) once the lease expired with
     *     no renewal confirmed
     */
    void seatLost(Lease lastLease, RuntimeException cause);
}
