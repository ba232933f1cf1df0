package com.bossreview.calendar;

import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;

import com.bossreview.manager.Manager;
import com.bossreview.manager.ReviewSlot;
import com.bossreview.review.SlotBooker;
import com.slack.api.model.block.LayoutBlock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The calendar's side of choosing the review slot: booking it, offering free ones. */
public final class CalendarSlots implements SlotBooker {
    static final int OFFERS = 3;

    private final CalendarConnections connections;
    private final CalendarBooking booking;

    public CalendarSlots(CalendarConnections connections, CalendarBooking booking) {
        this.connections = connections;
        this.booking = booking;
    }

    @Override
    public boolean connected(String team, String user) {
        return connections
                .find(team, user)
                .filter(CalendarConnections.Connection::working)
                .isPresent();
    }

    @Override
    public String book(Manager m, ReviewSlot slot) {
        try {
            return CalendarActions.bookedText(m, booking.book(m, slot.day(), slot.time()));
        } catch (CalendarException e) {
            return ":warning: Your slot is saved, but your calendar didn't take the booking ("
                    + e.kind().name().toLowerCase(Locale.ROOT)
                    + "). Try `/bossreview review` again in a minute, or book it by hand and tell"
                    + " me with `/bossreview booked`.";
        }
    }

    @Override
    public List<LayoutBlock> offers(Manager m) {
        List<SlotFinder.Offer> offers;
        try {
            offers = booking.offers(m, m.reviewSlot().map(ReviewSlot::time), OFFERS);
        } catch (CalendarException e) {
            return List.of();
        }
        if (offers.isEmpty()) {
            return List.of();
        }
        List<LayoutBlock> blocks = new ArrayList<>();
        blocks.add(
                section(
                        s ->
                                s.text(
                                        markdownText(
                                                ":calendar: Free in your calendar"
                                                        + " and your boss's, outside your prime"
                                                        + " hours — one click books it every"
                                                        + " week, your boss invited:"))));
        blocks.addAll(CalendarActions.offerButtons(m, offers));
        return blocks;
    }
}
