package io.jkms.client;

import io.jkms.rpc.PduCodec;
import java.io.IOException;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One selector thread driving its share of the connections: connect, BIND, REQUEST… as a state machine per
 * connection, pre-encoded bytes out, a cheap check of every answer (PDU type, length, HRESULT), full verification
 * of the ones {@link LoadSettings#verify} asks for. Nothing is allocated per activation on the cheap path but the
 * channel itself.
 */
final class SelectorLoadWorker implements Runnable {
    private static final int BUFFER = 4096;
    private static final long SWEEP_NANOS = 50_000_000L;

    private enum State { IDLE, CONNECTING, BINDING, REQUESTING }

    private final class Conn {
        SocketChannel channel;
        SelectionKey key;
        State state = State.IDLE;
        final ByteBuffer in = ByteBuffer.allocateDirect(BUFFER).order(ByteOrder.LITTLE_ENDIAN);
        ByteBuffer out;
        long started;
        long deadline;
        int onConnection;
        int entry;
    }

    private final LoadSettings settings;
    private final RequestPool pool;
    private final WorkerBudget budget;
    private final Conn[] conns;
    private final long stopAt;
    private final long timeoutNanos;
    final LoadTally tally;
    private Selector selector;

    SelectorLoadWorker(LoadSettings settings, RequestPool pool, AtomicLong claimed, int connections, int firstEntry,
               long measureFrom, long stopAt) {
        this.settings = settings;
        this.pool = pool;
        this.budget = new WorkerBudget(settings, pool, claimed, firstEntry);
        this.conns = new Conn[connections];
        this.stopAt = stopAt;
        this.timeoutNanos = settings.timeout().toNanos();
        this.tally = new LoadTally(measureFrom);
    }

    @Override
    public void run() {
        try (Selector s = Selector.open()) {
            selector = s;
            for (int i = 0; i < conns.length; i++) {
                conns[i] = new Conn();
                open(conns[i]);
            }
            loop();
        } catch (IOException e) {
            tally.error(LoadError.PROTO, System.nanoTime());
        } finally {
            for (Conn c : conns) {
                if (c != null) {
                    closeQuietly(c);
                }
            }
        }
    }

    private void loop() throws IOException {
        long nextSweep = System.nanoTime() + SWEEP_NANOS;
        while (true) {
            long now = System.nanoTime();
            if (now >= stopAt || allIdle()) {
                return;
            }
            selector.select(Math.max(1, Math.min((stopAt - now) / 1_000_000, SWEEP_NANOS / 1_000_000)));
            for (SelectionKey key : selector.selectedKeys()) {
                handle((Conn) key.attachment(), key);
            }
            selector.selectedKeys().clear();
            now = System.nanoTime();
            if (now >= nextSweep) {
                sweep(now);
                nextSweep = now + SWEEP_NANOS;
            }
        }
    }

    private boolean allIdle() {
        for (Conn c : conns) {
            if (c.state != State.IDLE) {
                return false;
            }
        }
        return true;
    }

    private void sweep(long now) {
        for (Conn c : conns) {
            if (c.state != State.IDLE && now > c.deadline) {
                fail(c, LoadError.TIMEOUT);
            }
        }
    }

    /** Claims one activation of the budget and starts a connection for it. */
    private void open(Conn c) {
        if (!budget.claim()) {
            c.state = State.IDLE;
            return;
        }
        try {
            SocketChannel ch = SocketChannel.open();
            c.channel = ch;
            ch.configureBlocking(false);
            ch.setOption(StandardSocketOptions.TCP_NODELAY, true);
            c.started = System.nanoTime();
            c.deadline = c.started + timeoutNanos;
            c.onConnection = 0;
            tally.connection(c.started);
            c.key = ch.register(selector, 0, c);
            if (ch.connect(settings.target())) {
                send(c, pool.bind().duplicate(), State.BINDING);
            } else {
                c.state = State.CONNECTING;
                c.key.interestOps(SelectionKey.OP_CONNECT);
            }
        } catch (IOException e) {
            fail(c, LoadError.CONNECT);
        }
    }

    private void handle(Conn c, SelectionKey key) {
        try {
            if (!key.isValid()) {
                return;
            }
            if (key.isConnectable()) {
                c.channel.finishConnect();
                send(c, pool.bind().duplicate(), State.BINDING);
            } else if (key.isWritable()) {
                flush(c);
            } else if (key.isReadable()) {
                read(c);
            }
        } catch (IOException e) {
            fail(c, c.state == State.CONNECTING ? LoadError.CONNECT : LoadError.PROTO);
        }
    }

    private void send(Conn c, ByteBuffer bytes, State next) throws IOException {
        c.state = next;
        c.out = bytes;
        c.in.clear();
        flush(c);
    }

    private void flush(Conn c) throws IOException {
        c.channel.write(c.out);
        c.key.interestOps(c.out.hasRemaining() ? SelectionKey.OP_WRITE : SelectionKey.OP_READ);
    }

    private void read(Conn c) throws IOException {
        int n = c.channel.read(c.in);
        if (n < 0) {
            fail(c, LoadError.CLOSED);
            return;
        }
        int have = c.in.position();
        if (have < PduCodec.HEADER_LENGTH) {
            return;
        }
        int length = c.in.getShort(8) & 0xFFFF;
        if (length < PduCodec.HEADER_LENGTH || length > BUFFER || have > length) {
            fail(c, LoadError.PROTO);
        } else if (have == length) {
            complete(c, length, c.in.get(2) & 0xFF);
        }
    }

    private void complete(Conn c, int length, int ptype) throws IOException {
        if (c.state == State.BINDING) {
            if (ptype != AnswerChecks.PTYPE_BIND_ACK
                    || (settings.verify() == LoadSettings.Verify.ALL && !AnswerChecks.bindVerifies(c.in, length))) {
                fail(c, LoadError.SETUP);
                return;
            }
            request(c);
            return;
        }
        Optional<LoadError> error = AnswerChecks.cheap(c.in, length);
        if (error.isPresent()) {
            fail(c, error.get());
            return;
        }
        if (budget.shouldVerify() && !verify(c, length)) {
            fail(c, LoadError.VERIFICATION);
            return;
        }
        long now = System.nanoTime();
        tally.activation(now, c.started);
        if (now >= stopAt) {
            closeQuietly(c);
        } else if (c.onConnection >= settings.perConnection()) {
            closeQuietly(c);
            open(c);
        } else if (!budget.claim()) {
            closeQuietly(c);
        } else {
            request(c);
        }
    }

    private void request(Conn c) throws IOException {
        c.entry = budget.takeEntry();
        c.onConnection++;
        if (c.onConnection > 1) {
            c.started = System.nanoTime();
        }
        c.deadline = System.nanoTime() + timeoutNanos;
        send(c, pool.entry(c.entry).pdu().duplicate(), State.REQUESTING);
    }

    private boolean verify(Conn c, int length) {
        tally.verified(System.nanoTime());
        return AnswerChecks.verifies(c.in, length, pool.entry(c.entry));
    }

    private void fail(Conn c, LoadError error) {
        tally.error(error, System.nanoTime());
        closeQuietly(c);
        if (System.nanoTime() < stopAt) {
            open(c);
        }
    }

    private static void closeQuietly(Conn c) {
        c.state = State.IDLE;
        if (c.channel != null) {
            try {
                c.channel.close();
            } catch (IOException e) {
                // closing anyway
            }
            c.channel = null;
        }
    }
}
