package com.bossreview.setup;

import static com.slack.api.model.block.Blocks.input;
import static com.slack.api.model.block.composition.BlockCompositions.option;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.plainTextInput;
import static com.slack.api.model.block.element.BlockElements.radioButtons;
import static com.slack.api.model.block.element.BlockElements.staticSelect;
import static com.slack.api.model.block.element.BlockElements.timePicker;
import static com.slack.api.model.block.element.BlockElements.usersSelect;
import static com.slack.api.model.view.Views.view;
import static com.slack.api.model.view.Views.viewClose;
import static com.slack.api.model.view.Views.viewSubmit;
import static com.slack.api.model.view.Views.viewTitle;

import com.bossreview.manager.Manager;
import com.bossreview.time.Times;
import com.slack.api.model.block.composition.OptionObject;
import com.slack.api.model.view.View;
import java.time.DayOfWeek;
import java.time.Month;
import java.time.format.TextStyle;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** The setup modal: boss, review slot, time zone, prime hours, fiscal-year start, nudges. */
public final class SetupViews {
    public static final String CALLBACK_ID = "setup_modal";
    public static final String BOSS = "boss";
    public static final String REVIEW_DAY = "review_day";
    public static final String REVIEW_TIME = "review_time";
    public static final String TZ = "tz";
    public static final String PRIME = "prime";
    public static final String FISCAL = "fiscal";
    public static final String NUDGES = "nudges";

    /** private_metadata of a form opened from App Home, whose card is republished on save. */
    public static final String FROM_HOME = "home";

    private SetupViews() {}

    public static View modal(Manager m, String privateMetadata) {
        List<OptionObject> days =
                Arrays.stream(DayOfWeek.values())
                        .map(
                                d ->
                                        option(
                                                plainText(Times.format(d)),
                                                Integer.toString(d.getValue())))
                        .toList();
        List<OptionObject> months =
                Arrays.stream(Month.values())
                        .map(
                                mo ->
                                        option(
                                                plainText(
                                                        mo.getDisplayName(
                                                                TextStyle.FULL, Locale.ENGLISH)),
                                                Integer.toString(mo.getValue())))
                        .toList();
        OptionObject on = option(plainText("On — nudge me at the right moments"), "on");
        OptionObject off = option(plainText("Off"), "off");
        return view(
                v ->
                        v.type("modal")
                                .callbackId(CALLBACK_ID)
                                .privateMetadata(privateMetadata)
                                .title(
                                        viewTitle(
                                                t -> t.type("plain_text").text("bossreview setup")))
                                .submit(viewSubmit(s -> s.type("plain_text").text("Save")))
                                .close(viewClose(c -> c.type("plain_text").text("Cancel")))
                                .blocks(
                                        List.of(
                                                input(
                                                        i ->
                                                                i.blockId(BOSS)
                                                                        .optional(true)
                                                                        .label(
                                                                                plainText(
                                                                                        "Your boss"))
                                                                        .element(
                                                                                usersSelect(
                                                                                        u -> {
                                                                                            u.actionId(
                                                                                                            BOSS)
                                                                                                    .placeholder(
                                                                                                            plainText(
                                                                                                                    "Who do you report to?"));
                                                                                            m.bossUserId()
                                                                                                    .ifPresent(
                                                                                                            u
                                                                                                                    ::initialUser);
                                                                                            return u;
                                                                                        }))),
                                                input(
                                                        i ->
                                                                i.blockId(REVIEW_DAY)
                                                                        .optional(true)
                                                                        .label(
                                                                                plainText(
                                                                                        "Weekly review day"))
                                                                        .element(
                                                                                staticSelect(
                                                                                        s -> {
                                                                                            s.actionId(
                                                                                                            REVIEW_DAY)
                                                                                                    .options(
                                                                                                            days)
                                                                                                    .placeholder(
                                                                                                            plainText(
                                                                                                                    "Pick a day"));
                                                                                            m.reviewSlot()
                                                                                                    .ifPresent(
                                                                                                            slot ->
                                                                                                                    s
                                                                                                                            .initialOption(
                                                                                                                                    days
                                                                                                                                            .get(
                                                                                                                                                    slot.day()
                                                                                                                                                                    .getValue()
                                                                                                                                                            - 1)));
                                                                                            return s;
                                                                                        }))),
                                                input(
                                                        i ->
                                                                i.blockId(REVIEW_TIME)
                                                                        .optional(true)
                                                                        .label(
                                                                                plainText(
                                                                                        "Weekly review time (outside prime hours)"))
                                                                        .element(
                                                                                timePicker(
                                                                                        t -> {
                                                                                            t.actionId(
                                                                                                            REVIEW_TIME)
                                                                                                    .placeholder(
                                                                                                            plainText(
                                                                                                                    "16:30"));
                                                                                            m.reviewSlot()
                                                                                                    .ifPresent(
                                                                                                            slot ->
                                                                                                                    t
                                                                                                                            .initialTime(
                                                                                                                                    Times
                                                                                                                                            .format(
                                                                                                                                                    slot
                                                                                                                                                            .time())));
                                                                                            return t;
                                                                                        }))),
                                                input(
                                                        i ->
                                                                i.blockId(TZ)
                                                                        .label(
                                                                                plainText(
                                                                                        "Time zone (IANA name)"))
                                                                        .element(
                                                                                plainTextInput(
                                                                                        p ->
                                                                                                p.actionId(
                                                                                                                TZ)
                                                                                                        .initialValue(
                                                                                                                m.zone()
                                                                                                                        .getId())))),
                                                input(
                                                        i ->
                                                                i.blockId(PRIME)
                                                                        .label(
                                                                                plainText(
                                                                                        "Prime sales hours, weekdays"))
                                                                        .hint(
                                                                                plainText(
                                                                                        "Ranges like 09:00-12:00,13:30-17:00"))
                                                                        .element(
                                                                                plainTextInput(
                                                                                        p ->
                                                                                                p.actionId(
                                                                                                                PRIME)
                                                                                                        .initialValue(
                                                                                                                m.primeHours()
                                                                                                                        .toString())))),
                                                input(
                                                        i ->
                                                                i.blockId(FISCAL)
                                                                        .label(
                                                                                plainText(
                                                                                        "Fiscal year starts in"))
                                                                        .element(
                                                                                staticSelect(
                                                                                        s ->
                                                                                                s.actionId(
                                                                                                                FISCAL)
                                                                                                        .options(
                                                                                                                months)
                                                                                                        .initialOption(
                                                                                                                months
                                                                                                                        .get(
                                                                                                                                m.fiscalStartMonth()
                                                                                                                                                .getValue()
                                                                                                                                        - 1))))),
                                                input(
                                                        i ->
                                                                i.blockId(NUDGES)
                                                                        .label(plainText("Nudges"))
                                                                        .element(
                                                                                radioButtons(
                                                                                        r ->
                                                                                                r.actionId(
                                                                                                                NUDGES)
                                                                                                        .options(
                                                                                                                List
                                                                                                                        .of(
                                                                                                                                on,
                                                                                                                                off))
                                                                                                        .initialOption(
                                                                                                                m
                                                                                                                                .nudgesEnabled()
                                                                                                                        ? on
                                                                                                                        : off)))))));
    }
}
