package dev.vigil.devstack;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The local stack's SMTP relay: it takes every mail notify sends to email endpoints and keeps it, so the demo can
 * show what a customer's inbox would hold. It listens on loopback next to the webhook receiver.
 */
final class MailCatcher implements AutoCloseable {
    private final GreenMail server;

    /** One mail as an inbox shows it: the text part, without the HTML one. */
    record Mail(List<String> to, String subject, String messageId, String text) {
    }

    private MailCatcher(GreenMail server) {
        this.server = server;
    }

    static MailCatcher start(int port) {
        GreenMail server = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        server.start();
        return new MailCatcher(server);
    }

    List<Mail> received() {
        List<Mail> mails = new ArrayList<>();
        for (MimeMessage message : server.getReceivedMessages()) {
            try {
                Address[] to = message.getAllRecipients();
                mails.add(new Mail(to == null ? List.of() : Arrays.stream(to).map(Address::toString).toList(),
                        message.getSubject(), message.getMessageID(), text(message)));
            } catch (MessagingException | IOException e) {
                mails.add(new Mail(List.of(), "(unreadable: " + e.getMessage() + ")", null, null));
            }
        }
        return mails;
    }

    private static String text(Part part) throws MessagingException, IOException {
        if (part.isMimeType("text/plain")) {
            return part.getContent().toString();
        }
        if (part.getContent() instanceof Multipart parts) {
            for (int i = 0; i < parts.getCount(); i++) {
                String text = text(parts.getBodyPart(i));
                if (text != null) {
                    return text;
                }
            }
        }
        return part instanceof MimeMessage message ? GreenMailUtil.getBody(message) : null;
    }

    @Override
    public void close() {
        server.stop();
    }
}
