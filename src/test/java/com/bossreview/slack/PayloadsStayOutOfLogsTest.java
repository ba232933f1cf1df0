package com.bossreview.slack;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.bossreview.support.AppTest;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** Requests the SDK cannot classify must not put their bodies (user text, tokens) into the logs. */
class PayloadsStayOutOfLogsTest extends AppTest {
    private final ListAppender<ILoggingEvent> captured = new ListAppender<>();
    private Logger root;

    @BeforeEach
    void capture() {
        root =
                ((LoggerContext) LoggerFactory.getILoggerFactory())
                        .getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        captured.start();
        root.addAppender(captured);
    }

    @AfterEach
    void release() {
        root.detachAppender(captured);
    }

    private String logs() {
        return captured.list.stream()
                .map(e -> e.getLoggerName() + " " + e.getFormattedMessage())
                .collect(Collectors.joining("\n"));
    }

    @Test
    void an_unclassifiable_signed_json_body_is_not_logged() {
        var r =
                app.slack()
                        .post(
                                "{\"type\":\"mystery_callback\",\"text\":\"SECRET-USER-TEXT our Q4 is lost\"}",
                                "application/json",
                                clock.instant());
        assertThat(r.statusCode()).isLessThan(500);
        assertThat(logs()).doesNotContain("SECRET-USER-TEXT");
    }

    @Test
    void an_unclassifiable_signed_form_body_is_not_logged() {
        var r =
                app.slack()
                        .post(
                                "payload=%7B%22type%22%3A%22mystery%22%2C%22token%22%3A%22SECRET-TOKEN-VALUE%22%7D",
                                "application/x-www-form-urlencoded", clock.instant());
        assertThat(r.statusCode()).isLessThan(500);
        var ssl =
                app.slack()
                        .post(
                                "ssl_check=1&token=SECRET-SSL-TOKEN",
                                "application/x-www-form-urlencoded",
                                clock.instant());
        assertThat(ssl.statusCode()).isLessThan(500);
        assertThat(logs()).doesNotContain("SECRET-TOKEN-VALUE", "SECRET-SSL-TOKEN");
    }
}
