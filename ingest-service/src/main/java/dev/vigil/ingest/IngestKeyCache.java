package dev.vigil.ingest;

import dev.vigil.ingest.config.IngestConfig;
import dev.vigil.ingest.store.IngestKeyStore;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;

/**
 * Authenticates ingest keys without touching the database on the request path: key hashes live in memory,
 * reloaded on a schedule and, rate-limited, when an unknown key shows up (a key made on another replica).
 */
@ApplicationScoped
public class IngestKeyCache {
    private static final Logger LOG = Logger.getLogger(IngestKeyCache.class);

    private final IngestKeyStore store;
    private final IngestConfig config;
    private final AtomicLong lastReloadNanos = new AtomicLong(System.nanoTime() - Duration.ofHours(1).toNanos());
    private volatile Map<String, String> tenantByKeyHash = Map.of();
    private Uni<Void> missReload;

    public IngestKeyCache(IngestKeyStore store, IngestConfig config) {
        this.store = store;
        this.config = config;
    }

    void loadAtStartup(@Observes StartupEvent event) {
        reload().await().atMost(Duration.ofSeconds(30));
    }

    @Scheduled(every = "${vigil.ingest.key-refresh-interval:5s}", delayed = "${vigil.ingest.key-refresh-interval:5s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> refresh() {
        return reload().onFailure().invoke(e -> LOG.warnf("ingest key reload failed: %s", e.getMessage()))
                .onFailure().recoverWithNull();
    }

    /**
     * The tenant owning {@code key}, if it is a live key. An unknown key waits for a reload shared by every miss
     * and run at most once per {@code key-miss-reload-interval}: a key just made on another replica works on
     * first use, while guessed keys cannot load the database more than that.
     */
    public Uni<Optional<String>> tenantFor(String key) {
        String hash = IngestKeys.hash(key);
        String tenant = tenantByKeyHash.get(hash);
        if (tenant != null) {
            return Uni.createFrom().item(Optional.of(tenant));
        }
        return sharedMissReload().map(loaded -> Optional.ofNullable(tenantByKeyHash.get(hash)));
    }

    private synchronized Uni<Void> sharedMissReload() {
        if (missReload == null) {
            long sinceLast = System.nanoTime() - lastReloadNanos.get();
            Duration wait = Duration.ofNanos(Math.max(0, config.keyMissReloadInterval().toNanos() - sinceLast));
            Uni<Void> start = wait.isZero() ? Uni.createFrom().voidItem()
                    : Uni.createFrom().voidItem().onItem().delayIt().by(wait);
            missReload = start.chain(this::reload)
                    .eventually(this::missReloadDone)
                    .memoize().indefinitely();
        }
        return missReload;
    }

    private synchronized void missReloadDone() {
        missReload = null;
    }

    /** Makes a key created on this replica usable at once. */
    public void remember(String key, String tenant) {
        Map<String, String> copy = new HashMap<>(tenantByKeyHash);
        copy.put(IngestKeys.hash(key), tenant);
        tenantByKeyHash = Map.copyOf(copy);
    }

    /** Makes a key revoked on this replica unusable at once; other replicas drop it at their next reload. */
    public void forget(String keyHash) {
        Map<String, String> copy = new HashMap<>(tenantByKeyHash);
        copy.remove(keyHash);
        tenantByKeyHash = Map.copyOf(copy);
    }

    private Uni<Void> reload() {
        lastReloadNanos.set(System.nanoTime());
        return store.activeKeys().invoke(keys -> tenantByKeyHash = Map.copyOf(keys)).replaceWithVoid();
    }
}
