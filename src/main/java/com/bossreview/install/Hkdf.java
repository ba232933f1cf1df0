package com.bossreview.install;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HKDF-SHA256 (RFC 5869), the way the app turns a configured secret into a key for one purpose:
 * extract with a salt of that purpose's own, then the first 32-byte block of expand per key. And
 * the HMAC-SHA256 under it.
 */
final class Hkdf {
    private static final String HMAC_SHA256 = "HmacSHA256";

    private Hkdf() {}

    /** HKDF-Extract: PRK = HMAC(salt, secret). */
    static byte[] extract(String salt, String secret) {
        return hmac(salt.getBytes(StandardCharsets.UTF_8), secret.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * HKDF-Expand's first block, T(1) = HMAC(PRK, info || 0x01): a 32-byte key for {@code label}.
     */
    static byte[] expand(byte[] prk, String label) {
        return expand(prk, label.getBytes(StandardCharsets.UTF_8));
    }

    static byte[] expand(byte[] prk, byte[] info) {
        return hmac(prk, ByteBuffer.allocate(info.length + 1).put(info).put((byte) 1).array());
    }

    static byte[] hmac(byte[] key, byte[] data) {
        return hmac(key, data, data.length);
    }

    /** HMAC-SHA256 of the first {@code length} bytes of {@code data}. */
    static byte[] hmac(byte[] key, byte[] data, int length) {
        try {
            Mac mac = Mac.getInstance(HMAC_SHA256);
            mac.init(new SecretKeySpec(key, HMAC_SHA256));
            mac.update(data, 0, length);
            return mac.doFinal();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available in this JVM", e);
        }
    }
}
