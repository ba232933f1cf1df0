package com.bossreview.nudge;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.jdbi.v3.core.mapper.ColumnMapper;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * A kind of nudge, by the name stored in {@code nudge.kind}. The engine lists none: each feature
 * declares its own kinds as constants next to its {@link NudgeType}. Instances are interned, one
 * per name, so kinds compare with {@code ==} whether declared by a feature or read from a row.
 */
public final class NudgeKind {
    private static final ConcurrentMap<String, NudgeKind> KINDS = new ConcurrentHashMap<>();

    private final String name;

    private NudgeKind(String name) {
        this.name = name;
    }

    /** The kind stored as {@code name}. */
    public static NudgeKind of(String name) {
        Objects.requireNonNull(name, "name");
        return KINDS.computeIfAbsent(name, NudgeKind::new);
    }

    /** The stored text. */
    public String name() {
        return name;
    }

    @Override
    public String toString() {
        return name;
    }

    /** The column as Jdbi reads it into {@link Nudge}. */
    public static final class Mapper implements ColumnMapper<NudgeKind> {
        @Override
        public NudgeKind map(ResultSet r, int columnNumber, StatementContext ctx)
                throws SQLException {
            String text = r.getString(columnNumber);
            return text == null ? null : of(text);
        }
    }
}
