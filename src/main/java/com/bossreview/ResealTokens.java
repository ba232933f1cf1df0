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
import com.bossreview.install.SealedElsewhere;
import com.bossreview.install.TokenCipher;
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
        Optional<AppConfig.MultiWorkspace> multi = config.multiWorkspace();
        // One workspace: no bot token is stored, but calendar and CRM tokens are, sealed with the
        // same key. They are re-sealed with the current key; there is no rolling key switch to
        // wait for (new ones are sealed with the current key already).
        Optional<TokenCipher> single =
                multi.isPresent()
                        ? Optional.empty()
                        : config.calendar()
                                .encryptionKey()
                                .map(
                                        key ->
                                                new TokenCipher(
                                                        key,
                                                        config.calendar().previousEncryptionKey()));
        if (multi.isEmpty() && single.isEmpty()) {
            throw new ConfigException(
                    FLAG
                            + " re-seals stored tokens with BOSSREVIEW_ENCRYPTION_KEY: bot tokens in multi-workspace mode"
                            + " (SLACK_CLIENT_ID), calendar and CRM tokens in any mode; with SLACK_BOT_TOKEN and no"
                            + " BOSSREVIEW_ENCRYPTION_KEY nothing is sealed in the database.");
        }
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
            List<SealedElsewhere> elsewhere =
                    List.of(new CalendarTokens(db.jdbi()), new CrmTokens(db.jdbi()));
            KeyRotation.Resealed resealed =
                    multi.isPresent()
                            ? BackgroundWork.call(
                                    () ->
                                            Distribution.installations(
                                                            multi.get(),
                                                            db.jdbi(),
                                                            Clock.systemUTC())
                                                    .keys()
                                                    .resealAll(elsewhere))
                            : BackgroundWork.call(
                                    () -> KeyRotation.resealElsewhere(single.get(), elsewhere));
            List<String> counts = new java.util.ArrayList<>();
            if (multi.isPresent()) {
                counts.add(resealed.botTokens() + " stored bot tokens");
            }
            resealed.elsewhere().forEach((what, n) -> counts.add(n + " " + what));
            out.println(
                    "bossreview: re-sealed "
                            + String.join(" and ", counts)
                            + " with BOSSREVIEW_ENCRYPTION_KEY; new "
                            + "tokens are sealed with it too. BOSSREVIEW_ENCRYPTION_KEY_PREVIOUS can now be removed from every instance.");
            return 0;
        } finally {
            embedded.ifPresent(EmbeddedDatabase::close);
        }
    }
}
