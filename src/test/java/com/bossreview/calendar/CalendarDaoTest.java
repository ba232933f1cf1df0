package com.bossreview.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import com.bossreview.support.TestDatabase;
import java.time.Instant;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(TestDatabase.class)
class CalendarDaoTest {
    private static final Instant NOW = Instant.parse("2026-11-30T14:00:00Z");

    @Test
    void a_refresh_token_another_caller_rotated_meanwhile_does_not_mark_the_connection_withdrawn() {
        Jdbi jdbi = TestDatabase.database().jdbi();
        jdbi.useHandle(
                h ->
                        h.execute(
                                "INSERT INTO manager (team_id, user_id, time_zone, created_at)"
                                        + " VALUES ('T1', 'U1', 'UTC', ?)",
                                NOW));
        jdbi.useExtension(
                CalendarDao.class,
                dao ->
                        dao.connect(
                                "T1",
                                "U1",
                                "microsoft",
                                "ann@contoso.test",
                                "v1:k:NEW",
                                "v1:k:A",
                                NOW.plusSeconds(3600),
                                NOW));
        // The caller read the token before another caller refreshed and Microsoft rotated it.
        int stale =
                jdbi.withExtension(
                        CalendarDao.class, dao -> dao.revoked("T1", "U1", NOW, "v1:k:OLD", NOW));
        assertThat(stale).isZero();
        assertThat(TestDatabase.rows("calendar_connection WHERE revoked_at IS NULL")).isEqualTo(1);
        // The token as stored refused: consent withdrawn, once.
        int first =
                jdbi.withExtension(
                        CalendarDao.class, dao -> dao.revoked("T1", "U1", NOW, "v1:k:NEW", NOW));
        int again =
                jdbi.withExtension(
                        CalendarDao.class, dao -> dao.revoked("T1", "U1", NOW, "v1:k:NEW", NOW));
        assertThat(first).isEqualTo(1);
        assertThat(again).isZero();
        assertThat(TestDatabase.rows("calendar_connection WHERE revoked_at IS NOT NULL"))
                .isEqualTo(1);
    }
}
