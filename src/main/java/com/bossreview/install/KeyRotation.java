package com.bossreview.install;

import com.bossreview.config.ConfigException;
import java.time.Clock;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rotating {@code BOSSREVIEW_ENCRYPTION_KEY} without breaking a rolling restart. Instances started
 * with the new key and the old one as {@code BOSSREVIEW_ENCRYPTION_KEY_PREVIOUS} open tokens sealed
 * with either, but nothing is re-sealed at start-up and new tokens stay sealed with the key
 * recorded in {@code token_sealing} (the old one), so instances still running with the old key
 * alone keep opening every token. Once every instance has the new key, the operator's explicit step
 * ({@link #resealAll}, {@code java -jar bossreview.jar --reseal-tokens}) records the new key and
 * re-seals every token with it; after that the old key can be removed.
 */
public final class KeyRotation {
    private static final Logger log = LoggerFactory.getLogger(KeyRotation.class);

    private final Jdbi jdbi;
    private final TokenCipher cipher;
    private final Clock clock;

    public KeyRotation(Jdbi jdbi, TokenCipher cipher, Clock clock) {
        this.jdbi = jdbi;
        this.cipher = cipher;
        this.clock = clock;
    }

    /**
     * At start-up: refuses to run when stored tokens, or the key new tokens are sealed with, need a
     * key this instance was not given (a wrong key would otherwise make every workspace look
     * broken), and records the sealing key on a deployment's first start: the previous key while
     * rotating, else the key.
     */
    public void checkAtStartup() {
        List<String> unknown =
                jdbi.withExtension(InstallationDao.class, InstallationDao::keyIds).stream()
                        .filter(id -> !cipher.knows(id))
                        .toList();
        if (!unknown.isEmpty()) {
            throw new ConfigException(
                    "BOSSREVIEW_ENCRYPTION_KEY does not open the stored installations (sealed with key "
                            + String.join(", ", unknown)
                            + "; this key is "
                            + cipher.keyId()
                            + "). Set it back to the key they "
                            + "were stored with, or, to rotate, set the new key in BOSSREVIEW_ENCRYPTION_KEY and the old one in "
                            + "BOSSREVIEW_ENCRYPTION_KEY_PREVIOUS.");
        }
        String sealing =
                jdbi.withExtension(
                        SealingKeyDao.class,
                        dao -> {
                            dao.initialize(
                                    cipher.previousKeyId().orElse(cipher.keyId()), clock.instant());
                            return dao.current().orElseThrow();
                        });
        if (!cipher.knows(sealing)) {
            throw new ConfigException(
                    "BOSSREVIEW_ENCRYPTION_KEY is not the key new tokens are sealed with (key "
                            + sealing
                            + "; this key is "
                            + cipher.keyId()
                            + "): the re-seal step of a key rotation has run. "
                            + "Start this instance with the new key in BOSSREVIEW_ENCRYPTION_KEY.");
        }
        if (!sealing.equals(cipher.keyId())) {
            log.info(
                    "Key rotation under way: tokens sealed with key {} or {} are opened; new ones are sealed with {} "
                            + "until `--reseal-tokens` is run once every instance has key {}",
                    cipher.keyId(),
                    sealing,
                    sealing,
                    cipher.keyId());
        }
    }

    /** The key to seal a token with, inside the transaction that stores it. */
    String sealingKey(Handle h) {
        return sealingKey(h, cipher);
    }

    /**
     * The key to seal a token with, read inside the transaction that stores it, for tokens kept
     * outside install/ (the calendar's): during a rotation the previous key, as for bot tokens, so
     * instances still on the old key alone keep opening them. Falls back to {@code cipher}'s key
     * where no deployment key is recorded (single-workspace mode records none).
     */
    public static String sealingKey(Handle h, TokenCipher cipher) {
        return h.attach(SealingKeyDao.class)
                .forSealing()
                .filter(cipher::knows)
                .orElse(cipher.keyId());
    }

    /**
     * The explicit last step of a rotation: new tokens are sealed with {@code
     * BOSSREVIEW_ENCRYPTION_KEY} from now on, and every token still sealed with the previous key is
     * re-sealed (compare-and-set, so a reinstall meanwhile is never overwritten). Run it only when
     * every instance has the new key: an instance with the old key alone answers "try again" for
     * the re-sealed workspaces.
     *
     * @return how many tokens were re-sealed
     */
    public int resealAll() {
        return resealAll(List.of()).botTokens();
    }

    /** What {@link #resealAll(List)} re-sealed: bot tokens, and each other kind by name. */
    public record Resealed(int botTokens, java.util.Map<String, Integer> elsewhere) {}

    /**
     * {@link #resealAll()}, and then the tokens {@code elsewhere} (after the switch, so none sealed
     * with the old key can commit after their scan either).
     */
    public Resealed resealAll(List<SealedElsewhere> elsewhere) {
        int bots = resealBotTokens();
        return new Resealed(bots, resealElsewhere(cipher, elsewhere).elsewhere());
    }

    /**
     * Only the tokens {@code elsewhere}, with {@code cipher}'s current key: single-workspace mode,
     * where no bot token is stored and new tokens are sealed with the current key already.
     */
    public static Resealed resealElsewhere(TokenCipher cipher, List<SealedElsewhere> elsewhere) {
        java.util.Map<String, Integer> others = new java.util.LinkedHashMap<>();
        for (SealedElsewhere e : elsewhere) {
            int n = e.reseal(cipher);
            others.put(e.what(), n);
            log.info("Re-sealed {} {} with key {}", n, e.what(), cipher.keyId());
        }
        return new Resealed(0, others);
    }

    private int resealBotTokens() {
        checkAtStartup();
        // Committed before the scan: a store that read the old key has committed (its share lock),
        // any later one sees the new.
        jdbi.useTransaction(
                h -> h.attach(SealingKeyDao.class).switchTo(cipher.keyId(), clock.instant()));
        int resealed = 0;
        for (InstallationDao.Row row :
                jdbi.withExtension(
                        InstallationDao.class, dao -> dao.sealedWithOtherKeyThan(cipher.keyId()))) {
            String context = Installations.context(row);
            String resealedToken = cipher.encrypt(cipher.decrypt(row.botToken(), context), context);
            resealed +=
                    jdbi.withExtension(
                            InstallationDao.class,
                            dao -> dao.reseal(row.id(), row.botToken(), resealedToken));
        }
        log.info(
                "Re-sealed {} stored bot tokens with key {}; new tokens are sealed with it",
                resealed,
                cipher.keyId());
        return resealed;
    }
}
