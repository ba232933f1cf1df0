package com.bossreview.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Optional;

/**
 * Where PostgreSQL is: a JDBC URL plus, when the URL carried them, user and password kept apart so
 * that the URL itself can be logged.
 */
public record DatabaseUrl(String jdbcUrl, Optional<String> user, Optional<Secret> password) {

    private static final String HINT =
            "DATABASE_URL must look like postgres://user:password@host:5432/dbname "
                    + "or jdbc:postgresql://host:5432/dbname (or leave it unset for the embedded database)";

    /**
     * Accepts {@code postgres://}, {@code postgresql://} (Heroku style) and {@code
     * jdbc:postgresql://} URLs.
     */
    public static DatabaseUrl parse(String raw) {
        String url = raw.trim();
        if (url.startsWith("jdbc:postgresql://")) {
            checkUri(url.substring("jdbc:".length()));
            return new DatabaseUrl(url, Optional.empty(), Optional.empty());
        }
        if (!url.startsWith("postgres://") && !url.startsWith("postgresql://")) {
            throw new ConfigException(HINT + ".");
        }
        URI uri = checkUri(url);
        String path = uri.getRawPath();
        if (path == null || path.length() < 2 || path.indexOf('/', 1) >= 0) {
            throw new ConfigException("DATABASE_URL has no database name: " + HINT + ".");
        }
        int port = uri.getPort() == -1 ? 5432 : uri.getPort();
        String jdbc =
                "jdbc:postgresql://"
                        + uri.getHost()
                        + ":"
                        + port
                        + path
                        + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        Optional<String> user = Optional.empty();
        Optional<Secret> password = Optional.empty();
        String userInfo = uri.getUserInfo(); // percent-decoded by URI
        if (userInfo != null && !userInfo.isEmpty()) {
            int colon = userInfo.indexOf(':');
            user = Optional.of(colon < 0 ? userInfo : userInfo.substring(0, colon));
            if (colon >= 0) {
                password = Optional.of(new Secret(userInfo.substring(colon + 1)));
            }
        }
        return new DatabaseUrl(jdbc, user, password);
    }

    private static URI checkUri(String url) {
        try {
            URI uri = new URI(url);
            if (uri.getHost() == null || uri.getHost().isBlank()) {
                throw new ConfigException("DATABASE_URL has no host: " + HINT + ".");
            }
            return uri;
        } catch (URISyntaxException e) {
            // The message would echo the URL and with it the password: say only what is expected.
            throw new ConfigException("DATABASE_URL is not a valid URL: " + HINT + ".");
        }
    }

    @Override
    public String toString() {
        return jdbcUrl.replaceAll("(?i)(password=)[^&]*", "$1****");
    }
}
