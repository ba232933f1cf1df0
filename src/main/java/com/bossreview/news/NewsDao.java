package com.bossreview.news;

import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.GetGeneratedKeys;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

@RegisterConstructorMapper(NewsItem.class)
public interface NewsDao {
    String COLUMNS = "id, team_id, user_id, kind, body, logged_at, shared_at, shared_with, acknowledged_at";

    @SqlUpdate("""
            INSERT INTO news (team_id, user_id, kind, body, logged_at)
            VALUES (:team, :user, :kind, :body, :now)""")
    @GetGeneratedKeys("id")
    long insert(@Bind("team") String team, @Bind("user") String user, @Bind("kind") NewsKind kind,
                @Bind("body") String body, @Bind("now") Instant now);

    /** Only the manager's own item: a forged id from someone else finds nothing. */
    @SqlQuery("SELECT " + COLUMNS + " FROM news WHERE id = :id AND team_id = :team AND user_id = :user")
    Optional<NewsItem> find(@Bind("team") String team, @Bind("user") String user, @Bind("id") long id);

    @SqlQuery("SELECT " + COLUMNS + " FROM news WHERE team_id = :team AND user_id = :user AND shared_at IS NULL "
            + "ORDER BY logged_at")
    List<NewsItem> unshared(@Bind("team") String team, @Bind("user") String user);

    @SqlQuery("SELECT " + COLUMNS + " FROM news WHERE team_id = :team AND user_id = :user AND logged_at > :since "
            + "ORDER BY logged_at")
    List<NewsItem> loggedSince(@Bind("team") String team, @Bind("user") String user, @Bind("since") Instant since);

    @SqlQuery("SELECT " + COLUMNS + " FROM news WHERE team_id = :team AND user_id = :user ORDER BY logged_at")
    List<NewsItem> all(@Bind("team") String team, @Bind("user") String user);
}
