package com.bossreview.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Attackers of the slow kind: each opens a {@code POST} that announces a body and then sends it one
 * byte per tick, never finishing. When the server cuts one off it reconnects at once, so the server
 * always faces {@code count} of them. One thread and a selector drive them all.
 */
public final class SlowClients implements AutoCloseable {
    private final InetSocketAddress server;
    private final byte[] headers;
    private final Duration tick;
    private final Selector selector;
    private final Thread thread;
    private final AtomicInteger cut = new AtomicInteger();
    private final CountDownLatch allConnected;
    private final List<Duration> cutAfter =
            java.util.Collections.synchronizedList(new ArrayList<>());
    private volatile boolean running = true;

    private SlowClients(int port, String path, int count, int announcedLength, Duration tick)
            throws IOException {
        this.server = new InetSocketAddress("127.0.0.1", port);
        this.headers =
                ("POST "
                                + path
                                + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                                + "Content-Type: application/x-www-form-urlencoded\r\n"
                                + "X-Slack-Request-Timestamp: 1\r\nX-Slack-Signature: v0=00\r\n"
                                + "Content-Length: "
                                + announcedLength
                                + "\r\n\r\n")
                        .getBytes(StandardCharsets.US_ASCII);
        this.tick = tick;
        this.selector = Selector.open();
        this.allConnected = new CountDownLatch(count);
        for (int i = 0; i < count; i++) {
            open(true);
        }
        this.thread = new Thread(this::loop, "slow-clients");
        this.thread.setDaemon(true);
        this.thread.start();
    }

    /**
     * {@code count} clients on {@code path}, each announcing a body of {@code announcedLength}
     * bytes.
     */
    public static SlowClients start(
            int port, String path, int count, int announcedLength, Duration tick) {
        try {
            return new SlowClients(port, path, count, announcedLength, tick);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits until every first connection has sent its headers and a first byte of body. */
    public boolean awaitConnected(Duration timeout) throws InterruptedException {
        return allConnected.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Waits until the server has cut off at least {@code n} connections. */
    public boolean awaitCut(int n, Duration timeout) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        synchronized (cut) {
            while (cut.get() < n) {
                long left = end - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                TimeUnit.NANOSECONDS.timedWait(cut, left);
            }
        }
        return true;
    }

    /** How long the server let each cut-off connection live, in the order they were cut. */
    public List<Duration> lifetimes() {
        synchronized (cutAfter) {
            return List.copyOf(cutAfter);
        }
    }

    private record Client(long openedAt, boolean first) {}

    private void open(boolean first) throws IOException {
        SocketChannel channel = SocketChannel.open();
        channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
        channel.connect(server); // blocking connect: loopback
        channel.configureBlocking(false);
        ByteBuffer out =
                ByteBuffer.allocate(headers.length + 1).put(headers).put((byte) 'a').flip();
        while (out.hasRemaining()) {
            channel.write(out);
        }
        channel.register(selector, SelectionKey.OP_READ, new Client(System.nanoTime(), first));
        if (first) {
            allConnected.countDown();
        }
    }

    private void loop() {
        ByteBuffer in = ByteBuffer.allocate(4096);
        long nextTick = System.nanoTime() + tick.toNanos();
        while (running) {
            try {
                long wait =
                        Math.max(1, TimeUnit.NANOSECONDS.toMillis(nextTick - System.nanoTime()));
                selector.select(wait);
                for (SelectionKey key : selector.selectedKeys()) {
                    SocketChannel channel = (SocketChannel) key.channel();
                    int read;
                    try {
                        in.clear();
                        read = channel.read(in);
                    } catch (IOException reset) {
                        read = -1;
                    }
                    if (read != 0) {
                        // An answer (408) or the end of the stream: the server has given up on this
                        // one.
                        wasCut(key);
                    }
                }
                selector.selectedKeys().clear();
                if (System.nanoTime() >= nextTick) {
                    nextTick += tick.toNanos();
                    for (SelectionKey key : new ArrayList<>(selector.keys())) {
                        if (!key.isValid()) {
                            continue;
                        }
                        try {
                            ((SocketChannel) key.channel())
                                    .write(ByteBuffer.wrap(new byte[] {'a'}));
                        } catch (IOException closed) {
                            wasCut(key);
                        }
                    }
                }
            } catch (IOException e) {
                if (running) {
                    throw new UncheckedIOException(e);
                }
            }
        }
    }

    private void wasCut(SelectionKey key) throws IOException {
        Client client = (Client) key.attachment();
        key.cancel();
        key.channel().close();
        cutAfter.add(Duration.ofNanos(System.nanoTime() - client.openedAt()));
        synchronized (cut) {
            cut.incrementAndGet();
            cut.notifyAll();
        }
        if (running) {
            open(false);
        }
    }

    @Override
    public void close() {
        running = false;
        selector.wakeup();
        try {
            thread.join(5_000);
            for (SelectionKey key : selector.keys()) {
                key.channel().close();
            }
            selector.close();
        } catch (IOException | InterruptedException e) {
            // the test is over
        }
    }
}
