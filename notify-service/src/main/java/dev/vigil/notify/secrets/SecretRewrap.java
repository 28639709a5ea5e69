package dev.vigil.notify.secrets;

import io.quarkus.runtime.StartupEvent;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.ArrayList;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * At start, moves every stored endpoint secret under the first configured key: seals one stored before encryption
 * at rest, and wraps again the data key of one sealed under an older key. After a start with a new key put first,
 * the old key may be removed from configuration. Each row is updated only if it still holds what was read, so
 * replicas starting together do not undo each other.
 */
@ApplicationScoped
public class SecretRewrap {
    private static final Logger LOG = Logger.getLogger(SecretRewrap.class);

    private final Pool pool;
    private final SecretBox box;

    public SecretRewrap(Pool pool, SecretBox box) {
        this.pool = pool;
        this.box = box;
    }

    void onStart(@Observes StartupEvent start) {
        int moved = pool.query("select id, secret, previous_secret from endpoint").execute()
                .map(rows -> {
                    List<Tuple> stale = new ArrayList<>();
                    for (Row row : rows) {
                        String secret = row.getString("secret");
                        String previous = row.getString("previous_secret");
                        if (box.stale(secret) || (previous != null && box.stale(previous))) {
                            stale.add(Tuple.of(row.getUUID("id"), secret, previous, box.rewrap(secret),
                                    previous == null ? null : box.rewrap(previous)));
                        }
                    }
                    return stale;
                })
                .chain(stale -> stale.isEmpty() ? io.smallrye.mutiny.Uni.createFrom().item(0)
                        : pool.preparedQuery("""
                                update endpoint set secret = $4, previous_secret = $5
                                where id = $1 and secret = $2 and previous_secret is not distinct from $3""")
                                .executeBatch(stale).map(result -> stale.size()))
                .await().indefinitely();
        if (moved > 0) {
            LOG.infof("moved %d endpoint secrets under the first key of vigil.notify.secret-keys", moved);
        }
    }
}
