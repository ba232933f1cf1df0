package com.bossreview.news;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.input;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.plainTextInput;
import static com.slack.api.model.view.Views.view;
import static com.slack.api.model.view.Views.viewClose;
import static com.slack.api.model.view.Views.viewSubmit;
import static com.slack.api.model.view.Views.viewTitle;

import com.bossreview.slack.ButtonValue;
import com.bossreview.slack.ModalMetadata;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.view.View;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The modal that corrects the text of news not told yet, and what the manager hears when it is
 * saved.
 */
public final class EditNewsViews {
    public static final String CALLBACK = "news_edit";
    static final String TEXT_BLOCK = "news_text";
    static final String TEXT_ACTION = "text";

    /** What the modal is about, read back from its private_metadata ({@link ModalMetadata}). */
    record Target(long id, boolean fromHome) {
        String metadata() {
            return new ModalMetadata(Long.toString(id), fromHome).text();
        }

        static Optional<Target> parse(String metadata) {
            ModalMetadata m = ModalMetadata.parse(metadata);
            var id = ButtonValue.id(m.key());
            return id.isPresent()
                    ? Optional.of(new Target(id.getAsLong(), m.fromHome()))
                    : Optional.empty();
        }
    }

    private EditNewsViews() {}

    static View modal(NewsItem item, Target target) {
        String what = item.kind() == NewsKind.GOOD ? "good" : "bad";
        return view(
                v ->
                        v.type("modal")
                                .callbackId(CALLBACK)
                                .privateMetadata(target.metadata())
                                .title(
                                        viewTitle(
                                                t ->
                                                        t.type("plain_text")
                                                                .text("Edit " + what + " news")))
                                .submit(viewSubmit(s -> s.type("plain_text").text("Save")))
                                .close(viewClose(c -> c.type("plain_text").text("Cancel")))
                                .blocks(
                                        List.of(
                                                input(
                                                        i ->
                                                                i.blockId(TEXT_BLOCK)
                                                                        .label(
                                                                                plainText(
                                                                                        "The news"))
                                                                        .element(
                                                                                plainTextInput(
                                                                                        p ->
                                                                                                p.actionId(
                                                                                                                TEXT_ACTION)
                                                                                                        .multiline(
                                                                                                                true)
                                                                                                        .initialValue(
                                                                                                                item
                                                                                                                        .body())
                                                                                                        .maxLength(
                                                                                                                NewsText
                                                                                                                        .MAX_CHARS)))),
                                                context(
                                                        c ->
                                                                c.elements(
                                                                        List.of(
                                                                                markdownText(
                                                                                        "Only the text changes: nothing is sent, and the reminders go on until you tell your boss.")))))));
    }

    /** A field error under the text (plain text there). */
    static String invalid(NewsText.Invalid invalid) {
        return switch (invalid.problem()) {
            case EMPTY -> "The news can't be empty. To drop it, use Dismiss instead.";
            case TOO_LONG ->
                    "That's "
                            + String.format(Locale.ENGLISH, "%,d", invalid.length())
                            + " characters; news can be at most "
                            + String.format(Locale.ENGLISH, "%,d", NewsText.MAX_CHARS)
                            + ".";
        };
    }

    /** The modal's error when the item was told (or dismissed) meanwhile, or is gone. */
    static String notEditable(NewsService.Change outcome) {
        if (outcome instanceof NewsService.Change.AlreadyTold) {
            return "Your boss was already told this, so it can't be edited any more. Log a correction as new news instead.";
        }
        return outcome instanceof NewsService.Change.AlreadyDismissed
                ? "You dismissed this news, so it can't be edited."
                : "This news no longer exists.";
    }

    /** A click on Edit for news already told: refused, with how and when it was told. */
    static String toldCannotBeEdited(String told) {
        return told
                + " — what your boss was told can't be edited. Log a correction as new news instead.";
    }

    static String editedText() {
        return ":pencil2: News updated. Nothing was sent.";
    }

    /**
     * The confirmation after a save: the new text with the item's buttons, so it can be told right
     * away.
     */
    static List<LayoutBlock> edited(NewsItem item) {
        List<LayoutBlock> blocks = new ArrayList<>();
        blocks.add(section(s -> s.text(markdownText(editedText() + " It now reads:"))));
        blocks.add(NewsViews.quoted(item));
        blocks.add(
                actions(
                        a ->
                                a.blockId(NewsViews.ITEM_BLOCK)
                                        .elements(NewsViews.buttons(item, true))));
        return blocks;
    }
}
