package dev.vigil.testsupport;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.UUID;

/**
 * A real PostgreSQL for tests and the local stack: embedded (binaries from Maven jars) by default, or an
 * existing server when a JDBC URL is given. Databases are created on demand, one per service.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {
    /** Whether a transaction the server acknowledged survives a crash of the server. */
    public enum Durability {
        /** fsync and synchronous commit on: for the local stack and for tests that kill PostgreSQL. */
        CRASH_SAFE,
        /** zonky's defaults (fsync and synchronous commit off): faster, for throw-away test databases. */
        FAST
    }

    private final EmbeddedPostgres embedded;
    private final String host;
    private final int port;
    private final String user;
    private final String password;

    private EmbeddedPostgresServer(EmbeddedPostgres embedded, String host, int port, String user, String password) {
        this.embedded = embedded;
        this.host = host;
        this.port = port;
        this.user = user;
        this.password = password;
    }

    /** Starts an embedded server; {@code dataDir} null means a throw-away directory. */
    public static EmbeddedPostgresServer startEmbedded(Path dataDir, int port, Durability durability) {
        try {
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder();
            if (durability == Durability.CRASH_SAFE) {
                // zonky passes -F (fsync off) and synchronous_commit=off; its -c options come after -F, and
                // PostgreSQL applies command-line settings in order, so these win (SHOW confirms it)
                builder.setServerConfig("fsync", "on").setServerConfig("synchronous_commit", "on");
            }
            if (dataDir != null) {
                builder.setDataDirectory(dataDir).setCleanDataDirectory(false);
            }
            if (port > 0) {
                builder.setPort(port);
            }
            EmbeddedPostgres pg = builder.start();
            return new EmbeddedPostgresServer(pg, "127.0.0.1", pg.getPort(), "postgres", "postgres");
        } catch (IOException e) {
            throw new UncheckedIOException("embedded PostgreSQL did not start", e);
        }
    }

    /** Uses an existing server, e.g. {@code postgresql://user:password@127.0.0.1:5432} (database part ignored). */
    public static EmbeddedPostgresServer existing(String url) {
        PostgresUrl parsed = PostgresUrl.parse(url);
        return new EmbeddedPostgresServer(null, parsed.host(), parsed.port(), parsed.user(), parsed.password());
    }

    /** Creates the database unless it exists. */
    public void ensureDatabase(String name) {
        if (!name.matches("[a-z_][a-z0-9_]*")) {
            throw new IllegalArgumentException("unsafe database name: " + name);
        }
        try (Connection c = DriverManager.getConnection(jdbcUrl("postgres"), user, password);
                Statement s = c.createStatement()) {
            var rs = s.executeQuery("select 1 from pg_database where datname = '" + name + "'");
            if (!rs.next()) {
                s.execute("create database " + name);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not create database " + name + " on " + host + ":" + port, e);
        }
    }

    /** A fresh database with a random name, for one test run against a shared server. */
    public String createScratchDatabase(String prefix) {
        String name = prefix + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        ensureDatabase(name);
        return name;
    }

    /** Drops a scratch database, closing what still connects to it. */
    public void dropDatabase(String name) {
        if (!name.matches("[a-z_][a-z0-9_]*")) {
            throw new IllegalArgumentException("unsafe database name: " + name);
        }
        try (Connection c = DriverManager.getConnection(jdbcUrl("postgres"), user, password);
                Statement s = c.createStatement()) {
            s.execute("drop database if exists " + name + " with (force)");
        } catch (SQLException e) {
            throw new IllegalStateException("could not drop database " + name, e);
        }
    }

    /** The server's current value of a setting, e.g. {@code fsync} (SHOW over JDBC). */
    public String setting(String name) {
        if (!name.matches("[a-z_]+")) {
            throw new IllegalArgumentException("unsafe setting name: " + name);
        }
        try (Connection c = DriverManager.getConnection(jdbcUrl("postgres"), user, password);
                Statement s = c.createStatement();
                var rs = s.executeQuery("show " + name)) {
            rs.next();
            return rs.getString(1);
        } catch (SQLException e) {
            throw new IllegalStateException("could not read setting " + name + " on " + host + ":" + port, e);
        }
    }

    /** True when the server accepts a connection and answers {@code select 1} within about two seconds. */
    public boolean answers() {
        Properties props = new Properties();
        props.setProperty("user", user);
        props.setProperty("password", password);
        props.setProperty("connectTimeout", "2");
        props.setProperty("socketTimeout", "2");
        try (Connection c = DriverManager.getConnection(jdbcUrl("postgres"), props);
                Statement s = c.createStatement()) {
            return s.execute("select 1");
        } catch (SQLException e) {
            return false;
        }
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://" + host + ":" + port + "/" + database;
    }

    public String reactiveUrl(String database) {
        return "postgresql://" + host + ":" + port + "/" + database;
    }

    public String user() {
        return user;
    }

    public String password() {
        return password;
    }

    public int port() {
        return port;
    }

    @Override
    public void close() {
        if (embedded != null) {
            try {
                embedded.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
