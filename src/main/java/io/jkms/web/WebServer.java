package io.jkms.web;

import io.jkms.host.IoTransport;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpServerKeepAliveHandler;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.flow.FlowControlHandler;
import io.netty.handler.ssl.SslContext;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * HTTP for {@link WebApp} on its own threads: one Netty thread for I/O, two for pages (registry reads and the
 * readiness probe block, so they never run on an I/O thread, and never on the KMS host's). Requests are bounded:
 * 2 KiB request line, 8 KiB of headers, 16 KiB of body, 64 waiting (then 503); connections by {@link WebGate}
 * and in time by {@link ConnectionClock}. A connection is read only while it has no request being answered
 * (auto-read off, one request let through at a time), so pipelined requests are answered one by one, in order,
 * and a peer cannot queue up work by sending faster than it is answered.
 */
public final class WebServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(WebServer.class);
    static final int MAX_BODY = 16 * 1024;

    static final int MAX_QUEUED = 64;

    private final IoTransport transport;
    private final EventLoopGroup io;
    private final ThreadPoolExecutor pages = new ThreadPoolExecutor(2, 2, 0, TimeUnit.SECONDS,
            new ArrayBlockingQueue<>(MAX_QUEUED), WebServer::pageThread);
    private final WebApp app;
    private final WebLimits limits;
    private final Optional<SslContext> tls;
    private final WebCounters counters;
    private final WebGate gate;
    private Channel channel;

    private WebServer(WebApp app, WebLimits limits, Optional<SslContext> tls, WebCounters counters,
                      IoTransport transport) {
        this.app = app;
        this.limits = limits;
        this.tls = tls;
        this.counters = counters;
        this.gate = new WebGate(limits, counters);
        this.transport = transport;
        this.io = transport.newGroup(1, "jkms-web-io");
    }

    /** Plain HTTP with the default limits, on the JDK's NIO. */
    public static WebServer start(InetSocketAddress address, WebApp app) throws IOException {
        return start(address, app, WebLimits.defaults(), Optional.empty(), new WebCounters(), IoTransport.NIO);
    }

    /**
     * Serves {@code app} on {@code address}, on the KMS host's transport (one kind of event loop per process).
     *
     * @param tls HTTPS only with this context (see {@link WebTls}); plain HTTP when empty
     */
    public static WebServer start(InetSocketAddress address, WebApp app, WebLimits limits, Optional<SslContext> tls,
                                  WebCounters counters, IoTransport transport) throws IOException {
        WebServer server = new WebServer(app, limits, tls, counters, transport);
        try {
            server.bind(address);
        } catch (IOException | RuntimeException e) {
            server.close();
            throw e;
        }
        return server;
    }

    private void bind(InetSocketAddress address) throws IOException {
        ChannelFuture future = new ServerBootstrap().group(io).channel(transport.serverChannel())
                .option(ChannelOption.SO_REUSEADDR, true)
                .handler(gate)
                .childOption(ChannelOption.AUTO_READ, false)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        ConnectionClock clock = new ConnectionClock(limits, counters);
                        ch.pipeline().addLast(clock);
                        tls.ifPresent(context -> ch.pipeline().addLast(context.newHandler(ch.alloc())));
                        ch.pipeline().addLast(new HttpServerCodec(Query.MAX_URI + 64, 8192, 8192))
                                .addLast(new HttpServerKeepAliveHandler())
                                .addLast(new HttpObjectAggregator(MAX_BODY))
                                .addLast(new PipelineLimit(clock, counters))
                                .addLast(new FlowControlHandler())
                                .addLast(new Handler(clock));
                    }
                }).bind(address).awaitUninterruptibly();
        if (!future.isSuccess()) {
            throw new IOException("cannot serve the dashboard on " + address + ": " + future.cause().getMessage(),
                    future.cause());
        }
        channel = future.channel();
    }

    public InetSocketAddress address() {
        return (InetSocketAddress) channel.localAddress();
    }

    /** Whether the dashboard speaks HTTPS. */
    public boolean secure() {
        return tls.isPresent();
    }

    /** Who may read the dashboard (its token can be changed while it runs). */
    public AccessControl access() {
        return app.access();
    }

    public WebCounters counters() {
        return counters;
    }

    /** Connections the web port holds now. */
    public int openConnections() {
        return gate.openConnections();
    }

    @Override
    public void close() {
        if (channel != null) {
            channel.close().awaitUninterruptibly();
        }
        io.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly();
        pages.shutdownNow();
    }

    private static Thread pageThread(Runnable task) {
        Thread thread = new Thread(task, "jkms-web-page");
        thread.setDaemon(true);
        return thread;
    }

    private final class Handler extends SimpleChannelInboundHandler<FullHttpRequest> {
        private final ConnectionClock clock;

        Handler(ConnectionClock clock) {
            this.clock = clock;
        }

        /** Between asking for the next request and getting it. */
        private boolean awaiting;

        @Override
        public void channelActive(ChannelHandlerContext ctx) {
            awaiting = true;
            ctx.read();
            ctx.fireChannelActive();
        }

        /**
         * Netty 4.2's FlowControlHandler forgets a read that ended without a whole request (TLS handshake records,
         * a request split over packets) and says so with this event: ask again, or the request waits for the
         * request deadline (DashboardTlsTest hung so).
         */
        @Override
        public void channelReadComplete(ChannelHandlerContext ctx) {
            if (awaiting && ctx.channel().isActive()) {
                ctx.read();
            }
            ctx.fireChannelReadComplete();
        }

        /** Copies the request off the buffer and answers it on a page thread (pages may block; I/O must not). */
        @Override
        protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
            awaiting = false;
            clock.requestComplete();
            boolean head = request.method().name().equals("HEAD");
            boolean keepAlive = HttpUtil.isKeepAlive(request) && request.decoderResult().isSuccess();
            if (!request.decoderResult().isSuccess()) {
                send(ctx, WebResponse.text(400, "malformed HTTP request\n"), head, false);
                return;
            }
            Map<String, String> headers = new HashMap<>();
            request.headers().forEach(h -> headers.merge(h.getKey().toLowerCase(java.util.Locale.ROOT),
                    h.getValue(), (a, b) -> a + ", " + b));
            WebRequest copy = new WebRequest(request.method().name(), request.uri(), headers,
                    request.content().toString(StandardCharsets.UTF_8),
                    ((InetSocketAddress) ctx.channel().remoteAddress()).getAddress());
            try {
                pages.execute(() -> send(ctx, handle(copy), head, keepAlive));
            } catch (RejectedExecutionException e) {
                send(ctx, WebResponse.text(503, "busy\n"), head, false);
            }
        }

        private void send(ChannelHandlerContext ctx, WebResponse response, boolean head, boolean keepAlive) {
            if (response.stream().isPresent() && !head) {
                stream(ctx, response, keepAlive);
                return;
            }
            FullHttpResponse out = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
                    HttpResponseStatus.valueOf(response.status()),
                    head ? Unpooled.EMPTY_BUFFER : Unpooled.wrappedBuffer(response.body()));
            out.headers().set(HttpHeaderNames.CONTENT_TYPE, response.contentType());
            response.headers().forEach((k, v) -> out.headers().set(k, v));
            HttpUtil.setContentLength(out, response.body().length);
            HttpUtil.setKeepAlive(out, keepAlive);
            ChannelFuture written = ctx.writeAndFlush(out);
            if (!keepAlive) {
                written.addListener(ChannelFutureListener.CLOSE);
                return;
            }
            readNextOnceWritten(ctx, written);
        }

        /** Only once the answer is written is the next request read (or let through, if it came with this one). */
        private void readNextOnceWritten(ChannelHandlerContext ctx, ChannelFuture written) {
            written.addListener(f -> {
                if (f.isSuccess()) {
                    clock.responseWritten();
                    awaiting = true;
                    ctx.read();
                } else {
                    ctx.close();
                }
            });
        }

        /**
         * A chunked response, produced on this page thread; each chunk waits until Netty has written it, so at most
         * one chunk is buffered however large the body. A failure after the headers can only close the connection,
         * which leaves the chunked body visibly incomplete.
         */
        private void stream(ChannelHandlerContext ctx, WebResponse response, boolean keepAlive) {
            HttpResponse start = new DefaultHttpResponse(HttpVersion.HTTP_1_1,
                    HttpResponseStatus.valueOf(response.status()));
            start.headers().set(HttpHeaderNames.CONTENT_TYPE, response.contentType());
            response.headers().forEach((k, v) -> start.headers().set(k, v));
            HttpUtil.setTransferEncodingChunked(start, true);
            HttpUtil.setKeepAlive(start, keepAlive);
            ctx.write(start);
            try (ChunkOutput out = new ChunkOutput(ctx)) {
                response.stream().orElseThrow().writeTo(out);
            } catch (IOException | RuntimeException e) {
                LOG.warn("dashboard: streaming {} failed; closing the connection: {}", response.contentType(),
                        e.toString());
                ctx.close();
                return;
            }
            ChannelFuture written = ctx.writeAndFlush(LastHttpContent.EMPTY_LAST_CONTENT);
            if (!keepAlive) {
                written.addListener(ChannelFutureListener.CLOSE);
                return;
            }
            readNextOnceWritten(ctx, written); // a kept-alive connection goes on after an export too
        }

        /** The connection boundary: whatever goes wrong in a page is logged once and answered with 500. */
        private WebResponse handle(WebRequest request) {
            try {
                return app.handle(request);
            } catch (RuntimeException e) {
                LOG.warn("dashboard: {} {} failed", request.method(), Html.clip(request.uri()), e);
                return WebResponse.text(500, "internal error\n");
            }
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            LOG.debug("dashboard connection {}: closing after {}", ctx.channel().remoteAddress(), cause.toString());
            ctx.close();
        }
    }
}
