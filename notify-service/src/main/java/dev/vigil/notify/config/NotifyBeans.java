package dev.vigil.notify.config;

import dev.vigil.notify.DeliveryPolicy;
import dev.vigil.notify.SsrfGuard;
import dev.vigil.notify.message.MessageTemplates;
import dev.vigil.notify.message.MessageWriter;
import dev.vigil.notify.secrets.SecretBox;
import io.quarkus.qute.Engine;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.net.InetAddress;
import java.util.Random;

/** Builds the framework-free domain services from configuration. */
@ApplicationScoped
public class NotifyBeans {

    @Produces
    @Singleton
    SsrfGuard ssrfGuard(NotifyConfig config) {
        return new SsrfGuard(config.allowPrivateTargets(), InetAddress::getAllByName);
    }

    /** Refuses to start on a malformed key list, naming the entry but never a key. */
    @Produces
    @Singleton
    SecretBox secretBox(NotifyConfig config) {
        try {
            return SecretBox.of(config.secretKeys());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("vigil.notify.secret-keys: " + e.getMessage(), e);
        }
    }

    /** Checks Vigil's own templates at start: one that does not render stops notify from starting. */
    @Produces
    @Singleton
    MessageWriter messageWriter(Engine engine) {
        return new MessageWriter(new MessageTemplates(engine));
    }

    @Produces
    @Singleton
    DeliveryPolicy deliveryPolicy(NotifyConfig config) {
        NotifyConfig.Delivery delivery = config.delivery();
        // java.util.Random is safe to share between the threads that finish attempts
        return new DeliveryPolicy(delivery.maxAttempts(), delivery.backoffBase(), delivery.backoffCap(),
                delivery.maxRetryAfter(), new Random());
    }
}
