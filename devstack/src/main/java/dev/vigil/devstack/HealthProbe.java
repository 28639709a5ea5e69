package dev.vigil.devstack;

import dev.vigil.testsupport.EmbeddedPostgresServer;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

/**
 * Asks each part of the stack whether it serves: PostgreSQL runs {@code select 1}, the broker answers a
 * metadata request, a service answers its readiness check. A live process proves none of that.
 */
final class HealthProbe {
    private static final int BROKER_TIMEOUT_MS = 3000;
    private final Api api = new Api();

    Health postgres(EmbeddedPostgresServer server) {
        return server.answers() ? Health.READY : Health.DEAD;
    }

    Health broker(String bootstrapServers) {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, BROKER_TIMEOUT_MS);
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, BROKER_TIMEOUT_MS);
        props.put(AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 500);
        try (Admin admin = Admin.create(props)) {
            return admin.describeCluster().nodes().get(BROKER_TIMEOUT_MS, TimeUnit.MILLISECONDS).isEmpty()
                    ? Health.NOT_READY : Health.READY;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Health.DEAD;
        } catch (Exception e) {
            return Health.DEAD;
        }
    }

    /** 200 is ready; any other answer (503 from a failing readiness check) is not ready; no answer is dead. */
    Health http(String url) {
        return api.status(url).stream().mapToObj(status -> status == 200 ? Health.READY : Health.NOT_READY)
                .findFirst().orElse(Health.DEAD);
    }
}
