package com.bossreview.slack;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.util.thread.Scheduler;

/**
 * Reads a request body without holding a thread while it arrives. Jetty calls back as bytes come
 * in, so a client that trickles a byte a second costs a connection, not one of the server's threads
 * (a blocking read cost one each: 64 such clients froze the server). The body must be whole within
 * a deadline counted from its headers, however steadily it trickles, and must fit the size limit.
 */
final class RequestBody implements Runnable {
    /** Where the outcome goes; exactly one of the two is called, once. */
    interface Then {
        /**
         * The whole body, on a thread that may block (the handler's, or one Jetty dispatched for
         * it).
         */
        void body(byte[] body);

        /**
         * No body to handle: {@code status} is 408 (too slow), 413 (too large) or 400 (broken off).
         */
        void refused(int status, String reason);
    }

    private final Request request;
    private final int maxBytes;
    private final Then then;
    private final AtomicBoolean done = new AtomicBoolean();
    private byte[] bytes = new byte[0];
    private int size;
    private volatile Scheduler.Task deadline;

    private RequestBody(Request request, int maxBytes, Then then) {
        this.request = request;
        this.maxBytes = maxBytes;
        this.then = then;
    }

    static void read(Request request, int maxBytes, Duration deadline, Then then) {
        RequestBody body = new RequestBody(request, maxBytes, then);
        body.deadline = request.getComponents().getScheduler().schedule(body::expire, deadline);
        body.run();
    }

    /** Reads what has arrived; asks Jetty to call again when more does. */
    @Override
    public void run() {
        while (!done.get()) {
            Content.Chunk chunk = request.read();
            if (chunk == null) {
                request.demand(this);
                return;
            }
            if (Content.Chunk.isFailure(chunk)) {
                finish(() -> then.refused(400, "the request body broke off"));
                return;
            }
            ByteBuffer buffer = chunk.getByteBuffer();
            boolean last = chunk.isLast();
            if ((long) size + buffer.remaining() > maxBytes) {
                chunk.release();
                finish(() -> then.refused(413, "request too large"));
                return;
            }
            append(buffer);
            chunk.release();
            if (last) {
                finish(() -> then.body(size == bytes.length ? bytes : Arrays.copyOf(bytes, size)));
                return;
            }
        }
    }

    /**
     * Grows with what has arrived, never with what the client announced: a {@code Content-Length}
     * of 1 MiB followed by a byte a second must not reserve a megabyte of heap per connection.
     */
    private void append(ByteBuffer buffer) {
        int n = buffer.remaining();
        if (size + n > bytes.length) {
            bytes =
                    Arrays.copyOf(
                            bytes,
                            Math.min(
                                    maxBytes,
                                    Math.max(size + n, Math.max(bytes.length * 2, 4096))));
        }
        buffer.get(bytes, size, n);
        size += n;
    }

    private void finish(Runnable outcome) {
        if (done.compareAndSet(false, true)) {
            deadline.cancel();
            outcome.run();
        }
    }

    /** On Jetty's scheduler thread: only answers, never blocks. */
    private void expire() {
        if (done.compareAndSet(false, true)) {
            // Failing the read takes back the pending demand (its callback runs, finds us done and
            // stops), so
            // the answer below can complete the exchange; Jetty then closes the connection.
            request.fail(new TimeoutException("request body not complete within the deadline"));
            then.refused(408, "request body too slow");
        }
    }
}
