package com.bossreview.install;

import com.bossreview.config.Secret;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts tokens for the database: AES-256-GCM, a fresh random 96-bit nonce per value, and the
 * row's identity (e.g. {@code T:T123}) as associated data, so a ciphertext copied into another
 * workspace's row does not decrypt. Stored as {@code v1:<key id>:<base64(nonce ||
 * ciphertext+tag)>}.
 *
 * <p>The AES key is derived from {@code BOSSREVIEW_ENCRYPTION_KEY} with HKDF-SHA256 and a fixed
 * application salt. HKDF rather than PBKDF2 because the input is meant to be a random secret
 * ({@code openssl rand -base64 32}), not a password: iterations would slow every start without
 * making a weak password strong, while HKDF turns any long random string into a uniform key bound
 * to this one purpose. The key id (8 hex digits, a separate HKDF output, so it says nothing about
 * the key itself) tells which key sealed a value: during a rotation the previous key still opens
 * old values, and {@link #needsRotation} finds them; {@link KeyRotation} decides which key seals
 * new ones.
 */
public final class TokenCipher {
    static final String VERSION = "v1";
    private static final String SALT = "bossreview/token-encryption";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    /** A value that no configured key opens: unknown key id, or a tag that does not match. */
    public static final class UndecryptableException extends RuntimeException {
        UndecryptableException(String message) {
            super(message);
        }
    }

    private record Key(String id, SecretKeySpec aes) {
        static Key derive(Secret secret) {
            byte[] prk = Hkdf.extract(SALT, secret.reveal());
            byte[] aes = Hkdf.expand(prk, "aes-256-gcm token key");
            byte[] id = Hkdf.expand(prk, "key id");
            return new Key(HexFormat.of().formatHex(id, 0, 4), new SecretKeySpec(aes, "AES"));
        }
    }

    private final Key current;
    private final Optional<Key> previous;
    private final SecureRandom random = new SecureRandom();

    public TokenCipher(Secret key, Optional<Secret> previousKey) {
        this.current = Key.derive(key);
        this.previous = previousKey.map(Key::derive).filter(k -> !k.id().equals(current.id()));
    }

    /** The id of the key new values are sealed with. */
    public String keyId() {
        return current.id();
    }

    /** True for a key id that one of the configured keys has. */
    public boolean knows(String keyId) {
        return current.id().equals(keyId) || previous.map(k -> k.id().equals(keyId)).orElse(false);
    }

    /** The id of {@code BOSSREVIEW_ENCRYPTION_KEY_PREVIOUS}, if set (and not the same key). */
    public Optional<String> previousKeyId() {
        return previous.map(Key::id);
    }

    /** Seals with the current key. */
    public String encrypt(String plaintext, String context) {
        return encrypt(plaintext, context, current.id());
    }

    /**
     * Seals with the configured key of this id: during a rotation, new tokens stay sealed with the
     * previous key until every instance can open the new one ({@link KeyRotation}).
     */
    public String encrypt(String plaintext, String context, String keyId) {
        Key key =
                current.id().equals(keyId)
                        ? current
                        : previous.filter(k -> k.id().equals(keyId))
                                .orElseThrow(
                                        () ->
                                                new IllegalArgumentException(
                                                        "no configured key has id " + keyId));
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        byte[] sealed =
                run(
                        Cipher.ENCRYPT_MODE,
                        key,
                        nonce,
                        context,
                        plaintext.getBytes(StandardCharsets.UTF_8));
        byte[] out =
                ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array();
        return VERSION + ":" + key.id() + ":" + Base64.getEncoder().encodeToString(out);
    }

    /**
     * @throws UndecryptableException if no configured key opens {@code stored} for this context
     */
    public String decrypt(String stored, String context) {
        String[] parts = stored.split(":", 3);
        if (parts.length != 3 || !VERSION.equals(parts[0])) {
            throw new UndecryptableException("not a " + VERSION + " encrypted value");
        }
        Key key =
                current.id().equals(parts[1])
                        ? current
                        : previous.filter(k -> k.id().equals(parts[1]))
                                .orElseThrow(
                                        () ->
                                                new UndecryptableException(
                                                        "sealed with key "
                                                                + parts[1]
                                                                + ", which is neither BOSSREVIEW_ENCRYPTION_KEY nor _PREVIOUS"));
        byte[] in;
        try {
            in = Base64.getDecoder().decode(parts[2]);
        } catch (IllegalArgumentException e) {
            throw new UndecryptableException("not base64");
        }
        if (in.length <= NONCE_BYTES) {
            throw new UndecryptableException("too short");
        }
        byte[] nonce = new byte[NONCE_BYTES];
        System.arraycopy(in, 0, nonce, 0, NONCE_BYTES);
        byte[] sealed = new byte[in.length - NONCE_BYTES];
        System.arraycopy(in, NONCE_BYTES, sealed, 0, sealed.length);
        return new String(
                run(Cipher.DECRYPT_MODE, key, nonce, context, sealed), StandardCharsets.UTF_8);
    }

    /** True when {@code stored} was sealed with another key than the current one. */
    public boolean needsRotation(String stored) {
        return !keyIdOf(stored).equals(current.id());
    }

    static String keyIdOf(String stored) {
        String[] parts = stored.split(":", 3);
        return parts.length == 3 ? parts[1] : "";
    }

    private static byte[] run(int mode, Key key, byte[] nonce, String context, byte[] input) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(mode, key.aes(), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            return cipher.doFinal(input);
        } catch (AEADBadTagException e) {
            throw new UndecryptableException(
                    "authentication failed (wrong key or value not for this row)");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available in this JVM", e);
        }
    }

    @Override
    public String toString() {
        return "TokenCipher[key "
                + current.id()
                + previous.map(k -> ", previous " + k.id()).orElse("")
                + "]";
    }
}
