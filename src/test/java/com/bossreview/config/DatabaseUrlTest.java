package com.bossreview.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DatabaseUrlTest {
    @Test
    void heroku_style_url_becomes_jdbc_with_credentials_apart() {
        DatabaseUrl u =
                DatabaseUrl.parse(
                        "postgres://bob:p%40ss@db.example.com:6543/sales?sslmode=require");
        assertThat(u.jdbcUrl())
                .isEqualTo("jdbc:postgresql://db.example.com:6543/sales?sslmode=require");
        assertThat(u.user()).contains("bob");
        assertThat(u.password().orElseThrow().reveal()).isEqualTo("p@ss");
    }

    @Test
    void default_port_is_5432() {
        assertThat(DatabaseUrl.parse("postgresql://bob@db/sales").jdbcUrl())
                .isEqualTo("jdbc:postgresql://db:5432/sales");
    }

    @Test
    void jdbc_url_is_kept_and_its_password_masked_when_printed() {
        DatabaseUrl u =
                DatabaseUrl.parse("jdbc:postgresql://localhost:5432/x?user=a&password=topsecret");
        assertThat(u.jdbcUrl())
                .isEqualTo("jdbc:postgresql://localhost:5432/x?user=a&password=topsecret");
        assertThat(u.toString()).doesNotContain("topsecret");
    }
}
