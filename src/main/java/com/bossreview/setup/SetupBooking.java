package com.bossreview.setup;

import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;

import com.bossreview.manager.Manager;
import com.bossreview.review.SlotBooker;
import com.slack.api.model.block.LayoutBlock;
import java.util.List;
import java.util.Optional;

/**
 * What a connected calendar adds to saving the setup form (SPEC §8), the way it does to {@code
 * review}: a slot newly chosen in the form is booked at once, as {@code review <day> <time>} books
 * it; with no slot at all, the confirmation offers the nearest free ones as {@code book_review}
 * buttons, as {@code review} alone does. A slot saved unchanged books nothing again.
 *
 * <p>The modal itself stays as it is: it must open within the trigger's 3 seconds, which a
 * free/busy read at the provider cannot promise, and offers read after it opened would need a
 * {@code views.update} racing the manager's typing. The confirmation DM has the time, and its
 * buttons are the ones the calendar feature already answers on any surface.
 */
final class SetupBooking {
    private final Optional<SlotBooker> booker;

    SetupBooking(Optional<SlotBooker> booker) {
        this.booker = booker;
    }

    /**
     * Blocks for the confirmation of {@code m}'s saved setup: the booking's outcome, or the offers;
     * empty when the manager has no working calendar connection (the {@code .ics} link is theirs
     * then). Slow: the provider is called, so only after the ack.
     */
    Optional<List<LayoutBlock>> confirmation(Manager m, boolean slotChosenNow) {
        Optional<SlotBooker> calendar = booker.filter(b -> b.connected(m.teamId(), m.userId()));
        if (calendar.isEmpty()) {
            return Optional.empty();
        }
        if (m.reviewSlot().isEmpty()) {
            return Optional.of(calendar.get().offers(m));
        }
        if (!slotChosenNow) {
            return Optional.of(List.of());
        }
        String booked = calendar.get().book(m, m.reviewSlot().get());
        return Optional.of(List.of(section(s -> s.text(markdownText(booked)))));
    }
}
