package dev.vigil.platform.messaging;

import io.vertx.core.VertxException;
import io.vertx.core.impl.NoStackTraceThrowable;
import io.vertx.pgclient.PgException;
import java.io.IOException;
import java.util.concurrent.TimeoutException;

/**
 * Tells a failure to apply a batch that says nothing about its records (the database is away, busy or
 * misconfigured: wait and try the same batch again) from one that a record caused (bad data the database
 * refuses, or an event the code cannot handle: find that record and park it).
 */
public final class ApplyFailure {
    private ApplyFailure() {
    }

    /**
     * Transient or systemic: lost connections, closed pools, timeouts, and every database error except data
     * exceptions (SQLSTATE class 22) and integrity violations (class 23). A missing table or a revoked grant is
     * systemic too: parking every record until someone fixes the schema would bury the whole stream in the DLQ,
     * while holding the partition keeps it in order on the broker until the fix.
     */
    public static boolean isTransient(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof PgException database) {
                return !isCausedByData(database.getSqlState());
            }
            if (cause instanceof VertxException || cause instanceof NoStackTraceThrowable
                    || cause instanceof IOException || cause instanceof TimeoutException) {
                return true;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }

    /** One line for the DLQ header and the log: the SQLSTATE where the database refused, else the exception. */
    public static String describe(Throwable failure) {
        for (Throwable cause = failure; cause != null && cause.getCause() != cause; cause = cause.getCause()) {
            if (cause instanceof PgException database) {
                return "the database refused it: SQLSTATE " + database.getSqlState() + " " + database.getErrorMessage();
            }
        }
        return "applying it failed: " + failure.getClass().getSimpleName()
                + (failure.getMessage() == null ? "" : ": " + failure.getMessage());
    }

    /** A short, fixed name for the metric tag: {@code sqlstate-22021}, or the exception's simple name. */
    public static String cause(Throwable failure) {
        for (Throwable cause = failure; cause != null && cause.getCause() != cause; cause = cause.getCause()) {
            if (cause instanceof PgException database) {
                return "sqlstate-" + database.getSqlState();
            }
        }
        return failure.getClass().getSimpleName();
    }

    private static boolean isCausedByData(String sqlState) {
        return sqlState != null && (sqlState.startsWith("22") || sqlState.startsWith("23"));
    }
}
