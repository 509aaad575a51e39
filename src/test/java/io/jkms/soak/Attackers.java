package io.jkms.soak;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/** The hostile half of the soak: each attack runs until {@code running} turns false. */
final class Attackers {
    /** A valid BIND, to trickle byte by byte or to cut short. */
    static final byte[] BIND = HexFormat.of().parseHex("05000b0310000000480000000200000000d016d0160000000001000000"
            + "000001007521c8514e845047b0d8ec255555bc0601000000045d888aeb1cc9119fe808002b10486002000000");

    private final InetSocketAddress host;
    private final AtomicBoolean running;
    final AtomicLong lorisConnections = new AtomicLong();
    final AtomicLong floodConnections = new AtomicLong();
    final AtomicLong junkConnections = new AtomicLong();
    final AtomicLong webFloodConnections = new AtomicLong();
    final AtomicLong webFloodClosedByHost = new AtomicLong();

    Attackers(InetSocketAddress host, AtomicBoolean running) {
        this.host = host;
        this.running = running;
    }

    private static InetAddress loopback(int last) {
        try {
            return InetAddress.getByAddress(new byte[] {127, 0, 0, (byte) last});
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Keeps about {@code size} connections open from 127.0.0.2–9, each sending one byte of a BIND per
     * second; whenever the host cuts one (its read deadline), another takes its place.
     */
    void slowLoris(int size) throws IOException {
        try (Selector selector = Selector.open()) {
            List<SocketChannel> open = new ArrayList<>();
            java.util.Map<SocketChannel, Integer> sent = new java.util.HashMap<>();
            long nextTick = System.nanoTime();
            while (running.get()) {
                while (open.size() < size && running.get()) {
                    SocketChannel channel = SocketChannel.open();
                    channel.bind(new InetSocketAddress(loopback(2 + open.size() % 8), 0));
                    channel.configureBlocking(false);
                    channel.connect(host);
                    channel.register(selector, SelectionKey.OP_CONNECT);
                    open.add(channel);
                    lorisConnections.incrementAndGet();
                }
                selector.select(100);
                for (Iterator<SelectionKey> it = selector.selectedKeys().iterator(); it.hasNext(); ) {
                    SelectionKey key = it.next();
                    it.remove();
                    if (key.isConnectable()) {
                        try {
                            ((SocketChannel) key.channel()).finishConnect();
                            key.interestOps(0);
                        } catch (IOException e) {
                            key.cancel();
                        }
                    }
                }
                if (System.nanoTime() >= nextTick) {
                    nextTick += 1_000_000_000L;
                    trickle(open, sent);
                }
            }
            for (SocketChannel channel : open) {
                channel.close();
            }
        }
    }

    /** One more byte of the BIND on every connection; connections the host closed are dropped. */
    private static void trickle(List<SocketChannel> open, java.util.Map<SocketChannel, Integer> sent) {
        for (Iterator<SocketChannel> it = open.iterator(); it.hasNext(); ) {
            SocketChannel channel = it.next();
            if (!channel.isConnected()) {
                continue;
            }
            int next = sent.getOrDefault(channel, 0);
            try {
                channel.write(ByteBuffer.wrap(BIND, next % BIND.length, 1));
                sent.put(channel, next + 1);
            } catch (IOException e) {
                try {
                    channel.close();
                } catch (IOException ignored) {
                    // already gone
                }
                sent.remove(channel);
                it.remove();
            }
        }
    }

    /** Connects and closes as fast as it can from 127.0.0.11: the per-address rate limit must hold it. */
    void flood() {
        InetSocketAddress from = new InetSocketAddress(loopback(11), 0);
        while (running.get()) {
            try (Socket socket = new Socket()) {
                socket.bind(from);
                socket.connect(host, 1000);
                floodConnections.incrementAndGet();
            } catch (IOException e) {
                floodConnections.incrementAndGet();
            }
        }
    }

    /** Random bytes, truncated PDUs and oversized frag_lengths from 127.0.0.10, each on a new connection. */
    void junk(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        InetSocketAddress from = new InetSocketAddress(loopback(10), 0);
        while (running.get()) {
            try (Socket socket = new Socket()) {
                socket.bind(from);
                socket.connect(host, 1000);
                socket.setSoTimeout(3000);
                byte[] payload = switch (random.nextInt(3)) {
                    case 0 -> randomBytes(random, 1 + random.nextInt(400));
                    case 1 -> java.util.Arrays.copyOf(BIND, 1 + random.nextInt(BIND.length - 1));
                    default -> oversized(random);
                };
                socket.getOutputStream().write(payload);
                socket.shutdownOutput();
                while (socket.getInputStream().read() >= 0) {
                    // read until the host closes
                }
            } catch (IOException e) {
                // the host closing or resetting is the expected outcome
            }
            junkConnections.incrementAndGet();
        }
    }

    private static byte[] randomBytes(SplittableRandom random, int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }

    private static byte[] oversized(SplittableRandom random) {
        byte[] header = BIND.clone();
        int length = 5841 + random.nextInt(65535 - 5841);
        header[8] = (byte) length;
        header[9] = (byte) (length >>> 8);
        return java.util.Arrays.copyOf(header, 16);
    }

    /** The first of the {@value #WEB_FLOOD_ADDRESSES} source addresses of {@link #webFlood}: 127.0.0.40–69. */
    static final int WEB_FLOOD_FIRST = 40;
    static final int WEB_FLOOD_ADDRESSES = 30;

    /**
     * Keeps about {@code size} idle connections open to the dashboard at {@code web}, spread over 127.0.0.40–69,
     * sending nothing; whenever the host closes one, another takes its place, at most {@code size} new
     * connections a second (so that a refusing host is not also a busy loop on the attacker's side).
     */
    void webFlood(InetSocketAddress web, int size) throws IOException {
        try (Selector selector = Selector.open()) {
            List<SocketChannel> open = new ArrayList<>();
            long second = System.nanoTime();
            int openedThisSecond = 0;
            while (running.get()) {
                if (System.nanoTime() - second >= 1_000_000_000L) {
                    second = System.nanoTime();
                    openedThisSecond = 0;
                }
                while (open.size() < size && openedThisSecond < size && running.get()) {
                    open.add(webFloodConnect(selector, web, webFloodConnections.getAndIncrement()));
                    openedThisSecond++;
                }
                selector.select(100);
                for (Iterator<SelectionKey> it = selector.selectedKeys().iterator(); it.hasNext(); ) {
                    SelectionKey key = it.next();
                    it.remove();
                    if (!webFloodStep(key)) {
                        open.remove((SocketChannel) key.channel());
                    }
                }
            }
            for (SocketChannel channel : open) {
                channel.close();
            }
        }
    }

    private static SocketChannel webFloodConnect(Selector selector, InetSocketAddress web, long n)
            throws IOException {
        SocketChannel channel = SocketChannel.open();
        channel.bind(new InetSocketAddress(loopback(WEB_FLOOD_FIRST + (int) (n % WEB_FLOOD_ADDRESSES)), 0));
        channel.configureBlocking(false);
        channel.connect(web);
        channel.register(selector, SelectionKey.OP_CONNECT);
        return channel;
    }

    /** Finishes a connect or notices the host closing; false when the connection is gone. */
    private boolean webFloodStep(SelectionKey key) throws IOException {
        SocketChannel channel = (SocketChannel) key.channel();
        try {
            if (key.isConnectable()) {
                channel.finishConnect();
                key.interestOps(SelectionKey.OP_READ);
                return true;
            }
            if (channel.read(ByteBuffer.allocate(512)) >= 0) {
                return true;
            }
        } catch (IOException e) {
            // refused or reset: gone as well
        }
        webFloodClosedByHost.incrementAndGet();
        key.cancel();
        channel.close();
        return false;
    }
}
