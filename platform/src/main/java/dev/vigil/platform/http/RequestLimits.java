package dev.vigil.platform.http;

import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Optional;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Refuses a URI longer than {@code vigil.http.max-uri-length} (414), a declared body larger than
 * {@code quarkus.http.limits.max-body-size} (413), and a {@code Content-Type} that is not a media type (415: an
 * empty one made the router of an endpoint taking two media types fail) with problem+json. Quarkus checks the body size too, but answers
 * with an empty body; this filter runs first, so callers see the same problems as everywhere else. A chunked body
 * that grows past the limit is still cut off by Quarkus while it is read.
 */
@ApplicationScoped
public class RequestLimits {
    /** Vert.x routes run by ascending order and a filter's order is minus its priority: Quarkus's check is at -2. */
    static final int PRIORITY = 1000;
    /** RFC 9110's type "/" subtype, each a token, then any parameters. */
    private static final Pattern MEDIA_TYPE = Pattern.compile(
            "\\s*[!#$%&'*+.^_`|~0-9A-Za-z-]+/[!#$%&'*+.^_`|~0-9A-Za-z-]+\\s*(;.*)?", Pattern.DOTALL);

    private final int maxUriLength;
    private final long maxBodySize;

    public RequestLimits(HttpLimitsConfig limits,
            @ConfigProperty(name = "quarkus.http.limits.max-body-size") Optional<MemorySize> maxBodySize) {
        this.maxUriLength = limits.maxUriLength();
        this.maxBodySize = maxBodySize.map(MemorySize::asLongValue).orElse(Long.MAX_VALUE);
    }

    void register(@Observes Filters filters) {
        filters.register(this::check, PRIORITY);
    }

    private void check(RoutingContext context) {
        if (context.request().uri().length() > maxUriLength) {
            HttpProblems.send(context.response(), 414, "The request URI is longer than " + maxUriLength + " characters");
            return;
        }
        if (declaredBodyLength(context) > maxBodySize) {
            // the body is left unread: close the connection rather than reading it to keep the connection alive
            context.response().putHeader("Connection", "close");
            HttpProblems.send(context.response(), 413, "The request body is larger than " + maxBodySize + " bytes");
            return;
        }
        String contentType = context.request().getHeader("Content-Type");
        if (contentType != null && !MEDIA_TYPE.matcher(contentType).matches()) {
            HttpProblems.send(context.response(), 415, "The Content-Type header is not a media type");
            return;
        }
        context.next();
    }

    private static long declaredBodyLength(RoutingContext context) {
        String length = context.request().getHeader("Content-Length");
        if (length == null) {
            return -1;
        }
        try {
            return Long.parseLong(length.trim());
        } catch (NumberFormatException e) {
            return -1; // Netty refuses a malformed Content-Length before any handler runs
        }
    }
}
