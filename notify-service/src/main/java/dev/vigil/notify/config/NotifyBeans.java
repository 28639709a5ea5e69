package dev.vigil.notify.config;

import dev.vigil.notify.DeliveryPolicy;
import dev.vigil.notify.SsrfGuard;
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

    @Produces
    @Singleton
    DeliveryPolicy deliveryPolicy(NotifyConfig config) {
        NotifyConfig.Delivery delivery = config.delivery();
        // java.util.Random is safe to share between the threads that finish attempts
        return new DeliveryPolicy(delivery.maxAttempts(), delivery.backoffBase(), delivery.backoffCap(),
                delivery.maxRetryAfter(), new Random());
    }
}
