package dev.vigil.testsupport.fuzz;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Counts rows in the service's own database, to prove that a refused request wrote nothing. Reads the JDBC
 * settings the service under test runs with; one connection for the whole test.
 */
public final class RowCount implements AutoCloseable {
    private final Connection connection;

    private RowCount(Connection connection) {
        this.connection = connection;
    }

    public static RowCount ofServiceDatabase() {
        Config config = ConfigProvider.getConfig();
        try {
            return new RowCount(DriverManager.getConnection(
                    config.getValue("quarkus.datasource.jdbc.url", String.class),
                    config.getValue("quarkus.datasource.username", String.class),
                    config.getValue("quarkus.datasource.password", String.class)));
        } catch (SQLException e) {
            throw new IllegalStateException("cannot reach the service's database", e);
        }
    }

    /** The single number {@code countQuery} (a {@code select count(*) ...}) answers for {@code params}. */
    public long of(String countQuery, Object... params) {
        try (PreparedStatement statement = connection.prepareStatement(countQuery)) {
            for (int i = 0; i < params.length; i++) {
                statement.setObject(i + 1, params[i]);
            }
            try (ResultSet result = statement.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot count with " + countQuery, e);
        }
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }
}
