/**
 * Floating seats from the application's side: reserving, renewing, releasing and borrowing seats
 * of the licenses an on-prem Licentia instance hosts, over the seat API of {@code docs/seats.md}.
 *
 * <p>Every lease a {@link org.licentia.client.seat.SeatClient} hands out has had its signed
 * document checked against the instance's Ed25519 keys, so an application never acts on a lease
 * the server did not sign. A {@link org.licentia.client.seat.FloatingSeat} keeps one lease renewed
 * in the background and says once, through its listener, when the seat is gone.
 */
package org.licentia.client.seat;
