package com.bossreview.news;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindList;
import org.jdbi.v3.sqlobject.statement.GetGeneratedKeys;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

@RegisterConstructorMapper(NewsItem.class)
public interface NewsDao {
    String COLUMNS =
            "id, team_id, user_id, kind, body, logged_at, shared_at, shared_with, acknowledged_at, told_how, "
                    + "dismissed_at";

    /** Neither told (in any way) nor dismissed. */
    String OPEN = "shared_at IS NULL AND dismissed_at IS NULL";

    @SqlUpdate(
            """
            INSERT INTO news (team_id, user_id, kind, body, logged_at)
            VALUES (:team, :user, :kind, :body, :now)""")
    @GetGeneratedKeys("id")
    long insert(
            @Bind("team") String team,
            @Bind("user") String user,
            @Bind("kind") NewsKind kind,
            @Bind("body") String body,
            @Bind("now") Instant now);

    /** Only the manager's own item: a forged id from someone else finds nothing. */
    @SqlQuery(
            "SELECT "
                    + COLUMNS
                    + " FROM news WHERE id = :id AND team_id = :team AND user_id = :user")
    Optional<NewsItem> find(
            @Bind("team") String team, @Bind("user") String user, @Bind("id") long id);

    /** As {@link #find}, locking the row until the transaction ends. */
    @SqlQuery(
            "SELECT "
                    + COLUMNS
                    + " FROM news WHERE id = :id AND team_id = :team AND user_id = :user FOR UPDATE")
    Optional<NewsItem> findForUpdate(
            @Bind("team") String team, @Bind("user") String user, @Bind("id") long id);

    /** The open items, oldest first. */
    @SqlQuery(
            "SELECT "
                    + COLUMNS
                    + " FROM news WHERE team_id = :team AND user_id = :user AND "
                    + OPEN
                    + " ORDER BY logged_at, id")
    List<NewsItem> open(@Bind("team") String team, @Bind("user") String user);

    /** What an agenda shows: told or not, but never what was dismissed. */
    @SqlQuery(
            "SELECT "
                    + COLUMNS
                    + " FROM news WHERE team_id = :team AND user_id = :user AND logged_at > :since "
                    + "AND dismissed_at IS NULL ORDER BY logged_at")
    List<NewsItem> loggedSince(
            @Bind("team") String team, @Bind("user") String user, @Bind("since") Instant since);

    /** Everything, dismissed items included: the export. */
    @SqlQuery(
            "SELECT "
                    + COLUMNS
                    + " FROM news WHERE team_id = :team AND user_id = :user ORDER BY logged_at")
    List<NewsItem> all(@Bind("team") String team, @Bind("user") String user);

    /**
     * Claims the item for sending before the DM goes out, so two fast clicks send one DM.
     *
     * @return 1 when this caller claimed it, 0 when it was already told, dismissed, or is not the
     *     manager's
     */
    @SqlUpdate(
            """
            UPDATE news SET shared_at = :now, shared_with = :boss, told_how = 'DM'
            WHERE id = :id AND team_id = :team AND user_id = :user AND shared_at IS NULL AND dismissed_at IS NULL""")
    int claimShare(
            @Bind("team") String team,
            @Bind("user") String user,
            @Bind("id") long id,
            @Bind("boss") String boss,
            @Bind("now") Instant now);

    /**
     * Undoes {@link #claimShare} when the DM could not be sent; only the claim made at {@code
     * claimedAt}.
     */
    @SqlUpdate(
            """
            UPDATE news SET shared_at = NULL, shared_with = NULL, told_how = NULL
            WHERE id = :id AND team_id = :team AND user_id = :user AND shared_at = :claimedAt AND shared_with = :boss
              AND told_how = 'DM'""")
    int releaseShare(
            @Bind("team") String team,
            @Bind("user") String user,
            @Bind("id") long id,
            @Bind("boss") String boss,
            @Bind("claimedAt") Instant claimedAt);

    /**
     * The manager told the boss outside Slack: recorded as told at {@code now}, with {@code boss}
     * (null when none is set yet). Nothing is sent.
     *
     * @return 1 when this caller marked it, 0 when it was already told, dismissed, or is not the
     *     manager's
     */
    @SqlUpdate(
            """
            UPDATE news SET shared_at = :now, shared_with = :boss, told_how = 'OUTSIDE'
            WHERE id = :id AND team_id = :team AND user_id = :user AND shared_at IS NULL AND dismissed_at IS NULL""")
    int markToldOutside(
            @Bind("team") String team,
            @Bind("user") String user,
            @Bind("id") long id,
            @Bind("boss") String boss,
            @Bind("now") Instant now);

    /**
     * An agenda with these items reached {@code boss} at {@code at}: the untold, undismissed ones
     * count as told.
     */
    @SqlUpdate(
            """
            UPDATE news SET shared_at = :at, shared_with = :boss, told_how = 'AGENDA'
            WHERE team_id = :team AND user_id = :user AND id IN (<ids>) AND shared_at IS NULL AND dismissed_at IS NULL""")
    int markToldByAgenda(
            @Bind("team") String team,
            @Bind("user") String user,
            @BindList("ids") List<Long> ids,
            @Bind("boss") String boss,
            @Bind("at") Instant at);

    /**
     * @return 1 when this caller dismissed it, 0 when it was already told, dismissed, or is not the
     *     manager's
     */
    @SqlUpdate(
            """
            UPDATE news SET dismissed_at = :now
            WHERE id = :id AND team_id = :team AND user_id = :user AND shared_at IS NULL AND dismissed_at IS NULL""")
    int dismiss(
            @Bind("team") String team,
            @Bind("user") String user,
            @Bind("id") long id,
            @Bind("now") Instant now);

    /** Corrects the text of an open item; what the boss was told is never rewritten. */
    @SqlUpdate(
            """
            UPDATE news SET body = :body
            WHERE id = :id AND team_id = :team AND user_id = :user AND shared_at IS NULL AND dismissed_at IS NULL""")
    int edit(
            @Bind("team") String team,
            @Bind("user") String user,
            @Bind("id") long id,
            @Bind("body") String body);

    /**
     * An item as its recipient sees it: only one that was shared with {@code boss}, in this
     * workspace.
     */
    @SqlQuery(
            "SELECT "
                    + COLUMNS
                    + " FROM news WHERE id = :id AND team_id = :team AND shared_with = :boss "
                    + "AND shared_at IS NOT NULL")
    Optional<NewsItem> findSharedWith(
            @Bind("team") String team, @Bind("boss") String boss, @Bind("id") long id);

    /**
     * The news DMed to {@code boss} in this workspace (told another way, it was never sent by
     * bossreview), sent in [{@code since}, {@code until}), newest first.
     */
    @SqlQuery(
            "SELECT "
                    + COLUMNS
                    + " FROM news WHERE team_id = :team AND shared_with = :boss AND told_how = 'DM' "
                    + "AND shared_at >= :since AND shared_at < :until "
                    + "ORDER BY shared_at DESC, id DESC LIMIT :limit")
    List<NewsItem> sentTo(
            @Bind("team") String team,
            @Bind("boss") String boss,
            @Bind("since") Instant since,
            @Bind("until") Instant until,
            @Bind("limit") int limit);

    /**
     * The scorecard's bad news: for each manager {@code (teams[i], users[i])}, what they logged
     * from {@code fromMicros[i]} (epoch microseconds) up to {@code to}, told or not, never what was
     * dismissed; in one statement for a whole batch.
     */
    @SqlQuery(
            """
            SELECT n.id, n.team_id, n.user_id, n.kind, n.body, n.logged_at, n.shared_at, n.shared_with,
                   n.acknowledged_at, n.told_how, n.dismissed_at
              FROM news n
              JOIN unnest(:teams, :users, :fromMicros) AS k(t, u, f) ON n.team_id = k.t AND n.user_id = k.u
             WHERE n.kind = 'BAD' AND n.dismissed_at IS NULL
               AND n.logged_at >= timestamptz 'epoch' + k.f * interval '1 microsecond' AND n.logged_at < :to
             ORDER BY n.logged_at, n.id""")
    List<NewsItem> badNewsLogged(
            @Bind("teams") String[] teams,
            @Bind("users") String[] users,
            @Bind("fromMicros") long[] fromMicros,
            @Bind("to") Instant to);

    /**
     * Every workspace's bad news told from {@code since}: how many, how many within {@code
     * withinSeconds} of being logged, and the median seconds it took. {@code /metrics} shows these
     * totals, never a team or a person.
     */
    record ToldLatency(long told, long withinLimit, Double medianSeconds) {}

    @SqlQuery(
            """
            SELECT count(*) AS told,
                   count(*) FILTER (WHERE shared_at - logged_at <= :withinSeconds * interval '1 second') AS within_limit,
                   percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM shared_at - logged_at)) AS median_seconds
              FROM news
             WHERE kind = 'BAD' AND shared_at >= :since""")
    @RegisterConstructorMapper(ToldLatency.class)
    ToldLatency toldLatency(
            @Bind("since") Instant since, @Bind("withinSeconds") long withinSeconds);
}
