package io.jkms.host;

import static org.assertj.core.api.Assertions.assertThat;

import io.jkms.activation.AccessPolicy;
import io.jkms.activation.HostCounters;
import io.jkms.activation.Refusal;
import io.jkms.rpc.OperationReply;
import io.jkms.rpc.Pdu;
import io.jkms.rpc.PduCodec;
import io.jkms.rpc.RpcSettings;
import io.jkms.wire.Bytes;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.util.concurrent.MockTicker;
import io.netty.util.concurrent.Ticker;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A KMS connection's real pipeline ({@link ConnectionPipeline}) on an {@link EmbeddedChannel} whose event loop
 * runs on a mock ticker that the test advances; the activation answers every request with a fixed message.
 */
final class PipelineFixture {
    static final long S = 1_000_000_000L;
    static final Bytes KMS_RESPONSE = Bytes.zeros(40);

    final MockTicker ticker = Ticker.newMockTicker();
    final HostCounters counters = new HostCounters();
    /** RPC problems told to the listener, as {@code kind/detail}. */
    final List<String> problems = new ArrayList<>();
    final List<Bytes> requests = new ArrayList<>();
    final EmbeddedChannel channel;

    /** Timeouts in seconds. */
    record Timeouts(long firstByte, long idle, long read, long write, long lifetime) {
        static Timeouts defaults() {
            return new Timeouts(5, 30, 10, 10, 300);
        }
    }

    PipelineFixture(Timeouts t, RpcSettings rpc, int maxPdus, int maxQueuedBytes) {
        ListenerSettings settings = new ListenerSettings(List.of(), Duration.ofSeconds(t.idle()),
                Duration.ofSeconds(t.read()), 10, 0, 0, 1, maxPdus, AccessPolicy.open(), Duration.ofSeconds(1), rpc,
                new ConnectionBounds(Duration.ofSeconds(t.firstByte()), Duration.ofSeconds(t.write()),
                        Duration.ofSeconds(t.lifetime()), maxQueuedBytes));
        ConnectionPipeline pipeline = ConnectionPipeline.of(settings, (request, peer) -> {
            requests.add(request);
            return OperationReply.success(KMS_RESPONSE);
        }, new ConnectionCloser(counters, new RefusalLog()), (kind, detail) -> problems.add(kind + "/" + detail));
        channel = new LoopbackEmbeddedChannel(EmbeddedChannel.builder().register(false).ticker(ticker));
        pipeline.install(channel, 0x1234);
        try {
            channel.register();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    PipelineFixture(Timeouts timeouts) {
        this(timeouts, RpcSettings.defaults(), 10_000, 8192);
    }

    PipelineFixture() {
        this(Timeouts.defaults());
    }

    void advance(long nanos) {
        ticker.advance(nanos, TimeUnit.NANOSECONDS);
        channel.runScheduledPendingTasks();
    }

    void send(byte[] bytes) {
        send(bytes, 0, bytes.length);
    }

    void send(byte[] bytes, int from, int to) {
        channel.writeInbound(Unpooled.copiedBuffer(bytes, from, to - from));
    }

    void send(Pdu pdu) {
        send(PduCodec.encode(pdu).toArray());
    }

    /** Every PDU the host wrote so far, decoded. */
    List<Pdu> answers() {
        List<Pdu> answers = new ArrayList<>();
        for (ByteBuf buf = channel.readOutbound(); buf != null; buf = channel.readOutbound()) {
            byte[] bytes = new byte[buf.readableBytes()];
            buf.readBytes(bytes);
            buf.release();
            if (bytes.length > 0) {
                answers.add(PduCodec.decode(Bytes.of(bytes)));
            }
        }
        return answers;
    }

    Optional<Refusal> closeReason() {
        return ConnectionCloser.reason(channel);
    }

    /**
     * Advances {@code nanos} in two steps: one nanosecond short the connection is still open, at {@code nanos}
     * it is closed, for {@code reason}. The deadline is exact, neither early nor late.
     */
    void assertClosesAfter(long nanos, Refusal reason) {
        advance(nanos - 1);
        assertThat(channel.isActive()).as("open 1 ns before the deadline").isTrue();
        advance(1);
        assertThat(channel.isActive()).as("closed at the deadline").isFalse();
        assertThat(closeReason()).hasValue(reason);
    }

    /** Addresses as a TCP connection has them: the handler answers the BIND with the local port. */
    private static final class LoopbackEmbeddedChannel extends EmbeddedChannel {
        LoopbackEmbeddedChannel(EmbeddedChannel.Builder builder) {
            super(builder);
        }

        @Override
        protected SocketAddress localAddress0() {
            return new InetSocketAddress("127.0.0.1", 1688);
        }

        @Override
        protected SocketAddress remoteAddress0() {
            return new InetSocketAddress("127.0.0.9", 50000);
        }
    }
}
