package com.bossreview.slack;

import java.io.IOException;
import okhttp3.Interceptor;
import okhttp3.Response;

/**
 * Marks an I/O failure that happened once the request had a connection and started to go out: from
 * then on Slack may have acted on it. OkHttp calls a network interceptor only with a connection in
 * hand, so whatever fails inside it failed after sending began; the mark is a suppressed exception,
 * which keeps the failure's own type (a read timeout stays a {@code SocketTimeoutException}). One
 * rule for every call, the SDK's and {@link SlackApi#postJson}'s alike: {@link SlackApi} reads it
 * back with {@link #marked}.
 */
final class RequestSent extends Exception {
    private RequestSent() {
        super("the request had started to go out", null, false, false);
    }

    /** The network interceptor that marks failures. */
    static final class Marker implements Interceptor {
        @Override
        public Response intercept(Chain chain) throws IOException {
            try {
                return chain.proceed(chain.request());
            } catch (IOException e) {
                e.addSuppressed(new RequestSent());
                throw e;
            }
        }
    }

    /**
     * Whether {@code e}, a failure it wraps, or one it carries as suppressed (OkHttp attaches the
     * attempts it retried that way) was marked on its way out.
     */
    static boolean marked(Throwable e) {
        return marked(e, 0);
    }

    private static boolean marked(Throwable e, int depth) {
        if (e == null || depth > 8) {
            return false;
        }
        if (e instanceof RequestSent) {
            return true;
        }
        for (Throwable s : e.getSuppressed()) {
            if (marked(s, depth + 1)) {
                return true;
            }
        }
        return e.getCause() != e && marked(e.getCause(), depth + 1);
    }
}
