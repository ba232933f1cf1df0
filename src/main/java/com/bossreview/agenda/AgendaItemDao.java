package com.bossreview.agenda;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/** The agenda_item table: a manager's asks and credits. */
@RegisterConstructorMapper(AgendaItem.class)
public interface AgendaItemDao {
    String COLUMNS = "id, kind, rep_user_id, body, added_at, resolved_at";

    @SqlQuery(
            """
            INSERT INTO agenda_item (team_id, user_id, kind, rep_user_id, body, added_at)
            VALUES (:team, :user, :kind, :rep, :body, :at)
            RETURNING"""
                    + " "
                    + COLUMNS)
    AgendaItem add(
            @Bind("team") String team,
            @Bind("user") String user,
            @Bind("kind") AgendaItem.Kind kind,
            @Bind("rep") String rep,
            @Bind("body") String body,
            @Bind("at") Instant at);

    /** The items every agenda carries, oldest first. */
    @SqlQuery(
            "SELECT "
                    + COLUMNS
                    + " FROM agenda_item WHERE team_id = :team AND user_id = :user"
                    + " AND resolved_at IS NULL ORDER BY added_at, id")
    List<AgendaItem> open(@Bind("team") String team, @Bind("user") String user);

    @SqlQuery(
            "SELECT "
                    + COLUMNS
                    + " FROM agenda_item WHERE team_id = :team AND user_id = :user ORDER BY added_at, id")
    List<AgendaItem> all(@Bind("team") String team, @Bind("user") String user);

    @SqlQuery(
            "SELECT "
                    + COLUMNS
                    + " FROM agenda_item WHERE id = :id AND team_id = :team AND user_id = :user")
    Optional<AgendaItem> find(
            @Bind("team") String team, @Bind("user") String user, @Bind("id") long id);

    /** Resolves an open item of this manager; of two clicks only one finds it open. */
    @SqlQuery(
            """
            UPDATE agenda_item SET resolved_at = :at
             WHERE id = :id AND team_id = :team AND user_id = :user AND resolved_at IS NULL
            RETURNING"""
                    + " "
                    + COLUMNS)
    Optional<AgendaItem> resolve(
            @Bind("team") String team,
            @Bind("user") String user,
            @Bind("id") long id,
            @Bind("at") Instant at);
}
