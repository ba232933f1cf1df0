package com.bossreview.feedback;

import static com.slack.api.model.block.Blocks.input;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.plainTextInput;
import static com.slack.api.model.view.Views.view;
import static com.slack.api.model.view.Views.viewClose;
import static com.slack.api.model.view.Views.viewSubmit;
import static com.slack.api.model.view.Views.viewTitle;

import com.bossreview.time.IsoWeek;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.view.View;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.UnaryOperator;

/** The feedback modal after Held, and the lines the next agenda opens with. */
public final class FeedbackViews {
    public static final String CALLBACK = "review_feedback";
    static final String SAID_BLOCK = "boss_said";
    static final String WILL_BLOCK = "will_do";
    static final String TEXT_ACTION = "text";

    private FeedbackViews() {}

    /** {@code private_metadata}: the held week, {@code 2026-W48}. */
    static View modal(IsoWeek week, Optional<String> boss) {
        String who = boss.map(b -> "<@" + b + ">").orElse("your boss");
        return view(
                v ->
                        v.type("modal")
                                .callbackId(CALLBACK)
                                .privateMetadata(week.toString())
                                .title(viewTitle(t -> t.type("plain_text").text("How did it go?")))
                                .submit(viewSubmit(s -> s.type("plain_text").text("Save")))
                                .close(viewClose(c -> c.type("plain_text").text("Skip")))
                                .blocks(
                                        List.of(
                                                section(
                                                        s ->
                                                                s.text(
                                                                        markdownText(
                                                                                ":white_check_mark: Review with "
                                                                                        + who
                                                                                        + " held. Both questions are optional;"
                                                                                        + " what you write opens your next agenda."))),
                                                field(SAID_BLOCK, "What did your boss say?"),
                                                field(WILL_BLOCK, "What will you do?"))));
    }

    private static LayoutBlock field(String block, String label) {
        return input(
                i ->
                        i.blockId(block)
                                .optional(true)
                                .label(plainText(label))
                                .element(
                                        plainTextInput(
                                                p ->
                                                        p.actionId(TEXT_ACTION)
                                                                .multiline(true)
                                                                .maxLength(
                                                                        FeedbackService
                                                                                .MAX_CHARS))));
    }

    /** What the modal turns into once saved (Slack's {@code response_action: update}). */
    static View saved(boolean stored) {
        String text =
                stored
                        ? ":memo: Noted. Your next agenda opens with it, so your boss sees you"
                                + " followed up."
                        : ":ok_hand: Nothing noted this time. The review still counts as held.";
        return view(
                v ->
                        v.type("modal")
                                .callbackId(CALLBACK + "_saved")
                                .title(viewTitle(t -> t.type("plain_text").text("How did it go?")))
                                .close(viewClose(c -> c.type("plain_text").text("Close")))
                                .blocks(List.of(section(s -> s.text(markdownText(text))))));
    }

    static String tooLong(int length) {
        return "That's "
                + String.format(Locale.ENGLISH, "%,d", length)
                + " characters; each answer can be at most "
                + String.format(Locale.ENGLISH, "%,d", FeedbackService.MAX_CHARS)
                + ".";
    }

    static String notHeld() {
        return "That review isn't marked held any more, so nothing was noted.";
    }

    static String badWeek() {
        return "This form is out of date. Mark the review held again to get a fresh one.";
    }

    /**
     * The lines the agenda opens with, the boss as a mention; {@code escape} is the agenda's way of
     * writing what people typed.
     */
    public static List<String> agendaLines(
            Feedback f, UnaryOperator<String> escape, UnaryOperator<String> heading) {
        String boss = f.bossUserId().map(b -> "<@" + b + ">").orElse("your boss");
        List<String> lines = new java.util.ArrayList<>();
        f.bossSaid()
                .ifPresent(
                        t ->
                                lines.add(
                                        heading.apply("Last time " + boss + " said:")
                                                + " "
                                                + escape.apply(oneLine(t))));
        f.willDo()
                .ifPresent(
                        t ->
                                lines.add(
                                        heading.apply("You said you would:")
                                                + " "
                                                + escape.apply(oneLine(t))));
        return lines;
    }

    private static String oneLine(String text) {
        return text.strip().replaceAll("\\s*\\n\\s*", " ");
    }
}
