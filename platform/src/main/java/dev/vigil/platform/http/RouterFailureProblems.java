package dev.vigil.platform.http;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.HttpException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Answers with problem+json what the HTTP layer refuses outside any REST resource: a path no route matches
 * (404, 405) and requests the router fails with a client error, such as one without a {@code Host} header (400).
 * Server errors are left to Quarkus's error handler, which logs them.
 */
@ApplicationScoped
public class RouterFailureProblems {

    void register(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).failureHandler(this::failed);
        router.errorHandler(404, context -> answer(context, 404));
        router.errorHandler(405, context -> answer(context, 405));
    }

    /** A 4xx the router chose (with or without an exception saying why) is the caller's; anything else is ours. */
    private void failed(RoutingContext context) {
        int status = context.failure() instanceof HttpException http ? http.getStatusCode() : context.statusCode();
        if (status >= 400 && status < 500 && !context.response().headWritten()) {
            answer(context, status);
        } else {
            context.next();
        }
    }

    private static void answer(RoutingContext context, int status) {
        if (context.response().headWritten()) {
            context.response().end();
            return;
        }
        HttpProblems.send(context.response(), status, switch (status) {
            case 400 -> "The request is malformed";
            case 404 -> "No resource at this path";
            case 405 -> "The method is not allowed here";
            default -> null;
        });
    }
}
