package dev.vigil.testsupport.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.function.LongSupplier;
import java.util.function.ToLongFunction;

/**
 * What every answer to a fuzzed request must be: never a server error, never a dropped connection, and every
 * client error an {@code application/problem+json} whose {@code status} is the HTTP status.
 */
public final class Verdicts {
    public static final String PROBLEM = "application/problem+json";

    private Verdicts() {
    }

    /** Sends {@code request} and checks the answer as above. */
    public static FuzzHttp.Answer send(int port, FuzzHttp.Request request) {
        FuzzHttp.Answer answer = FuzzHttp.send(port, request);
        assertHandled(request, answer);
        return answer;
    }

    public static void assertHandled(FuzzHttp.Request request, FuzzHttp.Answer answer) {
        if (nettyRefuses(request)) {
            if (answer.status() != 400) {
                fail("a header value with a control character not refused with 400", request, answer);
            }
            return;
        }
        if (answer.status() == 0) {
            fail("the connection closed without an answer", request, answer);
        }
        if (answer.status() >= 500) {
            fail("a server error", request, answer);
        }
        if (answer.status() >= 400) {
            String type = answer.header("Content-Type");
            if (type == null || !type.startsWith(PROBLEM)) {
                fail("a client error that is not problem+json", request, answer);
            }
            JsonNode problem = answer.json();
            JsonNode status = problem == null ? null : problem.get("status");
            if (status == null || status.asInt() != answer.status()) {
                fail("a problem whose status is not the HTTP status", request, answer);
            }
        }
    }

    /** Sends {@code request} like {@link #send} and insists on {@code status} (unless Netty refuses the request). */
    public static FuzzHttp.Answer sendExpecting(int status, int port, FuzzHttp.Request request) {
        return expect(status, request, send(port, request));
    }

    /** Checks that {@code answer} has {@code status}, unless {@link #nettyRefuses} the request. */
    public static FuzzHttp.Answer expect(int status, FuzzHttp.Request request, FuzzHttp.Answer answer) {
        if (!nettyRefuses(request) && answer.status() != status) {
            fail("expected " + status, request, answer);
        }
        return answer;
    }

    /**
     * Sends {@code request} like {@link #send} and checks what it left behind: nothing if it was refused,
     * {@code accepted} of the answer if it succeeded. {@code trace} counts what the endpoint writes (rows, records).
     */
    public static FuzzHttp.Answer sendCheckingTrace(int port, FuzzHttp.Request request, LongSupplier trace,
            ToLongFunction<FuzzHttp.Answer> accepted) {
        long before = trace.getAsLong();
        FuzzHttp.Answer answer = send(port, request);
        long written = trace.getAsLong() - before;
        long expected = answer.status() < 300 ? accepted.applyAsLong(answer) : 0;
        if (written != expected) {
            fail((answer.status() < 300 ? "an accepted" : "a refused") + " request wrote " + written
                    + " instead of " + expected, request, answer);
        }
        return answer;
    }

    /**
     * Netty refuses a header value holding a control character (other than tab) before any Vigil code runs and
     * answers 400 with an empty body: the known gap of requests Netty cannot parse (README, "What every API
     * refuses at the door"). Only the status is checked then.
     */
    static boolean nettyRefuses(FuzzHttp.Request request) {
        return request.headers().stream()
                .anyMatch(h -> h.value().chars().anyMatch(c -> c < 0x20 && c != '\t' || c == 0x7f));
    }

    /** Fails naming the request and the answer; {@link Fuzz} adds the seed. */
    public static void fail(String what, FuzzHttp.Request request, FuzzHttp.Answer answer) {
        throw new AssertionError(what + "\n request: " + request + "\n answer: " + answer);
    }
}
