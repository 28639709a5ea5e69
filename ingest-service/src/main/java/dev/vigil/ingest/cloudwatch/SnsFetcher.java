package dev.vigil.ingest.cloudwatch;

import dev.vigil.ingest.config.CloudWatchConfig;
import io.netty.channel.ConnectTimeoutException;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.ext.web.client.WebClient;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.time.Duration;
import org.jboss.logging.Logger;

/**
 * GETs a URL an SNS message names (a signing certificate, a subscription's SubscribeURL) without blocking: Vert.x's
 * client answers on the event loop. Only URLs {@link SnsUrlRule} allowed reach it; it connects to exactly the host
 * and port of that URI and follows no redirect. A timeout or a 5xx is SNS being briefly away
 * ({@link SnsUnavailableException}, so SNS retries); anything else (no such host, refused, TLS failure, a 4xx) means
 * the URL does not lead to SNS and the message is refused as untrusted, naming its field.
 */
@ApplicationScoped
public class SnsFetcher {
    private static final Logger LOG = Logger.getLogger(SnsFetcher.class);
    private final WebClient client;
    private final Duration timeout;

    public SnsFetcher(Vertx vertx, CloudWatchConfig config) {
        this.timeout = config.fetchTimeout();
        this.client = WebClient.create(vertx, new WebClientOptions()
                .setFollowRedirects(false)
                .setConnectTimeout((int) timeout.toMillis())
                .setUserAgent("vigil-ingest"));
    }

    @PreDestroy
    void close() {
        client.close();
    }

    /** The body of {@code url}'s 2xx answer; {@code field} names the URL's field in a refusal. */
    public Uni<Buffer> get(String field, URI url) {
        boolean https = url.getScheme().equalsIgnoreCase("https");
        String path = url.getRawPath() == null || url.getRawPath().isEmpty() ? "/" : url.getRawPath();
        RequestOptions options = new RequestOptions()
                .setHost(url.getHost())
                .setPort(url.getPort() != -1 ? url.getPort() : https ? 443 : 80)
                .setSsl(https)
                .setURI(url.getRawQuery() == null ? path : path + "?" + url.getRawQuery());
        return client.request(HttpMethod.GET, options).followRedirects(false).send()
                .ifNoItem().after(timeout).failWith(() -> new SnsUnavailableException(field + " did not answer within "
                        + timeout.toMillis() + " ms"))
                .onFailure(failure -> !(failure instanceof SnsUnavailableException)).transform(failure -> {
                    LOG.debugf("GET %s failed: %s", url, failure);
                    return failure instanceof ConnectTimeoutException
                            ? new SnsUnavailableException(field + " did not answer within " + timeout.toMillis() + " ms")
                            : new UntrustedMessageException(field, "could not be fetched: " + failure.getClass()
                                    .getSimpleName());
                })
                .map(response -> {
                    if (response.statusCode() >= 500) {
                        throw new SnsUnavailableException(field + " answered HTTP " + response.statusCode());
                    }
                    if (response.statusCode() < 200 || response.statusCode() > 299) {
                        throw new UntrustedMessageException(field, "answered HTTP " + response.statusCode());
                    }
                    return response.body() == null ? Buffer.buffer() : response.body();
                });
    }
}
