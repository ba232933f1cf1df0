package com.bossreview.crm;

import com.bossreview.install.SealedElsewhere;
import com.bossreview.install.TokenCipher;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The CRM's sealed values for a key rotation's re-seal step, as {@code calendar/CalendarTokens}
 * does for the calendar's: each connection's refresh and access tokens (context {@code
 * crm:<team>:<user or workspace>:<kind>}) and each connection state's PKCE verifier ({@code
 * crm:<team>:<asker>:verifier}), spent and expired states too.
 */
public final class CrmTokens implements SealedElsewhere {
    private static final Logger log = LoggerFactory.getLogger(CrmTokens.class);

    private final Jdbi jdbi;

    public CrmTokens(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public String what() {
        return "CRM tokens";
    }

    @Override
    public int reseal(TokenCipher cipher) {
        int resealed = 0;
        for (CrmDao.Sealed s : jdbi.withExtension(CrmDao.class, CrmDao::sealedTokens)) {
            boolean access = s.accessToken() != null && cipher.needsRotation(s.accessToken());
            if (!cipher.needsRotation(s.refreshToken()) && !access) {
                continue;
            }
            String owner = CrmConnections.owner(s.userId());
            try {
                String refresh = again(cipher, s.refreshToken(), s.teamId(), owner, "refresh");
                String newAccess =
                        s.accessToken() == null
                                ? null
                                : again(cipher, s.accessToken(), s.teamId(), owner, "access");
                int n =
                        jdbi.withExtension(
                                CrmDao.class,
                                dao ->
                                        dao.resealTokens(
                                                s.id(),
                                                s.refreshToken(),
                                                s.accessToken(),
                                                refresh,
                                                newAccess));
                resealed += n * (s.accessToken() == null ? 1 : 2);
            } catch (TokenCipher.UndecryptableException e) {
                // no configured key opens it: the connection is broken either way; the rest go on
                log.warn(
                        "CRM tokens of {}/{} not re-sealed: {}", s.teamId(), owner, e.getMessage());
            }
        }
        for (CrmDao.SealedVerifier v : jdbi.withExtension(CrmDao.class, CrmDao::sealedVerifiers)) {
            if (!cipher.needsRotation(v.verifier())) {
                continue;
            }
            try {
                String sealed = again(cipher, v.verifier(), v.teamId(), v.userId(), "verifier");
                resealed +=
                        jdbi.withExtension(
                                CrmDao.class,
                                dao -> dao.resealVerifier(v.stateSha256(), v.verifier(), sealed));
            } catch (TokenCipher.UndecryptableException e) {
                log.warn("A CRM connection state was not re-sealed: {}", e.getMessage());
            }
        }
        return resealed;
    }

    private static String again(
            TokenCipher cipher, String sealed, String team, String owner, String kind) {
        String context = CrmConnections.context(team, owner, kind);
        return cipher.encrypt(cipher.decrypt(sealed, context), context);
    }
}
