package com.bossreview.db;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.bossreview.support.TestDatabase;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(TestDatabase.class)
class ErrorMessagePrivacyTest {

    @Test
    void a_failed_statement_does_not_put_what_the_manager_wrote_into_the_exception_message() {
        String secret = "my boss is about to be fired";
        assertThatThrownBy(
                        () ->
                                TestDatabase.database()
                                        .jdbi()
                                        .useHandle(
                                                h ->
                                                        h.createUpdate(
                                                                        "INSERT INTO news (team_id, user_id, kind, body, logged_at) VALUES ('T1', 'U1', 'WRONG', :body, :at)")
                                                                .bind("body", secret)
                                                                .bind("at", Instant.EPOCH)
                                                                .execute()))
                .hasMessageNotContaining(secret)
                .satisfies(
                        e -> {
                            for (Throwable t = e; t != null; t = t.getCause()) {
                                org.assertj.core.api.Assertions.assertThat(
                                                String.valueOf(t.getMessage()))
                                        .doesNotContain(secret);
                            }
                        });
    }
}
