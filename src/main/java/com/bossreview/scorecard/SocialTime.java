package com.bossreview.scorecard;

import com.bossreview.manager.Manager;
import java.time.Clock;
import java.time.Instant;
import org.jdbi.v3.core.Jdbi;

/** {@code social <text>}: social time with the boss, logged; the recap counts it. */
public final class SocialTime {
    private final Jdbi jdbi;
    private final Clock clock;

    public SocialTime(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    /**
     * Logs {@code body} for {@code m}.
     *
     * @return how many social times they logged in the last 30 days, this one included
     */
    public long log(Manager m, String body) {
        Instant now = clock.instant();
        return jdbi.inTransaction(
                h -> {
                    SocialDao dao = h.attach(SocialDao.class);
                    dao.log(m.teamId(), m.userId(), body, now);
                    return (long)
                            dao.since(
                                            new String[] {m.teamId()},
                                            new String[] {m.userId()},
                                            now.minus(Advice.FREQUENT_WITHIN))
                                    .size();
                });
    }
}
