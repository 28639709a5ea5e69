package dev.vigil.ingest.cloudwatch;

import dev.vigil.ingest.config.CloudWatchConfig;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;

/**
 * Decides whether an SNS message is SNS's and fresh, cheapest checks first so that a refused message costs no
 * fetch: a known SignatureVersion, URLs on SNS hosts (the SubscribeURL of a confirmation too, before anything is
 * fetched), a Timestamp inside the replay window, and only then the certificate and the signature.
 */
@ApplicationScoped
public class SnsMessageVerifier {
    /** SNS's clock and ours may differ a little; a message from further ahead was not sent by SNS. */
    private static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

    private final SnsUrlRule urls;
    private final Duration replayWindow;
    private final SigningCertificates certificates;
    private final SnsFetcher fetcher;

    public SnsMessageVerifier(CloudWatchConfig config, SigningCertificates certificates, SnsFetcher fetcher) {
        this.urls = new SnsUrlRule(config.snsHosts(), config.allowPlainHttp());
        this.replayWindow = config.replayWindow();
        this.certificates = certificates;
        this.fetcher = fetcher;
    }

    /** {@code message}, once its signature verified; else a refusal ({@link UntrustedMessageException}). */
    public Uni<SnsMessage> verified(SnsMessage message) {
        SnsSignature.algorithmOf(message.signatureVersion());
        URI certificate = urls.allowed(SigningCertificates.FIELD, message.signingCertUrl());
        if (message.type() == SnsMessage.Type.SUBSCRIPTION_CONFIRMATION) {
            urls.allowed("SubscribeURL", message.subscribeUrl());
        }
        Instant now = Instant.now();
        if (message.sentAt().isBefore(now.minus(replayWindow))) {
            throw new UntrustedMessageException("Timestamp", "is older than " + replayWindow.toMinutes()
                    + " minutes: SNS retries within that, so this is a replay");
        }
        if (message.sentAt().isAfter(now.plus(CLOCK_SKEW))) {
            throw new UntrustedMessageException("Timestamp", "is in the future");
        }
        SnsSignature.decoded(message.signature());
        return certificates.of(certificate).map(signedBy -> {
            SnsSignature.verify(message, signedBy);
            return message;
        });
    }

    /** Confirms a verified SubscriptionConfirmation: a GET of its SubscribeURL, as AWS asks. */
    public Uni<Void> confirm(SnsMessage confirmation) {
        return fetcher.get("SubscribeURL", urls.allowed("SubscribeURL", confirmation.subscribeUrl()))
                .replaceWithVoid();
    }
}
