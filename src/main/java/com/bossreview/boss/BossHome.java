package com.bossreview.boss;

import com.slack.api.model.block.LayoutBlock;
import java.util.List;

/**
 * The boss's part of App Home, for whoever opens it: empty unless managers sent them something.
 * Read on every publish, so an answer given from Home (or from a DM) shows the next time.
 */
public final class BossHome {
    /** The most items the section lists: the newest. */
    static final int SHOWN = 30;

    private final BossInbox inbox;
    private final BossDigests digests;

    public BossHome(BossInbox inbox, BossDigests digests) {
        this.inbox = inbox;
        this.digests = digests;
    }

    /** The section for {@code user}, in at most {@code room} blocks. */
    public List<LayoutBlock> blocks(String team, String user, int room) {
        List<BossInbox.Entry> entries = inbox.recent(team, user, SHOWN + 1);
        if (entries.isEmpty()) {
            return List.of();
        }
        return BossHomeViews.blocks(
                entries.subList(0, Math.min(SHOWN, entries.size())),
                entries.size() > SHOWN,
                digests.find(team, user).isPresent(),
                room);
    }
}
