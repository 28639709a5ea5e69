package dev.vigil.devstack;

import dev.vigil.testsupport.EmbeddedKafka;
import java.nio.file.Path;
import java.util.Map;

/** The stack's Kafka broker, in a JVM of its own: {@code BrokerMain DATA_DIR PORT CONTROLLER_PORT}. */
public final class BrokerMain {
    private BrokerMain() {
    }

    public static void main(String[] args) {
        EmbeddedKafka broker = EmbeddedKafka.start(Path.of(args[0]), Integer.parseInt(args[1]),
                Integer.parseInt(args[2]), Map.of("log.retention.hours", "24"));
        Runtime.getRuntime().addShutdownHook(new Thread(broker::close, "broker-shutdown"));
        System.out.println("Kafka broker ready on " + broker.bootstrapServers());
        broker.awaitShutdown();
    }
}
