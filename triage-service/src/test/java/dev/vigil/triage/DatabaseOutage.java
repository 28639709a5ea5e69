package dev.vigil.triage;

import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Takes the service's database away and gives it back, from a superuser connection to another database: new
 * connections are refused and the service's open ones are cut, as in a failover or a restart.
 */
final class DatabaseOutage implements AutoCloseable {
    private final String adminUrl;
    private final String database;
    private final String user;
    private final String password;

    private DatabaseOutage(String jdbcUrl, String user, String password) {
        URI uri = URI.create(jdbcUrl.substring("jdbc:".length()));
        this.database = uri.getPath().substring(1);
        this.adminUrl = "jdbc:postgresql://" + uri.getHost() + ":" + uri.getPort() + "/template1";
        this.user = user;
        this.password = password;
    }

    static DatabaseOutage begin(String jdbcUrl, String user, String password) {
        DatabaseOutage outage = new DatabaseOutage(jdbcUrl, user, password);
        outage.execute("alter database \"" + outage.database + "\" with allow_connections false",
                "select pg_terminate_backend(pid) from pg_stat_activity where datname = '" + outage.database + "'");
        return outage;
    }

    /** Lets connections in again. */
    @Override
    public void close() {
        execute("alter database \"" + database + "\" with allow_connections true");
    }

    private void execute(String... statements) {
        try (Connection connection = DriverManager.getConnection(adminUrl, user, password);
                Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not change the database's availability", e);
        }
    }
}
