package com.bossreview.install;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.bossreview.config.Secret;
import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TokenCipherTest {
    private static final Secret KEY = new Secret("a-random-key-from-openssl-rand-base64-32=");
    private static final Secret OTHER = new Secret("another-random-key-from-openssl-rand-base64");
    private static final String TOKEN = "xoxb-1234-5678-abcdefghijkl";

    @Test
    void a_token_comes_back_from_its_sealed_form_and_the_sealed_form_does_not_show_it() {
        TokenCipher cipher = new TokenCipher(KEY, Optional.empty());
        String sealed = cipher.encrypt(TOKEN, "T:T1");
        assertThat(sealed)
                .matches("v1:[0-9a-f]{8}:[A-Za-z0-9+/=]+")
                .doesNotContain(TOKEN)
                .doesNotContain("xoxb");
        assertThat(cipher.decrypt(sealed, "T:T1")).isEqualTo(TOKEN);
    }

    @Test
    void every_sealing_uses_a_fresh_nonce() {
        TokenCipher cipher = new TokenCipher(KEY, Optional.empty());
        String first = cipher.encrypt(TOKEN, "T:T1");
        String second = cipher.encrypt(TOKEN, "T:T1");
        assertThat(first).isNotEqualTo(second);
        byte[] a = Base64.getDecoder().decode(first.split(":")[2]);
        byte[] b = Base64.getDecoder().decode(second.split(":")[2]);
        assertThat(java.util.Arrays.copyOf(a, 12)).isNotEqualTo(java.util.Arrays.copyOf(b, 12));
        assertThat(a).hasSize(12 + TOKEN.length() + 16); // nonce, ciphertext, 128-bit tag
    }

    @Test
    void another_key_cannot_open_it_even_when_it_claims_the_same_key_id() {
        String sealed = new TokenCipher(KEY, Optional.empty()).encrypt(TOKEN, "T:T1");
        TokenCipher other = new TokenCipher(OTHER, Optional.empty());
        assertThatThrownBy(() -> other.decrypt(sealed, "T:T1"))
                .isInstanceOf(TokenCipher.UndecryptableException.class)
                .hasMessageContaining("neither BOSSREVIEW_ENCRYPTION_KEY nor _PREVIOUS");
        String forgedId = "v1:" + other.keyId() + ":" + sealed.split(":")[2];
        assertThatThrownBy(() -> other.decrypt(forgedId, "T:T1"))
                .isInstanceOf(TokenCipher.UndecryptableException.class)
                .hasMessageContaining("authentication failed");
    }

    @Test
    void a_token_moved_to_another_workspaces_row_does_not_open() {
        TokenCipher cipher = new TokenCipher(KEY, Optional.empty());
        String sealed = cipher.encrypt(TOKEN, "T:T1");
        assertThatThrownBy(() -> cipher.decrypt(sealed, "T:T2"))
                .isInstanceOf(TokenCipher.UndecryptableException.class);
    }

    @Test
    void a_tampered_value_does_not_open() {
        TokenCipher cipher = new TokenCipher(KEY, Optional.empty());
        String sealed = cipher.encrypt(TOKEN, "T:T1");
        byte[] bytes = Base64.getDecoder().decode(sealed.split(":")[2]);
        bytes[20] ^= 1;
        String tampered = "v1:" + cipher.keyId() + ":" + Base64.getEncoder().encodeToString(bytes);
        assertThatThrownBy(() -> cipher.decrypt(tampered, "T:T1"))
                .isInstanceOf(TokenCipher.UndecryptableException.class);
        assertThatThrownBy(() -> cipher.decrypt(TOKEN, "T:T1"))
                .isInstanceOf(TokenCipher.UndecryptableException.class);
        assertThatThrownBy(() -> cipher.decrypt("v1:" + cipher.keyId() + ":!!", "T:T1"))
                .isInstanceOf(TokenCipher.UndecryptableException.class);
    }

    @Test
    void
            during_a_rotation_the_previous_key_still_opens_old_values_which_are_marked_for_resealing() {
        String old = new TokenCipher(OTHER, Optional.empty()).encrypt(TOKEN, "E:E1");
        TokenCipher rotating = new TokenCipher(KEY, Optional.of(OTHER));
        assertThat(rotating.decrypt(old, "E:E1")).isEqualTo(TOKEN);
        assertThat(rotating.needsRotation(old)).isTrue();
        String fresh = rotating.encrypt(TOKEN, "E:E1");
        assertThat(rotating.needsRotation(fresh)).isFalse();
        assertThat(TokenCipher.keyIdOf(fresh))
                .isEqualTo(new TokenCipher(KEY, Optional.empty()).keyId());
    }

    @Test
    void the_key_id_is_stable_per_key_and_differs_between_keys() {
        assertThat(new TokenCipher(KEY, Optional.empty()).keyId())
                .isEqualTo(new TokenCipher(KEY, Optional.empty()).keyId())
                .isNotEqualTo(new TokenCipher(OTHER, Optional.empty()).keyId())
                .hasSize(8);
        assertThat(new TokenCipher(KEY, Optional.of(OTHER)).toString())
                .doesNotContain(KEY.reveal(), OTHER.reveal());
    }

    @Test
    void
            while_rotating_a_value_can_be_sealed_with_the_previous_key_that_older_instances_still_have() {
        TokenCipher rotating = new TokenCipher(KEY, Optional.of(OTHER));
        TokenCipher older = new TokenCipher(OTHER, Optional.empty());
        String sealed = rotating.encrypt(TOKEN, "T:T1", older.keyId());
        assertThat(TokenCipher.keyIdOf(sealed)).isEqualTo(older.keyId());
        assertThat(older.decrypt(sealed, "T:T1")).isEqualTo(TOKEN);
        assertThat(rotating.previousKeyId()).contains(older.keyId());
        assertThatThrownBy(() -> older.encrypt(TOKEN, "T:T1", rotating.keyId()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
