package com.bossreview.manager;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ManagerKeyTest {
    @Test
    void a_manager_is_a_team_and_a_user_and_equal_keys_are_the_same_manager() {
        assertThat(new ManagerKey("T1", "U1"))
                .isEqualTo(new ManagerKey("T1", "U1"))
                .isNotEqualTo(new ManagerKey("T2", "U1"));
        // Two strings glued together could collide ("T1U" + "1" vs "T1" + "U1"); a record cannot.
        assertThat(new ManagerKey("T1U", "1")).isNotEqualTo(new ManagerKey("T1", "U1"));
    }

    @Test
    void a_key_without_team_or_user_is_refused() {
        assertThatThrownBy(() -> new ManagerKey("", "U1"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ManagerKey("T1", null))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
