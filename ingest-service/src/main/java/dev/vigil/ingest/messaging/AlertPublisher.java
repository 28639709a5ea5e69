package dev.vigil.ingest.messaging;

import dev.vigil.contracts.Alert;
import dev.vigil.contracts.Channels;
import dev.vigil.contracts.EventTypes;
import dev.vigil.contracts.Json;
import dev.vigil.contracts.Keys;
import dev.vigil.platform.messaging.CloudEvents;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;

/** Publishes normalised alerts keyed by tenant/fingerprint; completes only when the broker acknowledged all. */
@ApplicationScoped
public class AlertPublisher {
    static final String SOURCE = "ingest";

    private final MutinyEmitter<String> emitter;

    public AlertPublisher(
            @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 100_000) @Channel(Channels.ALERTS_OUT)
            MutinyEmitter<String> emitter) {
        this.emitter = emitter;
    }

    public Uni<Void> publish(List<Alert> alerts) {
        List<Uni<Void>> sends = new ArrayList<>(alerts.size());
        for (Alert alert : alerts) {
            sends.add(emitter.sendMessage(CloudEvents.message(SOURCE, alert.eventId(), EventTypes.ALERT, alert.tenant(),
                    null, Keys.alert(alert.tenant(), alert.fingerprint()), Json.write(alert))));
        }
        return Uni.join().all(sends).andFailFast().replaceWithVoid();
    }
}
