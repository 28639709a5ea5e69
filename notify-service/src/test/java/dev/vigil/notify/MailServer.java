package dev.vigil.notify;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * A real SMTP server in the test JVM (GreenMail), on the port {@link NotifyTestResources} gave notify's mailer.
 * Started by the first test that needs it and kept for the JVM, like {@link WebhookReceiver#shared()}.
 */
public final class MailServer {
    static final String PORT_PROPERTY = "vigil.test.smtp-port";
    private static GreenMail shared;

    private MailServer() {
    }

    public static synchronized GreenMail shared() {
        if (shared == null) {
            shared = new GreenMail(new ServerSetup(NotifyTestResources.smtpPort(), "127.0.0.1",
                    ServerSetup.PROTOCOL_SMTP));
            shared.start();
        }
        return shared;
    }

    /** The messages received for {@code address} so far. */
    public static List<MimeMessage> to(String address) {
        return Arrays.stream(shared().getReceivedMessages()).filter(message -> {
            try {
                return Arrays.stream(message.getAllRecipients()).anyMatch(r -> r.toString().equalsIgnoreCase(address));
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    /** Waits up to {@code timeout} for at least {@code count} messages to {@code address}. */
    public static List<MimeMessage> await(String address, int count, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<MimeMessage> received = to(address);
        while (received.size() < count && System.nanoTime() < deadline) {
            Thread.sleep(50);
            received = to(address);
        }
        return received;
    }
}
