package dev.vigil.notify.dispatch;

import dev.vigil.notify.Attempt;
import dev.vigil.notify.DueDelivery;
import dev.vigil.notify.EndpointUrl;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** Sends a delivery the way its endpoint is reached: email to a {@code mailto:} url, a signed POST otherwise. */
@ApplicationScoped
public class Senders {
    private final WebhookSender webhooks;
    private final MailSender mail;

    public Senders(WebhookSender webhooks, MailSender mail) {
        this.webhooks = webhooks;
        this.mail = mail;
    }

    /** One attempt of a delivery. Never fails: every problem becomes a failed {@link Attempt}. */
    public Uni<Attempt> send(DueDelivery delivery) {
        return send(delivery.url(), delivery.secrets(), delivery.id().toString(), delivery.payload());
    }

    /** Sends {@code payload} as message {@code id}; a webhook is signed with each of {@code secrets}. */
    public Uni<Attempt> send(String url, List<String> secrets, String id, String payload) {
        return EndpointUrl.isMailto(url) ? mail.send(url, id, payload) : webhooks.send(url, secrets, id, payload);
    }
}
