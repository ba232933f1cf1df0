package com.bossreview.install;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.function.BiConsumer;
import java.util.function.BinaryOperator;
import org.jdbi.v3.core.Jdbi;

/**
 * What the calendar's and the CRM's OAuth connections share: values sealed like bot tokens with the
 * key new tokens are sealed with, read in the same transaction as the write ({@link
 * KeyRotation#sealingKey}: during a key rotation the previous key, so an instance still on the old
 * key alone opens them; the re-seal step moves them on); and the one-use state of an OAuth round
 * trip, of which only the SHA-256 is stored.
 */
public final class SealedWrites {
    private final Jdbi jdbi;
    private final TokenCipher cipher;

    public SealedWrites(Jdbi jdbi, TokenCipher cipher) {
        this.jdbi = jdbi;
        this.cipher = cipher;
    }

    /**
     * Runs {@code store} in a transaction with {@code dao} attached and a sealer: {@code
     * (plaintext, context) -> sealed}.
     */
    public <D> void write(Class<D> dao, BiConsumer<D, BinaryOperator<String>> store) {
        jdbi.useTransaction(
                h -> {
                    String key = KeyRotation.sealingKey(h, cipher);
                    store.accept(
                            h.attach(dao),
                            (plaintext, context) -> cipher.encrypt(plaintext, context, key));
                });
    }

    /** An OAuth {@code state}: 32 random bytes, base64url. */
    public static String newState(SecureRandom random) {
        byte[] nonce = new byte[32];
        random.nextBytes(nonce);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(nonce);
    }

    /** How a state is stored: its SHA-256, hex. */
    public static String sha256(String s) {
        try {
            return HexFormat.of()
                    .formatHex(
                            MessageDigest.getInstance("SHA-256")
                                    .digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
