package com.bossreview.boss;

import static org.assertj.core.api.Assertions.assertThat;

import com.bossreview.support.FakeSlack;
import com.bossreview.support.TestDatabase;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The first DM a boss ever gets in a workspace, whichever manager sends it, introduces bossreview.
 */
class BossIntroTest extends BossDmTest {
    private static final String INTRO =
            "uses *bossreview* to keep you informed; you get only what they choose to send.";

    @Test
    void
            the_first_dm_to_a_boss_introduces_bossreview_and_the_next_one_from_another_manager_does_not()
                    throws Exception {
        managerOf(TEAM, ME, BOSS);
        managerOf(TEAM, MANAGER2, BOSS);

        FakeSlack.Call first = send(TEAM, ME, Sending.NEWS);
        FakeSlack.Call second = send(TEAM, MANAGER2, Sending.FORECAST);
        FakeSlack.Call third = send(TEAM, ME, Sending.AGENDA);

        assertThat(first.json("blocks"))
                .contains(":wave: <@" + ME + "> " + INTRO)
                .contains("*Thanks*, *Let's talk* or *Ask a question*");
        assertThat(first.json("blocks").indexOf(INTRO))
                .isLessThan(first.json("blocks").indexOf("Good news from"));
        assertThat(List.of(second, third))
                .allSatisfy(
                        dm -> {
                            assertThat(dm.param("channel")).isEqualTo(BOSS);
                            assertThat(dm.json("blocks")).doesNotContain(INTRO);
                            assertThat(buttons(dm)).hasSize(3);
                        });
        assertThat(
                        TestDatabase.rows(
                                "boss_intro WHERE team_id = '"
                                        + TEAM
                                        + "' AND boss_user_id = '"
                                        + BOSS
                                        + "' AND user_id = '"
                                        + ME
                                        + "'"))
                .isEqualTo(1);
    }

    @Test
    void each_boss_and_each_workspace_gets_its_own_introduction() throws Exception {
        managerOf(TEAM, ME, BOSS);
        managerOf(TEAM, MANAGER2, "U0OTHERBOSS");
        managerOf("T0SECOND", ME, BOSS);

        assertThat(send(TEAM, ME, Sending.NEWS).json("blocks")).contains(INTRO);
        assertThat(send(TEAM, MANAGER2, Sending.NEWS).json("blocks"))
                .contains("<@" + MANAGER2 + "> " + INTRO);
        assertThat(send("T0SECOND", ME, Sending.AGENDA).json("blocks")).contains(INTRO);
        assertThat(TestDatabase.rows("boss_intro")).isEqualTo(3);
    }

    @Test
    void two_managers_sending_to_one_boss_at_the_same_moment_introduce_bossreview_once()
            throws Exception {
        managerOf(TEAM, ME, BOSS);
        managerOf(TEAM, MANAGER2, BOSS);
        int dms = seen("chat.postMessage");
        int responses = seen(FakeSlack.RESPONSE_URL);

        // Both clicks are acked before either DM goes out: the two sends race on the after-ack
        // executor.
        app.slack().click(TEAM, ME, "send_agenda", WEEK);
        app.slack().click(TEAM, MANAGER2, "send_agenda", WEEK);
        List<FakeSlack.Call> sent =
                slack.awaitCalls("chat.postMessage", dms + 2, Duration.ofSeconds(10))
                        .subList(dms, dms + 2);

        assertThat(sent).allSatisfy(dm -> assertThat(dm.param("channel")).isEqualTo(BOSS));
        assertThat(sent.stream().filter(dm -> dm.json("blocks").contains(INTRO))).hasSize(1);
        assertThat(TestDatabase.rows("boss_intro")).isEqualTo(1);
        slack.awaitCalls(
                FakeSlack.RESPONSE_URL,
                responses + 2,
                Duration.ofSeconds(10)); // both managers answered
    }

    @Test
    void an_introduction_that_did_not_reach_the_boss_comes_with_the_next_dm() throws Exception {
        managerOf(TEAM, ME, BOSS);
        int dms = seen("chat.postMessage");
        int responses = seen(FakeSlack.RESPONSE_URL);
        slack.fail("chat.postMessage", new FakeSlack.Fault.ServerError(503), 1);
        app.slack().click(TEAM, ME, "send_agenda", WEEK);
        assertThat(next("chat.postMessage", dms).json("blocks")).contains(INTRO);
        assertThat(next(FakeSlack.RESPONSE_URL, responses).param("text"))
                .contains("couldn't send the agenda");

        assertThat(TestDatabase.rows("boss_intro")).isZero();
        assertThat(send(TEAM, ME, Sending.NEWS).json("blocks")).contains(INTRO);
        assertThat(TestDatabase.rows("boss_intro")).isEqualTo(1);
    }
}
