package dev.vigil.platform.store;

import io.vertx.pgclient.PgException;
import java.sql.SQLException;

/**
 * Whether a failure is PostgreSQL refusing a duplicate key (SQLSTATE 23505), however the client wrapped it: the
 * reactive client raises a {@link PgException}, Hibernate Reactive an exception caused by a {@link SQLException}
 * carrying the state.
 */
public final class UniqueViolation {
    public static final String SQL_STATE = "23505";

    private UniqueViolation() {
    }

    public static boolean causedBy(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof PgException database && SQL_STATE.equals(database.getSqlState())) {
                return true;
            }
            if (cause instanceof SQLException jdbc && SQL_STATE.equals(jdbc.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
