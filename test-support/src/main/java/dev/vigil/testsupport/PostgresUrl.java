package dev.vigil.testsupport;

import java.net.URI;

/** The parts of a {@code postgresql://user:password@host:port/db} (or {@code jdbc:postgresql://...?user=}) URL. */
record PostgresUrl(String host, int port, String user, String password) {

    static PostgresUrl parse(String url) {
        URI uri = URI.create(url.startsWith("jdbc:") ? url.substring("jdbc:".length()) : url);
        String user = "postgres";
        String password = "";
        if (uri.getUserInfo() != null) {
            String[] parts = uri.getUserInfo().split(":", 2);
            user = parts[0];
            password = parts.length > 1 ? parts[1] : "";
        }
        if (uri.getQuery() != null) {
            for (String pair : uri.getQuery().split("&")) {
                String[] kv = pair.split("=", 2);
                if (kv.length == 2 && kv[0].equals("user")) {
                    user = kv[1];
                } else if (kv.length == 2 && kv[0].equals("password")) {
                    password = kv[1];
                }
            }
        }
        return new PostgresUrl(uri.getHost(), uri.getPort() > 0 ? uri.getPort() : 5432, user, password);
    }
}
