package io.jkms.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The connection deadlines in an EmbeddedChannel with frozen time: no waiting, no sleeping. */
class ConnectionClockTest {
    final WebCounters counters = new WebCounters();
    final AtomicLong now = new AtomicLong();
    final ConnectionClock clock = new ConnectionClock(new WebLimits(8, 2, Duration.ofSeconds(10),
            Duration.ofSeconds(30)), counters, now::get);
    final EmbeddedChannel channel = channel();

    EmbeddedChannel channel() {
        EmbeddedChannel embedded = new EmbeddedChannel();
        embedded.freezeTime();
        embedded.pipeline().addLast(clock);
        embedded.pipeline().fireChannelActive();
        return embedded;
    }

    void advance(long seconds) {
        now.addAndGet(TimeUnit.SECONDS.toNanos(seconds));
        channel.advanceTimeBy(seconds, TimeUnit.SECONDS);
        channel.runScheduledPendingTasks();
    }

    void bytes(String text) {
        channel.writeInbound(Unpooled.copiedBuffer(text, StandardCharsets.US_ASCII));
        channel.inboundMessages().clear();
    }

    @Test
    void aByteEveryFewSecondsDoesNotKeepARequestAlive() {
        for (int i = 0; i < 4; i++) {
            bytes("G");
            advance(2);
        }
        assertThat(channel.isActive()).isTrue();
        assertThat(ConnectionClock.busy(channel)).isTrue();
        bytes("E");
        advance(2);
        assertThat(channel.isActive()).as("10 s after the first byte").isFalse();
        assertThat(counters.closed(WebClose.REQUEST_TIMEOUT)).isEqualTo(1);
    }

    @Test
    void aSilentNewConnectionGetsTheRequestTimeoutAndAKeptAliveOneTheIdleTimeout() {
        advance(9);
        bytes("GET / HTTP/1.1\r\n\r\n");
        clock.requestDecoded();
        clock.requestComplete();
        advance(59);
        assertThat(channel.isActive()).as("while the page is made").isTrue();
        clock.responseWritten();
        assertThat(ConnectionClock.busy(channel)).isFalse();
        advance(29);
        assertThat(channel.isActive()).isTrue();
        advance(1);
        assertThat(channel.isActive()).isFalse();
        assertThat(counters.closed(WebClose.IDLE_TIMEOUT)).isEqualTo(1);
    }

    @Test
    void aNewConnectionThatSendsNothingIsClosedAtTheRequestTimeout() {
        advance(10);
        assertThat(channel.isActive()).isFalse();
        assertThat(counters.closed(WebClose.IDLE_TIMEOUT)).isEqualTo(1);
    }

    @Test
    void aPipelinedRequestThatStartedDuringTheAnswerKeepsItsOwnDeadline() {
        bytes("GET / HTTP/1.1\r\n\r\n");
        clock.requestDecoded();
        clock.requestComplete();
        advance(2);
        bytes("GE");
        advance(6);
        clock.responseWritten();
        assertThat(ConnectionClock.busy(channel)).isTrue();
        advance(3);
        assertThat(channel.isActive()).isTrue();
        advance(1);
        assertThat(channel.isActive()).as("10 s after the pipelined bytes came").isFalse();
        assertThat(counters.closed(WebClose.REQUEST_TIMEOUT)).isEqualTo(1);
    }

    @Test
    void aPageThatCannotBeWrittenIsGivenUpAfterTheResponseTimeout() {
        bytes("GET / HTTP/1.1\r\n\r\n");
        clock.requestComplete();
        advance(ConnectionClock.RESPONSE_TIMEOUT.toSeconds());
        assertThat(channel.isActive()).isFalse();
        assertThat(counters.closed(WebClose.RESPONSE_TIMEOUT)).isEqualTo(1);
    }
}
