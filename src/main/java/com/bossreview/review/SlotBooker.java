package com.bossreview.review;

import com.bossreview.manager.Manager;
import com.bossreview.manager.ReviewSlot;
import com.slack.api.model.block.LayoutBlock;
import java.util.List;

/**
 * What a connected calendar adds to choosing the review slot (SPEC §8): a slot chosen with {@code
 * review <day> <time>} is booked at once, and {@code review} alone offers free slots to book with
 * one click. Implemented by the calendar feature; absent when no calendar is configured.
 */
public interface SlotBooker {
    /** Whether the manager's calendar is connected and working. */
    boolean connected(String team, String user);

    /** Books the series at {@code slot}, stored already; what to tell the manager. Never throws. */
    String book(Manager m, ReviewSlot slot);

    /** Free slots to book with one click, as blocks; empty when none could be read. */
    List<LayoutBlock> offers(Manager m);
}
