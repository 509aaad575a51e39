package io.jkms.host;

import io.jkms.activation.HostCounters;
import io.jkms.activation.Refusal;
import io.jkms.activation.RpcProblemListener;
import io.jkms.rpc.PduCodec;
import io.jkms.wire.Bytes;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.LengthFieldBasedFrameDecoder;
import java.nio.ByteOrder;

/**
 * Frames the TCP stream into whole RPC fragments: Netty's length-field framer, with DCE/RPC's rule for the
 * length ({@link PduCodec#fragLength(int, int, int)}: the u16 at offset 8, in the byte order of the data
 * representation at offset 4, counting the whole fragment). The length is checked, at least the 16-byte header
 * and at most the configured maximum, as soon as its bytes are in and before anything more is buffered; a
 * length out of bounds closes the connection ({@link Refusal#FRAME_TOO_LARGE}). A fragment arriving in many
 * reads is assembled here, one arriving with another in a read is split here; each goes on as {@link Bytes}.
 *
 * <p>Only framing: the deadlines are {@link ReadDeadlineHandler}'s and {@link IdleTimeoutHandler}'s.
 */
final class PduFrameDecoder extends LengthFieldBasedFrameDecoder {
    /** Netty's frame length is {@code frag_length + adjustment + 10}: the whole fragment, header included. */
    private static final int LENGTH_ADJUSTMENT = -(PduCodec.FRAG_LENGTH_OFFSET + PduCodec.FRAG_LENGTH_SIZE);

    private final int maxFragLength;
    private final ConnectionCloser closer;
    private final RpcProblemListener problems;

    PduFrameDecoder(int maxFragLength, ConnectionCloser closer, RpcProblemListener problems) {
        super(ByteOrder.LITTLE_ENDIAN, maxFragLength, PduCodec.FRAG_LENGTH_OFFSET, PduCodec.FRAG_LENGTH_SIZE,
                LENGTH_ADJUSTMENT, 0, true);
        this.maxFragLength = maxFragLength;
        this.closer = closer;
        this.problems = problems;
    }

    /** Bytes of a fragment received but not yet whole: what the read deadline watches. */
    int buffered() {
        return actualReadableBytes();
    }

    @Override
    protected Object decode(ChannelHandlerContext ctx, ByteBuf in) throws Exception {
        if (!ctx.channel().isActive()) {
            in.skipBytes(in.readableBytes()); // closed by a limit while this read is decoded: answer nothing more
            return null;
        }
        ByteBuf frame;
        try {
            frame = (ByteBuf) super.decode(ctx, in);
        } catch (FrameLengthException e) {
            in.skipBytes(in.readableBytes());
            problems.onProblem(RpcProblemListener.Kind.FRAME_LENGTH, e.detail());
            closer.close(ctx, Refusal.FRAME_TOO_LARGE, "frag_length " + e.length + ", allowed "
                    + PduCodec.HEADER_LENGTH + " to " + maxFragLength);
            return null;
        }
        if (frame == null) {
            return null;
        }
        try {
            byte[] fragment = new byte[frame.readableBytes()];
            frame.readBytes(fragment);
            return Bytes.wrapOwned(fragment);
        } finally {
            frame.release();
        }
    }

    /** DCE/RPC's length rule, checked here so that a bad length never reaches Netty's own (exception) path. */
    @Override
    protected long getUnadjustedFrameLength(ByteBuf buf, int offset, int length, ByteOrder order) {
        int fragLength = PduCodec.fragLength(buf.getUnsignedByte(offset - PduCodec.FRAG_LENGTH_OFFSET
                + PduCodec.DREP_OFFSET), buf.getUnsignedByte(offset), buf.getUnsignedByte(offset + 1));
        if (fragLength < PduCodec.HEADER_LENGTH || fragLength > maxFragLength) {
            throw new FrameLengthException(fragLength, fragLength < PduCodec.HEADER_LENGTH);
        }
        return fragLength;
    }

    /**
     * A {@code frag_length} out of bounds, from {@link #getUnadjustedFrameLength} to {@link #decode}. A peer may
     * send one per connection: no stack trace.
     */
    private static final class FrameLengthException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        private final int length;
        private final boolean tooShort;

        FrameLengthException(int length, boolean tooShort) {
            super(null, null, false, false);
            this.length = length;
            this.tooShort = tooShort;
        }

        /** The label-safe detail of the RPC problem. */
        String detail() {
            return tooShort ? "too_short" : "too_long";
        }
    }
}
