package io.jkms.host;

import io.jkms.rpc.PduCodec;
import io.jkms.wire.Bytes;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import java.util.List;

/**
 * Frames the TCP stream into whole RPC fragments by the header's {@code frag_length}, checked against a
 * maximum before anything is buffered; a fragment arriving in many reads is assembled here, one arriving
 * with another in a read is split here.
 */
final class PduFrameDecoder extends ByteToMessageDecoder {
    private static final int FRAG_LENGTH_OFFSET = 8;

    private final int maxFragLength;

    PduFrameDecoder(int maxFragLength) {
        this.maxFragLength = maxFragLength;
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        while (in.readableBytes() >= PduCodec.HEADER_LENGTH) {
            int fragLength = in.getUnsignedShortLE(in.readerIndex() + FRAG_LENGTH_OFFSET);
            if (fragLength < PduCodec.HEADER_LENGTH || fragLength > maxFragLength) {
                in.skipBytes(in.readableBytes());
                throw new FrameTooLargeException(fragLength, maxFragLength);
            }
            if (in.readableBytes() < fragLength) {
                return;
            }
            byte[] fragment = new byte[fragLength];
            in.readBytes(fragment);
            out.add(Bytes.of(fragment));
        }
    }

    /** A header whose frag_length is impossible or above the limit: the connection is closed. */
    static final class FrameTooLargeException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        FrameTooLargeException(int fragLength, int max) {
            super("frag_length " + fragLength + " outside 16.." + max);
        }
    }
}
