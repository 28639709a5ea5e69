package dev.vigil.platform.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.vigil.platform.paging.Keyset;
import dev.vigil.platform.paging.PageRequest;
import dev.vigil.platform.security.TenantScope;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ScopedQueryTest {

    @Test
    void aListIsScopedFilteredAndCutAfterTheKeyset() {
        UUID id = UUID.randomUUID();
        Instant at = Instant.parse("2026-11-25T03:00:00Z");
        ScopedQuery query = ScopedQuery.select("select * from incidents", "tenant", TenantScope.of(List.of("a", "b")))
                .where("status = ?", "open")
                .page("opened_at", "id", new PageRequest<>(100, Optional.of(new Keyset<>(at, id))));

        assertEquals("select * from incidents where tenant = any($1) and status = $2"
                + " and (opened_at, id) < ($3, $4) order by opened_at desc, id desc limit $5", query.sql());
        assertArrayEquals(new String[] {"a", "b"}, (String[]) query.arguments().getValue(0));
        assertEquals("open", query.arguments().getValue(1));
        assertEquals(at.atOffset(ZoneOffset.UTC), query.arguments().getValue(2));
        assertEquals(id, query.arguments().getValue(3));
        assertEquals(101, query.arguments().getValue(4));
    }

    @Test
    void everyTenantAddsNoTenantCondition() {
        ScopedQuery query = ScopedQuery.select("select * from tenants", "id", TenantScope.EVERY_TENANT)
                .page("created_at", "id", PageRequest.first(10));
        assertEquals("select * from tenants order by created_at desc, id desc limit $1", query.sql());
    }
}
