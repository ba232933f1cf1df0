package com.bossreview.crm;

import static org.assertj.core.api.Assertions.assertThat;

import com.bossreview.support.AppTest;
import com.bossreview.support.TestDatabase;
import org.junit.jupiter.api.Test;

/** No CRM client id configured: the commands say so and change nothing. */
class CrmOffTest extends AppTest {
    @Test
    void connect_crm_says_the_feature_is_off_and_stores_nothing() throws Exception {
        assertThat(command("connect crm"))
                .contains("CRM connections aren't set up", "HUBSPOT_CLIENT_ID");
        assertThat(command("connect crm workspace")).contains("CRM connections aren't set up");
        assertThat(command("disconnect crm")).contains("nothing to disconnect");
        assertThat(command("connect crm pipedrive")).contains("Connect what?");
        assertThat(TestDatabase.rows("crm_oauth_state")).isZero();
        assertThat(TestDatabase.rows("crm_connection")).isZero();
        assertThat(app.get("/crm/callback/salesforce?code=x&state=y").statusCode()).isEqualTo(404);
    }

    @Test
    void connect_and_disconnect_name_their_targets_when_given_something_else() {
        assertThat(command("connect")).contains("Connect what? calendar or crm", "calendar|crm");
        assertThat(command("connect phone")).contains("Connect what? calendar or crm");
        assertThat(command("disconnect")).contains("Disconnect what? calendar or crm");
        assertThat(command("connect CRM")).contains("CRM connections aren't set up");
        assertThat(command("connect cal")).contains("Calendar connections aren't set up");
    }
}
