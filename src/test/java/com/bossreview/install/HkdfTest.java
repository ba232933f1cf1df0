package com.bossreview.install;

import static org.assertj.core.api.Assertions.assertThat;

import com.bossreview.config.Secret;
import java.util.HexFormat;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class HkdfTest {
    private static final HexFormat HEX = HexFormat.of();

    @Test
    void extract_and_the_first_block_of_expand_match_rfc_5869_test_case_1() {
        byte[] ikm = HEX.parseHex("0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b");
        byte[] salt = HEX.parseHex("000102030405060708090a0b0c");
        byte[] prk = Hkdf.hmac(salt, ikm);
        assertThat(HEX.formatHex(prk))
                .isEqualTo("077709362c2e32df0ddc3f0dc47bba6390b6c73bb50f9c3122ec844ad7c2b3e5");
        assertThat(HEX.formatHex(Hkdf.expand(prk, HEX.parseHex("f0f1f2f3f4f5f6f7f8f9"))))
                .isEqualTo("3cb25f25faacd57a90434f64d0362f2a2d2d0a90cf1a5a4c5db02d56ecc4c5bf");
    }

    @Test
    void keys_already_in_use_derive_as_before() {
        // Tokens sealed and OAuth states signed before must still open: these are the keys the app
        // derived then.
        assertThat(
                        new TokenCipher(
                                        new Secret("test-encryption-key-0123456789-abcdefghij"),
                                        Optional.empty())
                                .keyId())
                .isEqualTo("ed51c31c");
        assertThat(
                        HEX.formatHex(
                                Hkdf.expand(
                                        Hkdf.extract(
                                                "bossreview/oauth-state", "test-client-secret"),
                                        "state signing key")))
                .isEqualTo("a85e15cbe40fcc1abad28c75d9256a090de348cf5e6cb9bdbe0339604a6bff46");
    }

    @Test
    void an_hmac_of_a_prefix_is_the_hmac_of_those_bytes() {
        byte[] key = {1, 2, 3};
        byte[] data = {10, 20, 30, 40};
        assertThat(Hkdf.hmac(key, data, 2)).isEqualTo(Hkdf.hmac(key, new byte[] {10, 20}));
    }
}
