package com.bossreview;

import com.bossreview.calendar.CalendarTokens;
import com.bossreview.config.AppConfig;
import com.bossreview.config.ConfigException;
import com.bossreview.crm.CrmTokens;
import com.bossreview.db.BackgroundWork;
import com.bossreview.db.Database;
import com.bossreview.db.EmbeddedDatabase;
import com.bossreview.install.Distribution;
import com.bossreview.install.KeyRotation;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.PrintStream;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * {@code java -jar bossreview.jar --reseal-tokens}, run once with the app's environment: the
 * explicit last step of a key rotation ({@link KeyRotation#resealAll}), for when every instance
 * runs with the new key.
 */
public final class ResealTokens {
    public static final String FLAG = "--reseal-tokens";

    private ResealTokens() {}

    /**
     * @return the exit code
     */
    public static int run(AppConfig config, PrintStream out) {
        AppConfig.MultiWorkspace m =
                config.multiWorkspace()
                        .orElseThrow(
                                () ->
                                        new ConfigException(
                                                FLAG
                                                        + " is for "
                                                        + "multi-workspace mode (SLACK_CLIENT_ID): with SLACK_BOT_TOKEN no token is stored in the database."));
        Optional<EmbeddedDatabase> embedded =
                config.databaseUrl().isPresent()
                        ? Optional.empty()
                        : Optional.of(EmbeddedDatabase.start(config.dataDir()));
        try (Database db =
                Database.connect(
                        config.databaseUrl().orElseGet(() -> embedded.orElseThrow().url()),
                        new SimpleMeterRegistry(),
                        Database.MIN_POOL_SIZE)) {
            db.migrate();
            KeyRotation keys = Distribution.installations(m, db.jdbi(), Clock.systemUTC()).keys();
            KeyRotation.Resealed resealed =
                    BackgroundWork.call(
                            () ->
                                    keys.resealAll(
                                            List.of(
                                                    new CalendarTokens(db.jdbi()),
                                                    new CrmTokens(db.jdbi()))));
            StringBuilder others = new StringBuilder();
            resealed.elsewhere()
                    .forEach(
                            (what, n) -> others.append(" and ").append(n).append(' ').append(what));
            out.println(
                    "bossreview: re-sealed "
                            + resealed.botTokens()
                            + " stored bot tokens"
                            + others
                            + " with BOSSREVIEW_ENCRYPTION_KEY; new "
                            + "tokens are sealed with it too. BOSSREVIEW_ENCRYPTION_KEY_PREVIOUS can now be removed from every instance.");
            return 0;
        } finally {
            embedded.ifPresent(EmbeddedDatabase::close);
        }
    }
}
