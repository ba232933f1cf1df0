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

    /**
     * Claims the item for sending before the DM goes out, so two fast clicks send one DM.
     *
     * @return 1 when this caller claimed it, 0 when it was already shared (or is not the manager's)
     */
    @SqlUpdate("""
            UPDATE news SET shared_at = :now, shared_with = :boss
            WHERE id = :id AND team_id = :team AND user_id = :user AND shared_at IS NULL""")
    int claimShare(@Bind("team") String team, @Bind("user") String user, @Bind("id") long id,
                   @Bind("boss") String boss, @Bind("now") Instant now);

    /** Undoes {@link #claimShare} when the DM could not be sent; only the claim made at {@code claimedAt}. */
    @SqlUpdate("""
            UPDATE news SET shared_at = NULL, shared_with = NULL
            WHERE id = :id AND team_id = :team AND user_id = :user AND shared_at = :claimedAt AND shared_with = :boss""")
    int releaseShare(@Bind("team") String team, @Bind("user") String user, @Bind("id") long id,
                     @Bind("boss") String boss, @Bind("claimedAt") Instant claimedAt);

    /** An item as its recipient sees it: only one that was shared with {@code boss}, in this workspace. */
    @SqlQuery("SELECT " + COLUMNS + " FROM news WHERE id = :id AND team_id = :team AND shared_with = :boss "
            + "AND shared_at IS NOT NULL")
    Optional<NewsItem> findSharedWith(@Bind("team") String team, @Bind("boss") String boss, @Bind("id") long id);
}
