package com.bossreview.calendar;

import com.bossreview.install.SealedElsewhere;
import com.bossreview.install.TokenCipher;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The calendar's sealed values for a key rotation's re-seal step: each connection's refresh and
 * access tokens, and each connection state's PKCE verifier, sealed like bot tokens with {@code
 * BOSSREVIEW_ENCRYPTION_KEY} under the context {@code calendar:<team>:<user>:<kind>}. Spent and
 * expired states are re-sealed too: they are purged within the hour, but until then nothing is left
 * that only the old key opens.
 */
public final class CalendarTokens implements SealedElsewhere {
    private static final Logger log = LoggerFactory.getLogger(CalendarTokens.class);

    private final Jdbi jdbi;

    public CalendarTokens(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public String what() {
        return "calendar tokens";
    }

    @Override
    public int reseal(TokenCipher cipher) {
        int resealed = 0;
        for (CalendarDao.Sealed s :
                jdbi.withExtension(CalendarDao.class, CalendarDao::sealedTokens)) {
            boolean access = s.accessToken() != null && cipher.needsRotation(s.accessToken());
            if (!cipher.needsRotation(s.refreshToken()) && !access) {
                continue;
            }
            try {
                String refresh = again(cipher, s.refreshToken(), s.teamId(), s.userId(), "refresh");
                String newAccess =
                        s.accessToken() == null
                                ? null
                                : again(cipher, s.accessToken(), s.teamId(), s.userId(), "access");
                int n =
                        jdbi.withExtension(
                                CalendarDao.class,
                                dao ->
                                        dao.resealTokens(
                                                s.teamId(),
                                                s.userId(),
                                                s.refreshToken(),
                                                s.accessToken(),
                                                refresh,
                                                newAccess));
                resealed += n * (s.accessToken() == null ? 1 : 2);
            } catch (TokenCipher.UndecryptableException e) {
                // no configured key opens it: the connection is broken either way; the rest go on
                log.warn(
                        "Calendar tokens of {}/{} not re-sealed: {}",
                        s.teamId(),
                        s.userId(),
                        e.getMessage());
            }
        }
        for (CalendarDao.SealedVerifier v :
                jdbi.withExtension(CalendarDao.class, CalendarDao::sealedVerifiers)) {
            if (!cipher.needsRotation(v.verifier())) {
                continue;
            }
            try {
                String sealed = again(cipher, v.verifier(), v.teamId(), v.userId(), "verifier");
                resealed +=
                        jdbi.withExtension(
                                CalendarDao.class,
                                dao -> dao.resealVerifier(v.stateSha256(), v.verifier(), sealed));
            } catch (TokenCipher.UndecryptableException e) {
                log.warn("A calendar connection state was not re-sealed: {}", e.getMessage());
            }
        }
        return resealed;
    }

    private static String again(
            TokenCipher cipher, String sealed, String team, String user, String kind) {
        String context = CalendarConnections.context(team, user, kind);
        return cipher.encrypt(cipher.decrypt(sealed, context), context);
    }
}
