package org.licentia.bench;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * The seat API as a client application calls it (docs/seats.md), with a client token, every call
 * timed and recorded through {@link TimedRequests}: a 2xx answer is a success; anything else, and
 * any I/O failure, is an error.
 */
final class SeatClient {

    private final TimedRequests requests;
    private final String bearer;

    /** A timed answer; status 0 and no body after an I/O failure. */
    record Reply(int status, String body, long nanos) {

        boolean ok() {
            return TimedRequests.isSuccess(status);
        }

        /** The lease's id from a reserve answer: {@code {"lease": {"id": ...}, ...}}. */
        String leaseId() {
            // {"document":{...},"lease":{...,"id":"..."}}: the document has no "id" member, so the first is the lease's
            int at = body.indexOf("\"id\":\"");
            return body.substring(at + 6, body.indexOf('"', at + 6));
        }
    }

    SeatClient(TimedRequests requests, String token) {
        this.requests = requests;
        this.bearer = "Bearer " + token;
    }

    /** The baseline: a request that goes through the same server stack but does no seat work (no sign-in). */
    Reply ping(Recorder recorder) {
        return reply(requests.ping(recorder));
    }

    Reply reserve(Recorder recorder, String license, String client) {
        // license numbers and the benchmark's client ids need no JSON escaping
        return exchange(
                recorder,
                Operation.RESERVE,
                "POST",
                "/api/v1/seats",
                bearer,
                "{\"license\":\"" + license + "\",\"client\":\"" + client + "\"}");
    }

    /** The contract gives the heartbeat no body; an empty JSON object is sent so that any {@code @Consumes} matches. */
    Reply heartbeat(Recorder recorder, String leaseId) {
        return exchange(
                recorder,
                Operation.HEARTBEAT,
                "POST",
                "/api/v1/seats/" + segment(leaseId) + "/heartbeat",
                bearer,
                "{}");
    }

    Reply release(Recorder recorder, String leaseId) {
        return exchange(recorder, Operation.RELEASE, "DELETE", "/api/v1/seats/" + segment(leaseId), bearer, null);
    }

    /** How many errors were seen in all runs so far. */
    int errorsSeen() {
        return requests.errorsSeen();
    }

    private Reply exchange(
            Recorder recorder, Operation op, String method, String path, String authorization, String body) {
        return reply(requests.exchange(recorder, op, TimedRequests::isSuccess, method, path, authorization, body));
    }

    private static Reply reply(TimedRequests.Reply timed) {
        return new Reply(timed.status(), timed.body(), timed.nanos());
    }

    /** Lease ids are opaque to clients: encoded, so that any character the server uses survives the path. */
    private static String segment(String leaseId) {
        return URLEncoder.encode(leaseId, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
