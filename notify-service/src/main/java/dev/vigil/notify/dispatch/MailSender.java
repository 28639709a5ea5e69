package dev.vigil.notify.dispatch;

import dev.vigil.notify.Attempt;
import dev.vigil.notify.EndpointUrl;
import dev.vigil.notify.config.NotifyConfig;
import dev.vigil.notify.message.EmailBody;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.reactive.ReactiveMailer;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.mail.SMTPException;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.concurrent.TimeoutException;

/**
 * Sends an email endpoint's delivery through the MSP's SMTP relay ({@code quarkus.mailer.*}). The delivery id is the
 * mail's {@code Message-ID}, the same on every attempt, as {@code webhook-id} is for a webhook.
 */
@ApplicationScoped
public class MailSender {
    private final ReactiveMailer mailer;
    private final Duration timeout;

    public MailSender(ReactiveMailer mailer, NotifyConfig config) {
        this.mailer = mailer;
        this.timeout = config.delivery().timeout();
    }

    /** Sends the stored {@code payload} to a {@code mailto:} url. Never fails: problems become failed attempts. */
    public Uni<Attempt> send(String url, String id, String payload) {
        EmailBody body = EmailBody.read(payload);
        Mail mail = Mail.withText(EndpointUrl.address(url), body.subject(), body.text())
                .setHtml(body.html())
                .addHeader("Message-ID", "<" + id + "@vigil.notify>")
                .addHeader("X-Vigil-Delivery", id)
                // RFC 3834: an out-of-office reply to a notification helps nobody, and could loop
                .addHeader("Auto-Submitted", "auto-generated");
        return mailer.send(mail)
                .ifNoItem().after(timeout).failWith(TimeoutException::new)
                .map(sent -> Attempt.mailAccepted())
                .onFailure().recoverWithItem(this::failed);
    }

    private Attempt failed(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SMTPException refused) {
                return Attempt.mailRefused(refused.getReplyCode(), refused.getReplyMessage());
            }
        }
        if (failure instanceof TimeoutException) {
            return Attempt.error("the SMTP relay did not take the mail within " + timeout.toMillis() + "ms");
        }
        return Attempt.error(failure.getClass().getSimpleName()
                + (failure.getMessage() == null ? "" : ": " + failure.getMessage()));
    }
}
