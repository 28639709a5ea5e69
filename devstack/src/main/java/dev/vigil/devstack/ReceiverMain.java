package dev.vigil.devstack;

import java.nio.file.Path;

/**
 * The stack's stand-ins for a customer's systems: a webhook receiver on {@code PORT}, and an SMTP relay on the port
 * after it whose mails it lists at {@code /received-mail}. {@code ReceiverMain PORT SECRETS_FILE}.
 */
public final class ReceiverMain {
    private ReceiverMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        int port = Integer.parseInt(args[0]);
        WebhookReceiver receiver = WebhookReceiver.start(port, Path.of(args[1]));
        MailCatcher mail = MailCatcher.start(StackLayout.smtpPortNextTo(port));
        receiver.serve("/received-mail", mail::received);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            receiver.close();
            mail.close();
        }, "receiver-shutdown"));
        System.out.println("webhook receiver ready on 127.0.0.1:" + port + ", SMTP on 127.0.0.1:"
                + StackLayout.smtpPortNextTo(port));
        Thread.currentThread().join();
    }
}
