package com.bossreview.calendar;

import com.bossreview.config.CalendarSettings;
import com.bossreview.manager.ManagerService;
import com.bossreview.review.AfterHeld;
import com.bossreview.review.ReviewService;
import com.bossreview.slack.AfterAck;
import com.bossreview.slack.Clicks;
import com.bossreview.slack.Messenger;
import com.bossreview.slack.UserDirectory;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import okhttp3.OkHttpClient;
import org.jdbi.v3.core.Jdbi;

/**
 * The calendar feature's parts, built once in the composition root when a provider is configured:
 * the providers' APIs, booking, the buttons and notices, the sync, and the hooks of the review
 * command and setup ({@link CalendarSlots}) and of the agenda ({@link AgendaInEvent}).
 */
public record CalendarFeature(
        CalendarConnections connections,
        CalendarBooking booking,
        CalendarActions actions,
        CalendarSync sync,
        CalendarSlots slots,
        AgendaInEvent agenda) {

    /**
     * @param timeout how long one provider call may take ({@link ProviderHttp#TIMEOUT}; tests
     *     shorten it)
     * @param parallel connections the sync reads at once ({@code scheduling/Fanout#widthFor})
     */
    public static CalendarFeature of(
            CalendarSettings settings,
            CalendarConnections connections,
            Jdbi jdbi,
            Clock clock,
            UserDirectory users,
            ManagerService managers,
            ReviewService reviews,
            Clicks clicks,
            Messenger messenger,
            AfterAck afterAck,
            AfterHeld afterHeld,
            Duration timeout,
            int parallel) {
        OkHttpClient http = ProviderHttp.client(timeout);
        Map<CalendarProvider, CalendarApi> apis =
                Map.of(
                        CalendarProvider.GOOGLE,
                        new GoogleCalendarApi(settings.googleApiUrl(), http, clock),
                        CalendarProvider.MICROSOFT,
                        new GraphCalendarApi(settings.microsoftGraphUrl(), http, clock));
        CalendarBooking booking = new CalendarBooking(jdbi, clock, connections, apis::get, users);
        CalendarActions actions =
                new CalendarActions(booking, managers, reviews, clicks, messenger, afterAck);
        CalendarSync sync =
                new CalendarSync(
                        jdbi,
                        clock,
                        connections,
                        apis::get,
                        managers,
                        reviews,
                        actions,
                        afterHeld,
                        settings.syncEvery(),
                        parallel);
        return new CalendarFeature(
                connections,
                booking,
                actions,
                sync,
                new CalendarSlots(connections, booking),
                new AgendaInEvent(jdbi, clock, connections, apis::get, actions));
    }
}
