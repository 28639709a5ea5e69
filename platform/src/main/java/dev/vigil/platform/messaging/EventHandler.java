package dev.vigil.platform.messaging;

import dev.vigil.contracts.ConsumedEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import java.util.Collection;
import java.util.Map;
import java.util.UUID;

/**
 * What a service does with the events of one channel; {@link BatchProcessor} does the rest (decoding, the
 * inbox, the transaction, retries, parking).
 */
public interface EventHandler<T extends ConsumedEvent> {

    /** The channel and the events it carries. */
    Subscription<T> subscription();

    /**
     * Applies events not applied before, keyed by event id in record order, inside the transaction that claims
     * them in the inbox. Any failure rolls the whole transaction back.
     */
    Uni<Void> apply(SqlConnection connection, Map<UUID, T> fresh);

    /** Runs after every committed transaction with the events it applied, e.g. to wake the outbox relay. */
    void committed(Collection<T> applied);
}
