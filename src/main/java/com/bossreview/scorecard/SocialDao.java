package com.bossreview.scorecard;

import java.time.Instant;
import java.util.List;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** The {@code social_time} table: time with the boss the manager logged. */
public interface SocialDao {
    record Social(String teamId, String userId, String body, Instant loggedAt) {}

    /**
     * @return 1 when stored, 0 when the manager row is gone
     */
    @SqlUpdate(
            """
            INSERT INTO social_time (team_id, user_id, body, logged_at)
            SELECT :team, :user, :body, :at FROM manager WHERE team_id = :team AND user_id = :user""")
    int log(
            @Bind("team") String team,
            @Bind("user") String user,
            @Bind("body") String body,
            @Bind("at") Instant at);

    /** When these managers logged social time since {@code since} (a claim of recaps). */
    @SqlQuery(
            """
            SELECT s.team_id, s.user_id, s.body, s.logged_at FROM social_time s
              JOIN unnest(:teams, :users) AS k(t, u) ON s.team_id = k.t AND s.user_id = k.u
             WHERE s.logged_at >= :since ORDER BY s.logged_at""")
    @RegisterConstructorMapper(Social.class)
    List<Social> since(
            @Bind("teams") String[] teams,
            @Bind("users") String[] users,
            @Bind("since") Instant since);

    /** Everything, oldest first: the export. */
    @SqlQuery(
            "SELECT team_id, user_id, body, logged_at FROM social_time"
                    + " WHERE team_id = :team AND user_id = :user ORDER BY logged_at")
    @RegisterConstructorMapper(Social.class)
    List<Social> all(@Bind("team") String team, @Bind("user") String user);
}
