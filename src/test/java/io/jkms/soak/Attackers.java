package io.jkms.soak;

import io.jkms.rpc.BindAckPdu;
import io.jkms.rpc.BindPdu;
import io.jkms.client.ClientBind;
import io.jkms.rpc.NdrCodec;
import io.jkms.rpc.Pdu;
import io.jkms.rpc.PduCodec;
import io.jkms.rpc.RequestPdu;
import io.jkms.rpc.TransferSyntax;
import io.jkms.wire.Bytes;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The hostile half of the soak: each attack runs until {@code running} turns false. The static helpers build
 * single attacks in bounded form, for the host's own tests.
 */
public final class Attackers {
    /** A valid BIND, to trickle byte by byte or to cut short. */
    static final byte[] BIND = HexFormat.of().parseHex("05000b0310000000480000000200000000d016d0160000000001000000"
            + "000001007521c8514e845047b0d8ec255555bc0601000000045d888aeb1cc9119fe808002b10486002000000");

    /** An NDR32 stub whose two counts disagree: answered with HRESULT 0x8007000D, the operation never runs. */
    static final Bytes UNWRAPPABLE_STUB = Bytes.fromHex("0400000005000000" + "00000600");

    private final InetSocketAddress host;
    private final AtomicBoolean running;
    final AtomicLong lorisConnections = new AtomicLong();
    final AtomicLong floodConnections = new AtomicLong();
    final AtomicLong junkConnections = new AtomicLong();
    final AtomicLong webFloodConnections = new AtomicLong();
    final AtomicLong webFloodClosedByHost = new AtomicLong();
    final AtomicLong idleConnections = new AtomicLong();
    final AtomicLong slowReaderConnections = new AtomicLong();

    public Attackers(InetSocketAddress host, AtomicBoolean running) {
        this.host = host;
        this.running = running;
    }

    /** {@code 127.0.0.last}. */
    public static InetAddress loopback(int last) {
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

    /**
     * Keeps about {@code size} connections open that never send a byte, spread over {@code addresses} source
     * addresses from 127.0.0.{@code first}; whenever the host closes one, another takes its place.
     */
    void idleFlood(int size, int first, int addresses) throws IOException {
        List<SocketChannel> open = new ArrayList<>();
        while (running.get()) {
            open.removeIf(channel -> closedByPeer(channel));
            while (open.size() < size && running.get()) {
                try {
                    open.add(connect(host, loopback(first + open.size() % addresses)));
                    idleConnections.incrementAndGet();
                } catch (IOException e) {
                    break; // refused or backlog full: try again on the next round
                }
            }
            java.util.concurrent.locks.LockSupport.parkNanos(100_000_000L);
        }
        for (SocketChannel channel : open) {
            channel.close();
        }
    }

    /**
     * Keeps {@code count} slow readers busy from 127.0.0.12–13: each binds with max_recv_frag 32, pipelines
     * requests and never reads; when the host closes it, another takes its place. Their stubs do not unwrap,
     * so the host answers each with an error (as vlmcsd would) and records nothing: the registry holds only
     * what the legitimate clients asked.
     */
    void slowReaders(int count) throws IOException {
        byte[] requests = pipelinedStubs(UNWRAPPABLE_STUB, 200);
        List<SocketChannel> open = new ArrayList<>();
        while (running.get()) {
            while (open.size() < count && running.get()) {
                try {
                    SocketChannel channel = connect(host, loopback(12 + open.size() % 2), 4096);
                    bindWithTinyFragments(channel, Duration.ofSeconds(5));
                    channel.configureBlocking(false);
                    open.add(channel);
                    slowReaderConnections.incrementAndGet();
                } catch (IOException e) {
                    break;
                }
            }
            for (Iterator<SocketChannel> it = open.iterator(); it.hasNext(); ) {
                SocketChannel channel = it.next();
                try {
                    channel.write(ByteBuffer.wrap(requests)); // whatever the host still takes; never a read
                } catch (IOException e) {
                    channel.close(); // the host cut it: another takes its place
                    it.remove();
                }
            }
            java.util.concurrent.locks.LockSupport.parkNanos(50_000_000L);
        }
        for (SocketChannel channel : open) {
            channel.close();
        }
    }

    /** A blocking connection from {@code source}; {@code receiveBuffer} (if given) is set before connecting. */
    public static SocketChannel connect(InetSocketAddress host, InetAddress source, int... receiveBuffer)
            throws IOException {
        SocketChannel channel = SocketChannel.open();
        try {
            if (receiveBuffer.length > 0) {
                channel.setOption(java.net.StandardSocketOptions.SO_RCVBUF, receiveBuffer[0]);
            }
            channel.bind(new InetSocketAddress(source, 0));
            channel.socket().connect(host, 5000);
            return channel;
        } catch (IOException e) {
            channel.close();
            throw e;
        }
    }

    /**
     * Opens {@code count} connections that send nothing, round-robin over 127.0.0.{@code first} to
     * 127.0.0.{@code first + addresses - 1}. The caller closes them.
     */
    public static List<SocketChannel> openIdle(InetSocketAddress host, int count, int first, int addresses)
            throws IOException {
        List<SocketChannel> open = new ArrayList<>(count);
        try {
            for (int i = 0; i < count; i++) {
                open.add(connect(host, loopback(first + i % addresses)));
            }
        } catch (IOException e) {
            for (SocketChannel channel : open) {
                channel.close();
            }
            throw e;
        }
        return open;
    }

    /**
     * Sends a BIND (NDR32 only) that asks for max_recv_frag 32 and reads the host's BIND_ACK on a blocking
     * channel; returns the max_xmit_frag the host chose, i.e. the size of the fragments it will send.
     */
    public static int bindWithTinyFragments(SocketChannel channel, Duration patience) throws IOException {
        BindPdu bind = ClientBind.create(false, false, 2);
        channel.write(ByteBuffer.wrap(PduCodec.encode(new BindPdu(bind.type(), bind.flags(), bind.callId(),
                ClientBind.MAX_FRAG, 32, 0, bind.items())).toArray()));
        channel.socket().setSoTimeout((int) patience.toMillis());
        java.io.InputStream in = channel.socket().getInputStream();
        byte[] header = in.readNBytes(PduCodec.HEADER_LENGTH);
        if (header.length < PduCodec.HEADER_LENGTH) {
            throw new IOException("host closed instead of answering the BIND");
        }
        int length = PduCodec.fragLength(header, 0);
        byte[] rest = in.readNBytes(length - PduCodec.HEADER_LENGTH);
        Pdu ack = PduCodec.decode(Bytes.of(header).concat(Bytes.of(rest)));
        if (!(ack instanceof BindAckPdu bindAck)) {
            throw new IOException("expected a BIND_ACK, got " + ack);
        }
        return bindAck.maxXmitFrag();
    }

    /** {@code count} REQUESTs on context 0 (NDR32) carrying the KMS request message, back to back. */
    public static byte[] pipelinedRequests(Bytes kmsRequest, int count) {
        return pipelinedStubs(NdrCodec.encodeRequestStub(TransferSyntax.NDR32, kmsRequest), count);
    }

    /** {@code count} REQUESTs on context 0 with this stub, back to back. */
    public static byte[] pipelinedStubs(Bytes stub, int count) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (int i = 0; i < count; i++) {
            out.writeBytes(PduCodec.encode(RequestPdu.of(3 + i, 0, stub)).toArray());
        }
        return out.toByteArray();
    }

    /**
     * Writes {@code payload} on a non-blocking channel, at most {@code chunk} bytes a millisecond, for as long as
     * the host takes it and at most {@code patience}; never reads. Returns the bytes written, or -1 when the host
     * closed or reset the connection.
     */
    public static long writeWithoutReading(SocketChannel channel, byte[] payload, int chunk, Duration patience)
            throws IOException {
        channel.configureBlocking(false);
        long deadline = System.nanoTime() + patience.toNanos();
        int written = 0;
        try (Selector selector = Selector.open()) {
            channel.register(selector, SelectionKey.OP_WRITE);
            while (written < payload.length && System.nanoTime() < deadline) {
                try {
                    int n = channel.write(ByteBuffer.wrap(payload, written, Math.min(chunk, payload.length - written)));
                    written += n;
                    if (n == 0) {
                        selector.select(50); // the host stopped taking bytes: wait for room, or the deadline
                        selector.selectedKeys().clear();
                    } else if (chunk < payload.length) {
                        java.util.concurrent.locks.LockSupport.parkNanos(1_000_000L); // the pace, not a sync
                    }
                } catch (IOException e) {
                    return -1;
                }
            }
        }
        return written;
    }

    /** True when the host has closed the connection (a read sees end of stream or a reset). */
    public static boolean closedByPeer(SocketChannel channel) {
        try {
            boolean blocking = channel.isBlocking();
            channel.configureBlocking(false);
            int read = channel.read(ByteBuffer.allocate(256));
            channel.configureBlocking(blocking);
            if (read < 0) {
                channel.close();
                return true;
            }
            return false;
        } catch (IOException e) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // already gone
            }
            return true;
        }
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
