package com.bossreview.slack;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MrkdwnTest {
    @Test
    void ampersands_and_angle_brackets_become_entities_and_nothing_else_changes() {
        assertThat(Mrkdwn.escape("a & b < c > d")).isEqualTo("a &amp; b &lt; c &gt; d");
        assertThat(Mrkdwn.escape("<!here> <@U123|maria> <http://x.example|click>"))
                .isEqualTo("&lt;!here&gt; &lt;@U123|maria&gt; &lt;http://x.example|click&gt;");
        assertThat(Mrkdwn.escape("&amp;")).isEqualTo("&amp;amp;");
        assertThat(Mrkdwn.escape("*bold* _it_ `code` 🚀\nline"))
                .isEqualTo("*bold* _it_ `code` 🚀\nline");
        assertThat(Mrkdwn.escape("")).isEmpty();
    }

    @Test
    void words_echoed_in_code_are_short_escaped_and_cannot_close_the_backticks() {
        assertThat(Mrkdwn.inCode("<!channel> `x`", 30)).isEqualTo("&lt;!channel&gt; 'x'");
        assertThat(Mrkdwn.inCode("x".repeat(100), 30)).isEqualTo("x".repeat(30) + "…");
        assertThat(Mrkdwn.inCode("x".repeat(30), 30)).isEqualTo("x".repeat(30));
        // Counted in characters as people see them: an emoji is one, and is never cut in half.
        assertThat(Mrkdwn.inCode("🚀".repeat(25), 20)).isEqualTo("🚀".repeat(20) + "…");
        // Cut first, then escaped: the cut never leaves half an entity.
        assertThat(Mrkdwn.inCode("&".repeat(5), 3)).isEqualTo("&amp;&amp;&amp;…");
    }

    @Test
    void a_cut_never_splits_an_entity_or_a_surrogate_pair() {
        assertThat(Mrkdwn.cutAt("abcdef", 4)).isEqualTo(4);
        assertThat(Mrkdwn.cutAt("abc", 10)).isEqualTo(3);
        assertThat(Mrkdwn.cutAt("abc", -1)).isZero();
        assertThat(Mrkdwn.cutAt("ab&amp;cd", 4)).isEqualTo(2);
        assertThat(Mrkdwn.cutAt("ab&amp;cd", 7)).isEqualTo(7);
        assertThat(Mrkdwn.cutAt("a😀b", 2)).isEqualTo(1);
        assertThat(Mrkdwn.cutAt("a😀b", 3)).isEqualTo(3);
    }

    @Test
    void unlink_gives_back_what_was_typed_where_slack_escaped_links_and_keeps_mentions() {
        assertThat(Mrkdwn.unlink("<mailto:eve@acme.test|eve@acme.test>, 005EVE"))
                .isEqualTo("eve@acme.test, 005EVE");
        assertThat(Mrkdwn.unlink("<https://acme.test/x>")).isEqualTo("https://acme.test/x");
        assertThat(Mrkdwn.unlink("Closed &amp; Won")).isEqualTo("Closed & Won");
        assertThat(Mrkdwn.unlink("<@U0BOB|bob> <!here> <#C1|general>"))
                .isEqualTo("<@U0BOB|bob> <!here> <#C1|general>");
    }
}
