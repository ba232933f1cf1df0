package com.bossreview.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.slack.api.bolt.request.RequestHeaders;
import com.slack.api.bolt.request.builtin.ViewSubmissionRequest;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ModalInputTest {
    private static ViewSubmissionRequest submitted(String state) {
        String payload =
                """
                {"type":"view_submission","team":{"id":"T1"},"user":{"id":"U1"},
                 "view":{"id":"V1","callback_id":"c"%s}}"""
                        .formatted(state);
        return new ViewSubmissionRequest("payload=…", payload, new RequestHeaders(Map.of()));
    }

    @Test
    void the_text_typed_in_a_field_is_read_as_typed() {
        ViewSubmissionRequest r =
                submitted(
                        """
                ,"state":{"values":{"b":{"a":{"type":"plain_text_input","value":"  hi <@U2> "}}}}""");
        assertThat(ModalInput.typed(r, "b", "a")).isEqualTo("  hi <@U2> ");
    }

    @Test
    void an_empty_missing_or_stateless_field_reads_as_empty() {
        assertThat(
                        ModalInput.typed(
                                submitted(
                                        """
                ,"state":{"values":{"b":{"a":{"type":"plain_text_input","value":null}}}}"""),
                                "b",
                                "a"))
                .isEmpty();
        assertThat(
                        ModalInput.typed(
                                submitted(
                                        """
                ,"state":{"values":{"b":{"a":{"type":"plain_text_input","value":"x"}}}}"""),
                                "b",
                                "other"))
                .isEmpty();
        assertThat(
                        ModalInput.typed(
                                submitted(
                                        """
                ,"state":{"values":{"b":{"a":{"type":"plain_text_input","value":"x"}}}}"""),
                                "other",
                                "a"))
                .isEmpty();
        assertThat(ModalInput.typed(submitted(",\"state\":{}"), "b", "a")).isEmpty();
        assertThat(ModalInput.typed(submitted(""), "b", "a")).isEmpty();
    }
}
