package dev.vigil.notify.dispatch;

import dev.vigil.contracts.webhook.WebhookSignature;
import dev.vigil.notify.Attempt;
import dev.vigil.notify.EndpointUrl;
import dev.vigil.notify.SsrfGuard;
import dev.vigil.notify.config.NotifyConfig;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.core.net.SocketAddress;
import io.vertx.mutiny.ext.web.client.WebClient;
import io.vertx.mutiny.ext.web.codec.BodyCodec;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.InetAddress;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeoutException;

/** Makes one signed POST of a delivery's stored body to its endpoint, after the SSRF guard allowed the target. */
@ApplicationScoped
public class WebhookSender {
    private static final String USER_AGENT = "Vigil-Webhooks/1";

    private final WebClient client;
    private final SsrfGuard guard;
    private final Duration timeout;

    public WebhookSender(Vertx vertx, SsrfGuard guard, NotifyConfig config) {
        this.guard = guard;
        this.timeout = config.delivery().timeout();
        this.client = WebClient.create(vertx, new WebClientOptions()
                // a redirect would lead to a target the guard never checked
                .setFollowRedirects(false)
                .setConnectTimeout((int) Math.min(Integer.MAX_VALUE, config.delivery().connectTimeout().toMillis()))
                .setMaxPoolSize(config.delivery().concurrency())
                .setUserAgent(USER_AGENT));
    }

    /**
     * Sends {@code payload} as webhook {@code id}, signed with each of {@code secrets}. Never fails: every problem
     * becomes a failed attempt.
     */
    public Uni<Attempt> send(String target, List<String> secrets, String id, String payload) {
        URI url = URI.create(target);
        return Uni.createFrom().item(() -> guard.check(url.getHost()))
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                .chain(verdict -> {
                    if (verdict instanceof SsrfGuard.Allowed allowed) {
                        return post(url, allowed.address(), secrets, id, payload);
                    }
                    if (verdict instanceof SsrfGuard.Refused refused) {
                        return Uni.createFrom().item(Attempt.refused(refused.reason()));
                    }
                    return Uni.createFrom().item(Attempt.error(((SsrfGuard.Unresolved) verdict).reason()));
                })
                .onFailure().recoverWithItem(this::failed);
    }

    private Uni<Attempt> post(URI url, InetAddress address, List<String> secrets, String id, String payload) {
        long timestamp = Instant.now().getEpochSecond();
        // connect to the address the guard checked, not to whatever a second DNS lookup returns
        SocketAddress server = SocketAddress.inetSocketAddress(EndpointUrl.port(url), address.getHostAddress());
        return client.requestAbs(HttpMethod.POST, server, url.toString())
                .timeout(timeout.toMillis())
                .putHeader("content-type", "application/json")
                .putHeader(WebhookSignature.HEADER_ID, id)
                .putHeader(WebhookSignature.HEADER_TIMESTAMP, Long.toString(timestamp))
                .putHeader(WebhookSignature.HEADER_SIGNATURE,
                        WebhookSignature.sign(secrets, id, timestamp, payload))
                // the receiver's body is of no use and could be large
                .as(BodyCodec.none())
                .sendBuffer(Buffer.buffer(payload))
                // the request timeout restarts with every byte; this bounds the whole exchange below the lease
                .ifNoItem().after(timeout).failWith(TimeoutException::new)
                .map(response -> Attempt.response(response.statusCode(), response.getHeader("retry-after")));
    }

    private Attempt failed(Throwable failure) {
        if (failure instanceof TimeoutException) {
            return Attempt.error("no complete response within " + timeout.toMillis() + "ms");
        }
        return Attempt.error(failure.getClass().getSimpleName()
                + (failure.getMessage() == null ? "" : ": " + failure.getMessage()));
    }

    @PreDestroy
    void close() {
        client.close();
    }
}
