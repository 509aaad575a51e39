package io.jkms.web;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.DefaultHttpContent;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;

/**
 * An {@link OutputStream} that sends what is written as HTTP chunks of up to {@value #CHUNK} bytes, each written to
 * the socket before the next is accepted: the producer runs at the client's pace, with bounded memory. A client
 * that stops reading for {@value #STALL_SECONDS} s ends the stream with an {@link IOException}.
 */
final class ChunkOutput extends OutputStream {
    static final int CHUNK = 16 * 1024;
    static final int STALL_SECONDS = 30;

    private final ChannelHandlerContext ctx;
    private final byte[] buffer = new byte[CHUNK];
    private int used;

    ChunkOutput(ChannelHandlerContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public void write(int b) throws IOException {
        if (used == CHUNK) {
            send();
        }
        buffer[used++] = (byte) b;
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        while (len > 0) {
            if (used == CHUNK) {
                send();
            }
            int n = Math.min(len, CHUNK - used);
            System.arraycopy(b, off, buffer, used, n);
            used += n;
            off += n;
            len -= n;
        }
    }

    /** Sends what is buffered (writing the last chunk is left to the caller, with the trailer). */
    @Override
    public void close() throws IOException {
        if (used > 0) {
            send();
        }
    }

    private void send() throws IOException {
        ChannelFuture f = ctx.writeAndFlush(new DefaultHttpContent(Unpooled.wrappedBuffer(Arrays.copyOf(buffer, used))));
        used = 0;
        if (!f.awaitUninterruptibly(STALL_SECONDS, TimeUnit.SECONDS)) {
            throw new IOException("the client read nothing for " + STALL_SECONDS + " s");
        }
        if (!f.isSuccess()) {
            throw new IOException("cannot send: " + f.cause(), f.cause());
        }
    }
}
