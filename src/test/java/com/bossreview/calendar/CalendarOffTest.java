package com.bossreview.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import com.bossreview.support.AppTest;
import com.bossreview.support.TestDatabase;
import org.junit.jupiter.api.Test;

/** No calendar client id configured: the commands say so and change nothing. */
class CalendarOffTest extends AppTest {
    @Test
    void connect_calendar_says_the_feature_is_off_and_stores_nothing() throws Exception {
        assertThat(command("connect calendar"))
                .contains("Calendar connections aren't set up", "GOOGLE_CLIENT_ID");
        assertThat(command("disconnect calendar")).contains("nothing to disconnect");
        assertThat(command("connect")).contains("Connect what?");
        assertThat(command("connect crm calendar")).contains("Connect what?");
        assertThat(TestDatabase.rows("calendar_oauth_state")).isZero();
        assertThat(app.get("/calendar/callback/google?code=x&state=y").statusCode()).isEqualTo(404);
    }
}
