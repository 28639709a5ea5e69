package dev.vigil.platform.http;

import dev.vigil.contracts.Json;
import dev.vigil.platform.problem.Problem;
import dev.vigil.platform.problem.ProblemType;
import io.vertx.core.http.HttpServerResponse;
import java.util.List;

/** Writes problem+json straight to a Vert.x response, for answers given before any REST resource runs. */
final class HttpProblems {
    private HttpProblems() {
    }

    static void send(HttpServerResponse response, int status, String detail) {
        ProblemType type = ProblemType.forStatus(status);
        Problem problem = new Problem(type.urn(), type.title(), status, detail, List.of());
        response.setStatusCode(status).putHeader("Content-Type", Problem.MEDIA_TYPE);
        if (status == 401) {
            response.putHeader(Problem.CHALLENGE_HEADER, Problem.BEARER_CHALLENGE);
        }
        response.end(Json.write(problem));
    }
}
