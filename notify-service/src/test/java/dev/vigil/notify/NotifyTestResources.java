package dev.vigil.notify;

import dev.vigil.testsupport.VigilTestResources;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.HashMap;
import java.util.Map;

/**
 * The shared broker and database, and where notify's SMTP relay is: a port on loopback where {@link MailServer}
 * listens once a test needs mail. The port is chosen once per test JVM, so every restart of the application finds
 * the same relay.
 */
public class NotifyTestResources extends VigilTestResources {

    @Override
    public Map<String, String> start() {
        Map<String, String> config = new HashMap<>(super.start());
        config.put("quarkus.mailer.host", "127.0.0.1");
        config.put("quarkus.mailer.port", Integer.toString(smtpPort()));
        return config;
    }

    static synchronized int smtpPort() {
        String chosen = System.getProperty(MailServer.PORT_PROPERTY);
        if (chosen != null) {
            return Integer.parseInt(chosen);
        }
        try (ServerSocket socket = new ServerSocket(0)) {
            System.setProperty(MailServer.PORT_PROPERTY, Integer.toString(socket.getLocalPort()));
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
