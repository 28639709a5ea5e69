package dev.vigil.devstack;

import java.nio.file.Path;

/** The stack's stand-in customer endpoint: {@code ReceiverMain PORT SECRETS_FILE}. */
public final class ReceiverMain {
    private ReceiverMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        WebhookReceiver receiver = WebhookReceiver.start(Integer.parseInt(args[0]), Path.of(args[1]));
        Runtime.getRuntime().addShutdownHook(new Thread(receiver::close, "receiver-shutdown"));
        System.out.println("webhook receiver ready on 127.0.0.1:" + args[0]);
        Thread.currentThread().join();
    }
}
