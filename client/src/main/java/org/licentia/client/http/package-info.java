/**
 * How the client library's packages talk to a Licentia server over HTTP: one way to send a JSON
 * request ({@link org.licentia.client.http.ServerApi}), to read an error answer
 * ({@link org.licentia.client.http.Problem}) and to say that no answer came
 * ({@link org.licentia.client.http.ServerUnreachableException}).
 *
 * <p>Applications use the capabilities ({@code seat}, {@code activation}); this package is public
 * only because Java has no narrower way to share it between them (and with the {@code licentia}
 * command, which sends its requests the same way), and the exceptions it defines are the ones those
 * capabilities throw.
 */
package org.licentia.client.http;
