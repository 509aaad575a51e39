package io.jkms.host;

import static io.jkms.host.PipelineFixture.S;
import static org.assertj.core.api.Assertions.assertThat;

import io.jkms.activation.Refusal;
import org.junit.jupiter.api.Test;

/** The idle timeout in the connection's pipeline, on the EmbeddedChannel's mock ticker. */
class IdleTimeoutHandlerTest {
    private final PipelineFixture host = new PipelineFixture(new PipelineFixture.Timeouts(60, 30, 10, 10, 300));

    @Test
    void aSilentConnectionIsClosedAtTheIdleTimeoutCountedButNotAsAnotherReason() {
        host.assertClosesAfter(30 * S, Refusal.IDLE);
        assertThat(host.counters.get(Refusal.IDLE)).isEqualTo(1);
        assertThat(host.counters.get(Refusal.FIRST_BYTE_TIMEOUT)).isZero();
    }

    @Test
    void everyByteRestartsTheIdleTimeout() {
        for (int i = 0; i < 5; i++) {
            host.advance(29 * S);
            host.send(ReadDeadlineHandlerTest.BIND);
        }
        assertThat(host.answers()).hasSize(5);
        host.advance(29 * S);
        assertThat(host.channel.isActive()).isTrue();
        host.advance(S);
        assertThat(host.channel.isActive()).isFalse();
        assertThat(host.closeReason()).hasValue(Refusal.IDLE);
    }
}
