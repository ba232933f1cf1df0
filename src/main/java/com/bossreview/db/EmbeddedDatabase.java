package com.bossreview.db;

import com.bossreview.config.DatabaseUrl;
import com.bossreview.config.Secret;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A PostgreSQL 17 server run by the app itself when {@code DATABASE_URL} is unset, so that a first
 * try needs nothing installed. The only class that uses the embedded-database library, and it is
 * loaded only when {@code DATABASE_URL} is unset: the slim jar, which leaves the library out, runs
 * with {@code DATABASE_URL} (PackagedJarsIT). Its data directory is kept, so a restart keeps
 * everything.
 *
 * <p>Not an open door: every connection, over TCP or the local socket, needs the superuser's
 * password (SCRAM), which the app generates on first start and keeps in {@code
 * BOSSREVIEW_DATA_DIR/postgres-password} (mode 600). A data directory made by an older version,
 * which trusted every local user, gets the password and loses its {@code trust} lines on its next
 * start. Commits are durable ({@code fsync}, {@code synchronous_commit} on), unlike the embedded
 * library's test-friendly defaults.
 */
public final class EmbeddedDatabase implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabase.class);
    static final String PASSWORD_FILE = "postgres-password";
    private static final String SUPERUSER = "postgres";
    private static final Pattern TRUST = Pattern.compile("^(\\s*[^#\\s].*\\s)trust\\s*$");

    private final EmbeddedPostgres postgres;
    private final Secret password;

    private EmbeddedDatabase(EmbeddedPostgres postgres, Secret password) {
        this.postgres = postgres;
        this.password = password;
    }

    /**
     * Starts (or restarts) the server whose data is in {@code dataDir}/postgres.
     *
     * @throws com.bossreview.config.ConfigException when this build or platform has no embedded
     *     database ({@link EmbeddedBinaries}), before the library is touched
     */
    public static EmbeddedDatabase start(Path dataDir) {
        String binaries = EmbeddedBinaries.requireHere();
        Path dir = dataDir.toAbsolutePath().normalize();
        Path pgData = dir.resolve("postgres");
        Path passwordFile = dir.resolve(PASSWORD_FILE);
        try {
            Files.createDirectories(pgData);
            boolean existing = Files.exists(pgData.resolve("PG_VERSION"));
            boolean trusting = existing && trusts(pgData.resolve("pg_hba.conf"));
            if (existing && !trusting && !Files.exists(passwordFile)) {
                throw new IllegalStateException(
                        "The embedded PostgreSQL in "
                                + pgData
                                + " needs the password kept in "
                                + passwordFile
                                + ", which is missing: restore it from the backup of BOSSREVIEW_DATA_DIR.");
            }
            Secret password = readOrCreatePassword(passwordFile);
            EmbeddedPostgres postgres =
                    EmbeddedPostgres.builder()
                            // Our choice of file rather than the library's: it would take the
                            // universal macOS build for an Intel one on Apple silicon and ask
                            // for Rosetta 2.
                            .setPgBinaryResolver((system, machine) -> open(binaries))
                            .setDataDirectory(pgData)
                            .setCleanDataDirectory(false)
                            .setServerConfig("max_connections", "100")
                            .setServerConfig("listen_addresses", "localhost")
                            // The library starts the server with -F (fsync off) and
                            // synchronous_commit=off, for tests.
                            .setServerConfig("fsync", "on")
                            .setServerConfig("synchronous_commit", "on")
                            // initdb options go through the builder's "locale" settings (passed as
                            // --key=value, after the
                            // library's own "-A trust", so they win): password authentication from
                            // the very first start.
                            .setLocaleConfig("pwfile", passwordFile.toString())
                            .setLocaleConfig("auth", "scram-sha-256")
                            .setConnectConfig("password", password.reveal())
                            .start();
            if (trusting) {
                closeTheDoor(postgres, password, pgData.resolve("pg_hba.conf"));
            }
            log.info(
                    "Embedded PostgreSQL started on port {} with {} data in {} (password in {})",
                    postgres.getPort(),
                    existing ? "existing" : "new",
                    pgData,
                    passwordFile);
            return new EmbeddedDatabase(postgres, password);
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "Could not start the embedded PostgreSQL in "
                            + pgData
                            + " (is another bossreview using BOSSREVIEW_DATA_DIR?): "
                            + e.getMessage(),
                    e);
        }
    }

    private static InputStream open(String resource) throws IOException {
        InputStream in = EmbeddedDatabase.class.getClassLoader().getResourceAsStream(resource);
        if (in == null) {
            throw new IOException(resource + " is not on the class path");
        }
        return in;
    }

    /**
     * True when pg_hba.conf lets anyone in without a password (what earlier bossreview versions
     * left behind).
     */
    static boolean trusts(Path hba) throws IOException {
        return Files.readAllLines(hba, StandardCharsets.UTF_8).stream()
                .anyMatch(l -> TRUST.matcher(l).matches());
    }

    /**
     * An older data directory: give the superuser the password (still through {@code trust}), then
     * require it everywhere and reload. Safe to repeat if interrupted: the next start finds {@code
     * trust} again.
     */
    private static void closeTheDoor(EmbeddedPostgres postgres, Secret password, Path hba)
            throws IOException {
        try (Connection c =
                        DriverManager.getConnection(postgres.getJdbcUrl(SUPERUSER, "postgres"));
                Statement s = c.createStatement()) {
            s.execute("SET password_encryption = 'scram-sha-256'");
            // The password is base64url: nothing in it needs quoting.
            s.execute("ALTER ROLE " + SUPERUSER + " PASSWORD '" + password.reveal() + "'");
            List<String> lines =
                    Files.readAllLines(hba, StandardCharsets.UTF_8).stream()
                            .map(l -> TRUST.matcher(l).replaceFirst("$1scram-sha-256"))
                            .toList();
            Files.write(hba, lines, StandardCharsets.UTF_8, StandardOpenOption.TRUNCATE_EXISTING);
            s.execute("SELECT pg_reload_conf()");
            log.info(
                    "Embedded PostgreSQL: local connections now need the password (it trusted every local user before)");
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "Could not set a password on the embedded PostgreSQL in "
                            + hba.getParent()
                            + ": "
                            + e.getMessage(),
                    e);
        }
    }

    /** The password, made once (256 random bits) and kept readable by the app's user alone. */
    static Secret readOrCreatePassword(Path file) throws IOException {
        Set<PosixFilePermission> ownerOnly = PosixFilePermissions.fromString("rw-------");
        if (!Files.exists(file)) {
            byte[] bytes = new byte[32];
            new SecureRandom().nextBytes(bytes);
            String password = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
            Files.createFile(file, PosixFilePermissions.asFileAttribute(ownerOnly));
            Files.writeString(file, password + "\n", StandardCharsets.UTF_8);
        }
        if (!Files.getPosixFilePermissions(file).equals(ownerOnly)) {
            log.warn("{} was readable by others: set back to mode 600", file);
            Files.setPosixFilePermissions(file, ownerOnly);
        }
        String password =
                Files.readAllLines(file, StandardCharsets.UTF_8).stream()
                        .findFirst()
                        .orElse("")
                        .strip();
        if (password.isEmpty()) {
            throw new IllegalStateException(
                    file + " is empty: it must hold the embedded PostgreSQL's password.");
        }
        return new Secret(password);
    }

    public DatabaseUrl url() {
        return new DatabaseUrl(
                postgres.getJdbcUrl(SUPERUSER, "postgres"),
                Optional.of(SUPERUSER),
                Optional.of(password));
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            log.warn("Embedded PostgreSQL did not stop cleanly: {}", e.getMessage());
        }
    }
}
