package io.jkms.client;

import java.io.IOException;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.SocketChannel;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One thread, one connection at a time, blocking I/O: connect, BIND, REQUEST… as kmsload's workers do. With no
 * socket timeout set a read is a single system call; {@link LoadGenerator}'s watchdog closes a channel that
 * stalls past its deadline (or is still busy when the run ends), which ends the blocked call.
 */
final class BlockingLoadWorker implements Runnable {
    private static final int BUFFER = 4096;

    private final LoadSettings settings;
    private final RequestPool pool;
    private final WorkerBudget budget;
    private final long stopAt;
    private final long timeoutNanos;
    private final ByteBuffer in = ByteBuffer.allocateDirect(BUFFER).order(ByteOrder.LITTLE_ENDIAN);
    final LoadTally tally;
    /** The channel in use and when it must have answered; read by the watchdog. */
    volatile SocketChannel current;
    volatile long deadline = Long.MAX_VALUE;

    BlockingLoadWorker(LoadSettings settings, RequestPool pool, AtomicLong claimed, int firstEntry, long measureFrom,
                       long stopAt) {
        this.settings = settings;
        this.pool = pool;
        this.budget = new WorkerBudget(settings, pool, claimed, firstEntry);
        this.stopAt = stopAt;
        this.timeoutNanos = settings.timeout().toNanos();
        this.tally = new LoadTally(measureFrom);
    }

    @Override
    public void run() {
        while (System.nanoTime() < stopAt && budget.claim()) {
            connection();
        }
        deadline = Long.MAX_VALUE;
    }

    /** One connection: its activations until the per-connection count, the budget or the time runs out. */
    private void connection() {
        long started = System.nanoTime();
        deadline = started + timeoutNanos;
        LoadError stage = LoadError.CONNECT;
        try (SocketChannel ch = SocketChannel.open()) {
            current = ch;
            ch.setOption(StandardSocketOptions.TCP_NODELAY, true);
            ch.connect(settings.target());
            tally.connection(started);
            stage = LoadError.SETUP;
            ch.write(pool.bind().duplicate());
            int length = readPdu(ch);
            if ((in.get(2) & 0xFF) != AnswerChecks.PTYPE_BIND_ACK || (settings.verify() == LoadSettings.Verify.ALL
                    && !AnswerChecks.bindVerifies(in, length))) {
                tally.error(LoadError.SETUP, System.nanoTime());
                return;
            }
            stage = LoadError.PROTO;
            for (int k = 0; ; ) {
                if (!activation(ch, started)) {
                    return;
                }
                if (++k >= settings.perConnection() || System.nanoTime() >= stopAt || !budget.claim()) {
                    return;
                }
                started = System.nanoTime();
                deadline = started + timeoutNanos;
            }
        } catch (ClosedChannelException e) {
            // closed by the watchdog: a timeout, unless the run is over
            long now = System.nanoTime();
            if (now < stopAt) {
                tally.error(LoadError.TIMEOUT, now);
            }
        } catch (ClosedByPeer e) {
            tally.error(LoadError.CLOSED, System.nanoTime());
        } catch (IOException e) {
            tally.error(stage, System.nanoTime());
        } finally {
            current = null;
        }
    }

    private boolean activation(SocketChannel ch, long started) throws IOException {
        RequestPool.Entry entry = pool.entry(budget.takeEntry());
        ch.write(entry.pdu().duplicate());
        int length = readPdu(ch);
        Optional<LoadError> error = AnswerChecks.cheap(in, length);
        if (error.isEmpty() && budget.shouldVerify()) {
            tally.verified(System.nanoTime());
            error = AnswerChecks.verifies(in, length, entry) ? Optional.empty() : Optional.of(LoadError.VERIFICATION);
        }
        long now = System.nanoTime();
        if (error.isPresent()) {
            tally.error(error.get(), now);
            return false;
        }
        tally.activation(now, started);
        return true;
    }

    /** Reads exactly one PDU into {@link #in} from index 0; returns its length. */
    private int readPdu(SocketChannel ch) throws IOException {
        in.clear();
        int length = Integer.MAX_VALUE;
        while (in.position() < length) {
            if (ch.read(in) < 0) {
                throw new ClosedByPeer();
            }
            if (length == Integer.MAX_VALUE && in.position() >= 16) {
                length = in.getShort(8) & 0xFFFF;
                if (length < 16 || length > BUFFER) {
                    throw new IOException("frag_length " + length);
                }
                in.limit(length);
            }
        }
        return length;
    }

    /** The host closed the connection before the answer was complete. */
    private static final class ClosedByPeer extends IOException {
        private static final long serialVersionUID = 1L;
    }
}
