package io.jkms.host;

import io.jkms.activation.Refusal;
import io.jkms.activation.RpcProblemListener;
import io.jkms.rpc.BindNakPdu;
import io.jkms.rpc.CloseReason;
import io.jkms.rpc.FaultPdu;
import io.jkms.rpc.Pdu;
import io.jkms.rpc.PduCodec;
import io.jkms.rpc.RpcFaultException;
import io.jkms.rpc.RpcSession;
import io.jkms.rpc.RpcSettings;
import io.jkms.rpc.SessionReply;
import io.jkms.rpc.OperationReply;
import io.jkms.wire.Bytes;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundBuffer;
import io.netty.channel.SimpleChannelInboundHandler;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The connection boundary: one RPC session per TCP connection. Everything that goes wrong on a
 * connection is logged once here and closes that connection only, for a reason that {@link ConnectionCloser}
 * counts and logs: the session's own {@link CloseReason} becomes the detail of {@link Refusal#RPC_CLOSE}.
 * Built per connection from what it uses, not from the server.
 */
final class RpcConnectionHandler extends SimpleChannelInboundHandler<Bytes> {
    private static final Logger LOG = LoggerFactory.getLogger(RpcConnectionHandler.class);

    /** Answers one KMS request message from a peer (the activation core). */
    @FunctionalInterface
    interface Activation {
        OperationReply activate(Bytes request, SocketAddress peer);
    }

    /** What one connection may do: PDUs in all, and bytes of answers not yet taken by the peer. */
    record Limits(int maxPdus, int maxQueuedBytes) {
        static Limits of(ListenerSettings settings) {
            return new Limits(settings.maxPdusPerConnection(), settings.bounds().maxQueuedBytes());
        }
    }

    private final RpcSettings rpc;
    private final long assocGroup;
    private final Limits limits;
    private final Activation activation;
    private final ConnectionCloser closer;
    private final RpcProblemListener problems;
    private RpcSession session;
    private int pdus;
    /** Set when this handler decided to close: nothing more is answered on the connection. */
    private boolean closing;

    /** @param assocGroup the connection's association group, non-zero */
    RpcConnectionHandler(RpcSettings rpc, long assocGroup, Limits limits, Activation activation,
                         ConnectionCloser closer, RpcProblemListener problems) {
        super(Bytes.class);
        this.rpc = rpc;
        this.assocGroup = assocGroup;
        this.limits = limits;
        this.activation = activation;
        this.closer = closer;
        this.problems = problems;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        InetSocketAddress local = (InetSocketAddress) ctx.channel().localAddress();
        SocketAddress peer = ctx.channel().remoteAddress();
        session = new RpcSession(rpc, Integer.toString(local.getPort()), assocGroup,
                request -> activation.activate(request, peer));
        ctx.fireChannelActive();
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, Bytes fragment) {
        if (closing || !ctx.channel().isActive()) {
            // Closed by a limit while the rest of a read was decoded. Netty 4.2 transports (io_uring) may close
            // asynchronously, so the channel can still look active: the flag is what stops further answers.
            return;
        }
        if (++pdus > limits.maxPdus()) {
            closing = true;
            closer.close(ctx, Refusal.TOO_MANY_PDUS, "more than " + limits.maxPdus() + " PDUs");
            return;
        }
        SessionReply reply = session.onFragment(fragment);
        List<Pdu> replies = reply.replies();
        for (int i = 0; i < replies.size(); i++) {
            count(replies.get(i));
            ctx.write(direct(ctx, PduCodec.encode(replies.get(i))));
        }
        if (reply.close()) {
            close(ctx, reply.closeReason(), replies.isEmpty());
        } else {
            ctx.flush();
            checkBacklog(ctx);
        }
    }

    /** The session ended the connection: after its last replies, if any. */
    private void close(ChannelHandlerContext ctx, CloseReason reason, boolean silent) {
        if (silent) {
            problems.onProblem(RpcProblemListener.Kind.PROTOCOL_CLOSE, reason.label());
        }
        closing = true;
        closer.decide(ctx.channel(), Refusal.RPC_CLOSE, reason.label()
                + (silent ? ", closed without a reply" : ", answered then closed"));
        ctx.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(ChannelFutureListener.CLOSE);
    }

    /**
     * Reading stops at the high water mark, but the answers to one read's worth of pipelined requests can still
     * go past it: past the cap, the connection is closed, whatever the peer sends.
     */
    private void checkBacklog(ChannelHandlerContext ctx) {
        ChannelOutboundBuffer out = ctx.channel().unsafe().outboundBuffer();
        if (out != null && out.totalPendingWriteBytes() > limits.maxQueuedBytes()) {
            closing = true;
            closer.close(ctx, Refusal.WRITE_BACKLOG, out.totalPendingWriteBytes() + " bytes of answers not taken");
        }
    }

    /** The PDU in a pooled direct buffer: the socket write takes it as it is, with no copy of a heap array. */
    private static ByteBuf direct(ChannelHandlerContext ctx, Bytes pdu) {
        ByteBuf buf = ctx.alloc().directBuffer(pdu.length());
        pdu.writeTo(buf.nioBuffer(0, pdu.length()));
        return buf.writerIndex(pdu.length());
    }

    private void count(Pdu reply) {
        if (reply instanceof FaultPdu fault) {
            problems.onProblem(RpcProblemListener.Kind.FAULT, faultName(fault.status()));
        } else if (reply instanceof BindNakPdu nak) {
            problems.onProblem(RpcProblemListener.Kind.BIND_NAK, nakReason(nak.rejectReason()));
        }
    }

    static String faultName(long status) {
        if (status == RpcFaultException.NCA_OP_RNG_ERROR) {
            return "nca_op_rng_error";
        }
        if (status == RpcFaultException.NCA_UNK_IF) {
            return "nca_unk_if";
        }
        return status == RpcFaultException.NCA_PROTO_ERROR ? "nca_proto_error" : "other";
    }

    static String nakReason(int reason) {
        return switch (reason) {
            case BindNakPdu.REASON_NOT_SPECIFIED -> "not_specified";
            case BindNakPdu.REASON_TEMPORARY_CONGESTION -> "temporary_congestion";
            case BindNakPdu.REASON_LOCAL_LIMIT_EXCEEDED -> "local_limit_exceeded";
            case BindNakPdu.REASON_PROTOCOL_VERSION_NOT_SUPPORTED -> "protocol_version_not_supported";
            default -> "other";
        };
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (cause instanceof java.io.IOException) {
            LOG.debug("{}: connection error: {}", ctx.channel().remoteAddress(), cause.toString());
        } else {
            // A bug, not the peer's doing: say so loudly, once, and keep serving everyone else.
            closer.decide(ctx.channel(), Refusal.ERROR, cause.getClass().getSimpleName());
            LOG.warn("{}: closing after an unexpected error", ctx.channel().remoteAddress(), cause);
        }
        ctx.close();
    }
}
