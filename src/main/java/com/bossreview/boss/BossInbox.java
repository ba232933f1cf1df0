package com.bossreview.boss;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * What managers sent to one person, across every feature that sends to bosses, with how that person
 * answered each: the boss's App Home and weekly digest read it here.
 */
public final class BossInbox {
    /**
     * One thing sent, and the boss's closing answer to it (Thanks / Got it, Let's talk), if any.
     */
    public record Entry(SentItem item, Optional<BossReply> answer) {
        public boolean acknowledged() {
            return answer.isPresent();
        }
    }

    private final Jdbi jdbi;
    private final List<SentSource> sources;

    public BossInbox(Jdbi jdbi, List<SentSource> sources) {
        this.jdbi = jdbi;
        this.sources = List.copyOf(sources);
    }

    /** Later than anything sent: the end of "everything so far". */
    private static final Instant END = Instant.parse("9999-01-01T00:00:00Z");

    /** The newest {@code limit} things sent to {@code boss}, newest first. */
    public List<Entry> recent(String team, String boss, int limit) {
        return between(team, boss, Instant.EPOCH, END, limit);
    }

    /** What was sent in [{@code from}, {@code until}), newest first, at most {@code limit}. */
    public List<Entry> between(String team, String boss, Instant from, Instant until, int limit) {
        List<SentItem> items = new ArrayList<>();
        sources.forEach(s -> items.addAll(s.sentTo(team, boss, from, until, limit)));
        items.sort(
                Comparator.comparing(SentItem::sentAt)
                        .thenComparing(i -> i.subject().kind())
                        .thenComparingLong(i -> i.subject().id())
                        .reversed());
        List<SentItem> shown = items.subList(0, Math.min(limit, items.size()));
        if (shown.isEmpty()) {
            return List.of();
        }
        Instant oldest = shown.get(shown.size() - 1).sentAt();
        Map<Subject, BossReply> answers = new HashMap<>();
        jdbi.withExtension(BossReplyDao.class, dao -> dao.closingAnswersBy(team, boss, oldest))
                .forEach(r -> answers.put(r.subject(), r.reply()));
        return shown.stream()
                .map(i -> new Entry(i, Optional.ofNullable(answers.get(i.subject()))))
                .toList();
    }

    /** Whether anyone in {@code team} has ever sent {@code boss} anything through bossreview. */
    public boolean hasAny(String team, String boss) {
        return !recent(team, boss, 1).isEmpty();
    }
}
