package dev.vigil.platform.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.impl.NoStackTraceThrowable;
import io.vertx.core.impl.NoStackTraceTimeoutException;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.ClosedConnectionException;
import java.net.ConnectException;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

class ApplyFailureTest {

    @Test
    void aDatabaseThatIsAwayBusyOrMisconfiguredIsTransient() {
        assertTrue(ApplyFailure.isTransient(new ConnectException("Connection refused")));
        assertTrue(ApplyFailure.isTransient(ClosedConnectionException.INSTANCE));
        assertTrue(ApplyFailure.isTransient(new NoStackTraceThrowable("Pool closed")));
        assertTrue(ApplyFailure.isTransient(new NoStackTraceTimeoutException("timeout acquiring a connection")));
        assertTrue(ApplyFailure.isTransient(pg("57P01", "terminating connection due to administrator command")));
        assertTrue(ApplyFailure.isTransient(pg("40001", "could not serialize access")));
        assertTrue(ApplyFailure.isTransient(pg("40P01", "deadlock detected")));
        assertTrue(ApplyFailure.isTransient(pg("53300", "too many connections")));
        assertTrue(ApplyFailure.isTransient(pg("42P01", "relation \"inbox\" does not exist")));
        assertTrue(ApplyFailure.isTransient(new CompletionException(pg("08006", "connection failure"))));
    }

    @Test
    void dataTheDatabaseRefusesOrCodeThatCannotHandleARecordIsTheRecordsFault() {
        assertFalse(ApplyFailure.isTransient(pg("22021", "invalid byte sequence for encoding \"UTF8\": 0x00")));
        assertFalse(ApplyFailure.isTransient(pg("22P05", "unsupported Unicode escape sequence")));
        assertFalse(ApplyFailure.isTransient(pg("23502", "null value in column")));
        assertFalse(ApplyFailure.isTransient(new NullPointerException()));
        assertFalse(ApplyFailure.isTransient(new IllegalArgumentException("unknown severity")));
    }

    @Test
    void theReasonNamesTheSqlStateOrTheException() {
        assertEquals("the database refused it: SQLSTATE 22021 bad byte", ApplyFailure.describe(pg("22021", "bad byte")));
        assertEquals("sqlstate-22021", ApplyFailure.cause(new CompletionException(pg("22021", "bad byte"))));
        assertEquals("applying it failed: IllegalStateException: no runbook", ApplyFailure.describe(
                new IllegalStateException("no runbook")));
        assertEquals("IllegalStateException", ApplyFailure.cause(new IllegalStateException("no runbook")));
    }

    private static PgException pg(String sqlState, String message) {
        return new PgException(message, "ERROR", sqlState, null);
    }
}
