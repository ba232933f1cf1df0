package com.bossreview.crm;

import java.time.Instant;
import java.util.Objects;

/**
 * How far a connection's changes have been read. With an empty {@code lastId}: every deal modified
 * at or before {@code modifiedAt}. With one: every deal modified before {@code modifiedAt}, and
 * those modified exactly then whose id comes at or before {@code lastId} in the provider's id
 * order. Times alone would not do: many deals share a modification time (Salesforce stamps whole
 * seconds, a mass update stamps hundreds at once), and a read that stops between two of them must
 * resume between them.
 */
public record Watermark(Instant modifiedAt, String lastId) {
    public Watermark {
        Objects.requireNonNull(modifiedAt);
        Objects.requireNonNull(lastId);
    }

    /**
     * Everything modified up to and including {@code at} counts as read: a fresh connection starts
     * from the moment it was made, and a complete read ends at the time it read up to.
     */
    public static Watermark after(Instant at) {
        return new Watermark(at, "");
    }

    /** Whether the read that ended here stopped in the middle of one modification time. */
    public boolean withinTie() {
        return !lastId.isEmpty();
    }
}
