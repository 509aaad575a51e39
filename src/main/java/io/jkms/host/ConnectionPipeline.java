package io.jkms.host;

import io.jkms.activation.RpcProblemListener;
import io.jkms.rpc.RpcSettings;
import io.netty.channel.Channel;
import io.netty.channel.WriteBufferWaterMark;

/**
 * The handlers of one KMS connection, in order: {@link IdleTimeoutHandler} (no byte for the idle timeout),
 * {@link ReadDeadlineHandler} (first byte, read, write and lifetime deadlines; backpressure),
 * {@link PduFrameDecoder} (whole fragments), {@link RpcConnectionHandler} (the RPC session). The timers run on
 * the event loop's ticker. Built once per settings change from what the handlers need; the same in the server
 * and in the tests, which install it on an {@code EmbeddedChannel}.
 */
record ConnectionPipeline(WriteBufferWaterMark waterMark, ConnectionClock.Limits clock, RpcSettings rpc,
                          RpcConnectionHandler.Limits limits, RpcConnectionHandler.Activation activation,
                          ConnectionCloser closer, RpcProblemListener problems) {

    static ConnectionPipeline of(ListenerSettings settings, RpcConnectionHandler.Activation activation,
                                 ConnectionCloser closer, RpcProblemListener problems) {
        return new ConnectionPipeline(settings.bounds().waterMark(), ConnectionClock.Limits.of(settings),
                settings.rpc(), RpcConnectionHandler.Limits.of(settings), activation, closer, problems);
    }

    /** @param assocGroup the connection's association group, non-zero */
    void install(Channel channel, long assocGroup) {
        channel.config().setWriteBufferWaterMark(waterMark);
        PduFrameDecoder framer = new PduFrameDecoder(rpc.maxFragLength(), closer, problems);
        channel.pipeline()
                .addLast("idle", new IdleTimeoutHandler(clock.idle(), closer))
                .addLast("deadlines", new ReadDeadlineHandler(clock, framer, closer))
                .addLast("frame", framer)
                .addLast("rpc", new RpcConnectionHandler(rpc, assocGroup, limits, activation, closer, problems));
    }
}
