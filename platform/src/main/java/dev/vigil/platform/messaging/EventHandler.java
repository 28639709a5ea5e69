package dev.vigil.platform.messaging;

import dev.vigil.contracts.TenantScoped;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * What a service does with the events of one channel; {@link BatchProcessor} does the rest (decoding, the
 * inbox, the transaction, retries, parking).
 */
public interface EventHandler<T extends TenantScoped> {

    /** The channel's name, for logs, metrics and readiness. */
    String channel();

    Class<T> eventType();

    /** Names a field this handler cannot do without, if the event lacks one; such a record is parked. */
    Optional<String> missingField(T event);

    /**
     * Applies events not applied before, keyed by event id in record order, inside the transaction that claims
     * them in the inbox. Any failure rolls the whole transaction back.
     */
    Uni<Void> apply(SqlConnection connection, Map<UUID, T> fresh);

    /** Runs after every committed transaction, e.g. to wake the outbox relay. */
    void committed();
}
