package com.bossreview.calendar;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.button;

import com.bossreview.command.CommandRouter;
import com.bossreview.command.Listeners;
import com.bossreview.manager.Manager;
import com.bossreview.manager.ManagerService;
import com.bossreview.review.ReviewService;
import com.bossreview.review.ReviewState;
import com.bossreview.review.SlotChoice;
import com.bossreview.slack.AfterAck;
import com.bossreview.slack.ButtonValue;
import com.bossreview.slack.Clicks;
import com.bossreview.slack.Messenger;
import com.bossreview.time.IsoWeek;
import com.bossreview.time.Times;
import com.slack.api.bolt.App;
import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.response.Response;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.element.BlockElement;
import java.time.DayOfWeek;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The calendar's buttons (SPEC §8): {@code book_review} books the weekly series at the offered slot
 * (stored as the review slot too); {@code rebook_review} books a cancelled week's review once at
 * another slot that week. Both work wherever Slack shows them (a DM, an ephemeral reply, App Home)
 * and answer on the same surface.
 */
public final class CalendarActions implements Listeners, CalendarSync.Notices {
    public static final String BOOK = "book_review";
    public static final String REBOOK = "rebook_review";

    private static final DateTimeFormatter WHEN =
            DateTimeFormatter.ofPattern("EEE d MMM", Locale.ENGLISH);

    private final CalendarBooking booking;
    private final ManagerService managers;
    private final ReviewService reviews;
    private final Clicks clicks;
    private final Messenger messenger;
    private final AfterAck afterAck;

    public CalendarActions(
            CalendarBooking booking,
            ManagerService managers,
            ReviewService reviews,
            Clicks clicks,
            Messenger messenger,
            AfterAck afterAck) {
        this.booking = booking;
        this.managers = managers;
        this.reviews = reviews;
        this.clicks = clicks;
        this.messenger = messenger;
        this.afterAck = afterAck;
    }

    @Override
    public void register(CommandRouter router, App app) {
        app.blockAction(BOOK, this::book);
        app.blockAction(REBOOK, this::rebook);
    }

    /** Buttons for {@code offers}: {@code book_review} with {@code "FRIDAY 17:00"}. */
    public static List<LayoutBlock> offerButtons(Manager m, List<SlotFinder.Offer> offers) {
        List<BlockElement> buttons = new ArrayList<>();
        for (SlotFinder.Offer o : offers) {
            buttons.add(
                    button(
                            b ->
                                    b.actionId(BOOK)
                                            .value(o.day() + " " + o.start())
                                            .text(
                                                    plainText(
                                                            Times.format(o.day())
                                                                    + "s "
                                                                    + m.show(o.start())))));
        }
        return buttons.isEmpty()
                ? List.of()
                : List.of(actions(a -> a.blockId("book_review").elements(buttons)));
    }

    private Response book(BlockActionRequest req, ActionContext ctx) {
        Clicks.Click click = clicks.of(req, ctx);
        Optional<Slot> slot = Slot.parse(ButtonValue.clicked(req));
        afterAck.run(
                "book review",
                () -> click.note(bookText(click.team(), click.user(), slot)),
                reason -> {});
        return ctx.ack();
    }

    private String bookText(String team, String user, Optional<Slot> slot) {
        if (slot.isEmpty()) {
            return ":no_entry: That button doesn't hold a slot I can read. Nothing was booked.";
        }
        SlotChoice choice = reviews.chooseSlot(team, user, slot.get().day(), slot.get().time());
        if (!(choice instanceof SlotChoice.Stored stored)) {
            return ":no_entry: That slot is in your prime sales hours now. Nothing was booked —"
                    + " `/bossreview review` offers others.";
        }
        managers.settingsChanged(team, user);
        Manager m = stored.manager();
        try {
            return bookedText(m, booking.book(m, slot.get().day(), slot.get().time()));
        } catch (CalendarException e) {
            return ":warning: Your review slot is set to "
                    + stored.slot()
                    + ", but your calendar didn't take the booking ("
                    + e.kind().name().toLowerCase(Locale.ROOT)
                    + "). Try the button again in a minute, or book it by hand and tell me with"
                    + " `/bossreview booked`.";
        }
    }

    /** What booking said, for the manager. */
    public static String bookedText(Manager m, CalendarBooking.Booked booked) {
        return switch (booked) {
            case CalendarBooking.Booked.Adopted a ->
                    ":calendar: You already have a weekly meeting with your boss ("
                            + Times.format(a.series().day())
                            + "s "
                            + m.show(a.series().start())
                            + "): that's your review now. I'll read booked, held and moved weeks"
                            + " from it.";
            case CalendarBooking.Booked.Created c ->
                    ":white_check_mark: Booked: *every "
                            + Times.format(c.series().day())
                            + " at "
                            + m.show(c.series().start())
                            + "* ("
                            + m.zone().getId()
                            + "), 30 minutes"
                            + (c.bossInvited()
                                    ? ", your boss invited."
                                    : ". I couldn't see your boss's e-mail address in Slack, so"
                                            + " add them to the event yourself.")
                            + " No more `booked`/`held`: I'll see it in your calendar.";
        };
    }

    private Response rebook(BlockActionRequest req, ActionContext ctx) {
        Clicks.Click click = clicks.of(req, ctx);
        String value = ButtonValue.clicked(req);
        afterAck.run(
                "rebook review",
                () -> click.note(rebookText(click.team(), click.user(), value)),
                reason -> {});
        return ctx.ack();
    }

    private String rebookText(String team, String user, String value) {
        Optional<Manager> m = managers.find(team, user);
        Optional<LocalDateTime> at = parseLocal(value);
        if (m.isEmpty() || at.isEmpty()) {
            return ":no_entry: That button doesn't hold a slot I can read. Nothing was booked.";
        }
        IsoWeek week = IsoWeek.of(at.get().toLocalDate());
        if (!week.equals(reviews.currentWeek(m.get()))) {
            return ":hourglass_flowing_sand: That week is over. Nothing was booked.";
        }
        try {
            booking.bookOnce(m.get(), at.get());
        } catch (CalendarException e) {
            return ":warning: Your calendar didn't take the booking ("
                    + e.kind().name().toLowerCase(Locale.ROOT)
                    + "). Try again in a minute.";
        }
        reviews.mark(m.get(), week, ReviewState.BOOKED);
        return ":white_check_mark: This week's review is now "
                + at.get().format(WHEN)
                + " at "
                + m.get().show(at.get().toLocalTime())
                + ", your boss invited. The week still counts.";
    }

    @Override
    public void cancelled(Manager m, IsoWeek week, java.time.Instant wasAt) {
        List<SlotFinder.Offer> offers;
        try {
            offers =
                    booking.offers(m, m.reviewSlot().map(s -> s.time()), 7).stream()
                            .filter(o -> IsoWeek.of(o.date()).equals(week))
                            .limit(2)
                            .toList();
        } catch (CalendarException e) {
            offers = List.of();
        }
        String when =
                wasAt.atZone(m.zone()).format(WHEN)
                        + " "
                        + m.show(wasAt.atZone(m.zone()).toLocalTime());
        String text =
                ":calendar: This week's review with "
                        + m.bossUserId().map(b -> "<@" + b + ">").orElse("your boss")
                        + " ("
                        + when
                        + ") was cancelled in your calendar. "
                        + (offers.isEmpty()
                                ? "I see no free slot left this week outside your prime hours —"
                                        + " `/bossreview skip` if it can't happen."
                                : "Pick another slot this week, so the week still counts:");
        List<LayoutBlock> blocks = new ArrayList<>();
        blocks.add(section(s -> s.text(markdownText(text))));
        List<BlockElement> buttons = new ArrayList<>();
        for (SlotFinder.Offer o : offers) {
            buttons.add(
                    button(
                            b ->
                                    b.actionId(REBOOK)
                                            .value(o.date().atTime(o.start()).toString())
                                            .text(
                                                    plainText(
                                                            o.date().format(WHEN)
                                                                    + " "
                                                                    + m.show(o.start())))));
        }
        if (!buttons.isEmpty()) {
            blocks.add(actions(a -> a.blockId("rebook_review").elements(buttons)));
        }
        afterAck.notice(
                "review cancelled DM", () -> messenger.dm(m.teamId(), m.userId(), text, blocks));
    }

    @Override
    public void revoked(Manager m, CalendarProvider provider) {
        String text =
                ":warning: Your "
                        + provider.label()
                        + " stopped answering for bossreview: access was withdrawn."
                        + " `/bossreview connect calendar` to reconnect; until then, tell me with"
                        + " `/bossreview booked` and `held`.";
        afterAck.notice(
                "calendar revoked DM",
                () ->
                        messenger.dm(
                                m.teamId(),
                                m.userId(),
                                text,
                                List.of(section(s -> s.text(markdownText(text))))));
    }

    /** A {@code book_review} value: {@code FRIDAY 17:00}. */
    record Slot(DayOfWeek day, LocalTime time) {
        static Optional<Slot> parse(String value) {
            if (value == null) {
                return Optional.empty();
            }
            String[] parts = value.trim().split(" ", -1);
            if (parts.length != 2) {
                return Optional.empty();
            }
            try {
                return Optional.of(
                        new Slot(
                                DayOfWeek.valueOf(parts[0].toUpperCase(Locale.ROOT)),
                                LocalTime.parse(parts[1])));
            } catch (IllegalArgumentException | DateTimeParseException e) {
                return Optional.empty();
            }
        }
    }

    private static Optional<LocalDateTime> parseLocal(String value) {
        try {
            return value == null ? Optional.empty() : Optional.of(LocalDateTime.parse(value));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
