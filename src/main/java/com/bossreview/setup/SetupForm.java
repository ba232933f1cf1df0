package com.bossreview.setup;

import com.bossreview.manager.ReviewSlot;
import com.bossreview.time.PrimeHours;
import com.bossreview.time.Times;
import com.slack.api.model.view.ViewState;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.Month;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What the setup modal submitted, validated. Errors are keyed by block id, the way Slack shows them
 * under each field ({@code response_action: errors}).
 */
public record SetupForm(
        Optional<String> boss,
        Optional<ReviewSlot> slot,
        ZoneId zone,
        PrimeHours prime,
        Month fiscalStart,
        boolean nudges) {

    public sealed interface Result {
        record Valid(SetupForm form) implements Result {}

        record Invalid(Map<String, String> errors) implements Result {}
    }

    public static Result parse(Map<String, Map<String, ViewState.Value>> values, String managerId) {
        Map<String, String> errors = new LinkedHashMap<>();
        Optional<String> boss =
                value(values, SetupViews.BOSS).map(ViewState.Value::getSelectedUser);
        if (boss.filter(managerId::equals).isPresent()) {
            errors.put(
                    SetupViews.BOSS, "You can't be your own boss — pick the person you report to.");
        }
        Optional<DayOfWeek> day =
                selected(values, SetupViews.REVIEW_DAY).map(v -> DayOfWeek.of(Integer.parseInt(v)));
        Optional<LocalTime> time =
                value(values, SetupViews.REVIEW_TIME)
                        .map(ViewState.Value::getSelectedTime)
                        .filter(t -> !t.isBlank())
                        .map(Times::parseTime);
        ZoneId zone = text(values, SetupViews.TZ).flatMap(Times::parseZone).orElse(null);
        if (zone == null) {
            errors.put(
                    SetupViews.TZ,
                    "Use an IANA time zone name, like Europe/Paris or America/New_York.");
        }
        PrimeHours prime = null;
        try {
            prime = PrimeHours.parse(text(values, SetupViews.PRIME).orElse(""));
        } catch (IllegalArgumentException e) {
            errors.put(
                    SetupViews.PRIME,
                    "Write ranges like 09:00-12:00,13:30-17:00 (" + e.getMessage() + ").");
        }
        Optional<ReviewSlot> slot = Optional.empty();
        if (day.isPresent() != time.isPresent()) {
            errors.put(
                    day.isPresent() ? SetupViews.REVIEW_TIME : SetupViews.REVIEW_DAY,
                    "Pick both a day and a time for your weekly review, or neither.");
        } else if (day.isPresent()) {
            slot = Optional.of(new ReviewSlot(day.get(), time.get()));
            Optional<PrimeHours.Clash> clash =
                    prime == null ? Optional.empty() : prime.reviewClash(day.get(), time.get());
            if (clash.isPresent()) {
                String nearest =
                        clash.get().nearest().stream()
                                .map(Times::format)
                                .collect(Collectors.joining(" or "));
                errors.put(
                        SetupViews.REVIEW_TIME,
                        Times.format(time.get())
                                + " is in your prime sales hours"
                                + (nearest.isEmpty() ? "." : ". Try " + nearest + "."));
            }
        }
        Month fiscal =
                selected(values, SetupViews.FISCAL)
                        .map(v -> Month.of(Integer.parseInt(v)))
                        .orElse(Month.JANUARY);
        boolean nudges = selected(values, SetupViews.NUDGES).map("on"::equals).orElse(true);
        if (!errors.isEmpty()) {
            return new Result.Invalid(errors);
        }
        return new Result.Valid(new SetupForm(boss, slot, zone, prime, fiscal, nudges));
    }

    private static Optional<ViewState.Value> value(
            Map<String, Map<String, ViewState.Value>> values, String id) {
        return Optional.ofNullable(values.get(id)).map(block -> block.get(id));
    }

    private static Optional<String> text(
            Map<String, Map<String, ViewState.Value>> values, String id) {
        return value(values, id)
                .map(ViewState.Value::getValue)
                .map(String::strip)
                .filter(s -> !s.isEmpty());
    }

    private static Optional<String> selected(
            Map<String, Map<String, ViewState.Value>> values, String id) {
        return value(values, id).map(ViewState.Value::getSelectedOption).map(o -> o.getValue());
    }
}
