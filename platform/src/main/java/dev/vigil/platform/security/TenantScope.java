package dev.vigil.platform.security;

import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The tenants a caller may see: every tenant ({@code "*"} in a staff token), or a fixed set, possibly empty.
 * Stores filter every query by it, so a record outside the scope is never read, listed or changed.
 */
public record TenantScope(boolean everyTenant, Set<String> tenants) {
    public static final TenantScope EVERY_TENANT = new TenantScope(true, Set.of());
    public static final TenantScope NONE = new TenantScope(false, Set.of());

    public TenantScope {
        // sorted, so that queries and their arguments come out the same for the same scope
        tenants = Collections.unmodifiableSortedSet(new TreeSet<>(tenants));
    }

    public static TenantScope of(Collection<String> tenants) {
        return new TenantScope(false, Set.copyOf(tenants));
    }

    public static TenantScope of(String tenant) {
        return of(List.of(tenant));
    }

    public boolean includes(String tenant) {
        return everyTenant || tenants.contains(tenant);
    }

    public boolean isEmpty() {
        return !everyTenant && tenants.isEmpty();
    }

    /** The single tenant of a one-tenant scope, the tenant a create needs no {@code tenant} for. */
    public Optional<String> onlyTenant() {
        return !everyTenant && tenants.size() == 1 ? Optional.of(tenants.iterator().next()) : Optional.empty();
    }

    /** The tenants as an array, for {@code tenant = any($n)}; meaningless for {@link #everyTenant()}. */
    public String[] toArray() {
        return tenants.toArray(String[]::new);
    }
}
