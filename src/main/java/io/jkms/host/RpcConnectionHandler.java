package io.jkms.host;

import io.jkms.activation.Refusal;
import io.jkms.activation.RpcProblemListener;
import io.jkms.rpc.BindNakPdu;
import io.jkms.rpc.FaultPdu;
import io.jkms.rpc.Pdu;
import io.jkms.rpc.PduCodec;
import io.jkms.rpc.RpcFaultException;
import io.jkms.rpc.RpcSession;
import io.jkms.rpc.SessionReply;
import io.jkms.wire.Bytes;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundBuffer;
import io.netty.channel.SimpleChannelInboundHandler;
import java.net.InetSocketAddress;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The connection boundary: one RPC session per TCP connection. Everything that goes wrong on a
 * connection is logged once here and closes that connection only.
 */
final class RpcConnectionHandler extends SimpleChannelInboundHandler<Bytes> {
    private static final Logger LOG = LoggerFactory.getLogger(RpcConnectionHandler.class);

    private final KmsServer server;
    private RpcSession session;
    private int pdus;
    /** Set when this handler decided to close: nothing more is answered on the connection. */
    private boolean closing;

    RpcConnectionHandler(KmsServer server) {
        super(Bytes.class);
        this.server = server;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        InetSocketAddress local = (InetSocketAddress) ctx.channel().localAddress();
        java.net.SocketAddress peer = ctx.channel().remoteAddress();
        session = new RpcSession(server.rpcSettings(), Integer.toString(local.getPort()), server.nextAssocGroup(),
                request -> server.handler().activate(request, peer));
        ctx.fireChannelActive();
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, Bytes fragment) {
        if (closing || !ctx.channel().isActive()) {
            // Closed by a limit while the rest of a read was decoded. Netty 4.2 transports (io_uring) may close
            // asynchronously, so the channel can still look active: the flag is what stops further answers.
            return;
        }
        if (++pdus > server.maxPdusPerConnection()) {
            server.counters().count(Refusal.TOO_MANY_PDUS);
            closing = true;
            server.refusalLog().closed(Refusal.TOO_MANY_PDUS, ctx.channel().remoteAddress(),
                    "more than " + server.maxPdusPerConnection() + " PDUs");
            ctx.close();
            return;
        }
        SessionReply reply = session.onFragment(fragment);
        List<Pdu> replies = reply.replies();
        for (int i = 0; i < replies.size(); i++) {
            count(replies.get(i));
            ctx.write(direct(ctx, PduCodec.encode(replies.get(i))));
        }
        if (reply.close() && replies.isEmpty()) {
            server.problems().onProblem(RpcProblemListener.Kind.PROTOCOL_CLOSE, "none");
        }
        if (reply.close()) {
            server.counters().count(Refusal.RPC_CLOSE);
            closing = true;
            server.refusalLog().closed(Refusal.RPC_CLOSE, ctx.channel().remoteAddress(),
                    replies.isEmpty() ? "protocol error, closed without a reply" : "protocol error, answered then closed");
            ctx.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(ChannelFutureListener.CLOSE);
        } else {
            ctx.flush();
            checkBacklog(ctx);
        }
    }

    /**
     * Reading stops at the high water mark, but the answers to one read's worth of pipelined requests can still
     * go past it: past the cap, the connection is closed, whatever the peer sends.
     */
    private void checkBacklog(ChannelHandlerContext ctx) {
        ChannelOutboundBuffer out = ctx.channel().unsafe().outboundBuffer();
        if (out != null && out.totalPendingWriteBytes() > server.maxQueuedBytes()) {
            server.counters().count(Refusal.WRITE_BACKLOG);
            server.refusalLog().closed(Refusal.WRITE_BACKLOG, ctx.channel().remoteAddress(),
                    out.totalPendingWriteBytes() + " bytes of answers not taken");
            closing = true;
            ctx.close();
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
            server.problems().onProblem(RpcProblemListener.Kind.FAULT, faultName(fault.status()));
        } else if (reply instanceof BindNakPdu nak) {
            server.problems().onProblem(RpcProblemListener.Kind.BIND_NAK, nakReason(nak.rejectReason()));
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
            server.counters().count(Refusal.ERROR);
            LOG.warn("{}: closing after an unexpected error", ctx.channel().remoteAddress(), cause);
        }
        ctx.close();
    }
}
