package com.bossreview.slack;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class AfterAckTest {
    private static SlackCallException rateLimited() {
        return new SlackCallException(
                "chat.postMessage", SlackError.RATE_LIMITED, Duration.ofMillis(20), null);
    }

    @Test
    void a_notice_refused_with_429_goes_again_after_the_retry_after_until_it_is_posted()
            throws Exception {
        AtomicInteger tries = new AtomicInteger();
        CountDownLatch posted = new CountDownLatch(1);
        try (AfterAck afterAck = new AfterAck(1)) {
            afterAck.notice(
                    "test notice",
                    () -> {
                        if (tries.incrementAndGet() < 3) {
                            throw rateLimited();
                        }
                        posted.countDown();
                    });
            assertThat(posted.await(10, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(tries).hasValue(3);
    }

    @Test
    void a_notice_gives_up_after_three_retries() throws Exception {
        AtomicInteger tries = new AtomicInteger();
        CountDownLatch gaveUp = new CountDownLatch(1);
        try (AfterAck afterAck = new AfterAck(1)) {
            afterAck.notice(
                    "test notice",
                    () -> {
                        tries.incrementAndGet();
                        throw rateLimited();
                    },
                    reason -> gaveUp.countDown());
            assertThat(gaveUp.await(10, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(tries).hasValue(1 + AfterAck.NOTICE_RETRIES);
    }

    @Test
    void a_server_error_is_not_tried_again_the_message_may_be_posted() throws Exception {
        AtomicInteger tries = new AtomicInteger();
        CountDownLatch gaveUp = new CountDownLatch(1);
        try (AfterAck afterAck = new AfterAck(1)) {
            afterAck.notice(
                    "test notice",
                    () -> {
                        tries.incrementAndGet();
                        throw new SlackCallException("chat.postMessage", "internal_error");
                    },
                    reason -> gaveUp.countDown());
            assertThat(gaveUp.await(10, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(tries).hasValue(1);
    }
}
