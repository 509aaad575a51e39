package io.jkms.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ClientOptionsTest {

    @Test
    void defaultsAreAWindowsClient() {
        ClientOptions d = ClientOptions.defaults();
        assertThat(d.ndr64()).isTrue();
        assertThat(d.btfn()).isTrue();
        assertThat(d.timeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(d.source()).isEmpty();
    }

    @Test
    void eachWitherChangesOnlyItsOwnField() {
        InetAddress loopback = InetAddress.getLoopbackAddress();
        ClientOptions o = ClientOptions.defaults().withSource(loopback).withNdr64(false);

        assertThat(o).isEqualTo(new ClientOptions(false, true, Duration.ofSeconds(5),
                java.util.Optional.of(loopback)));
        assertThat(o.withBtfn(false).btfn()).isFalse();
        assertThat(o.withBtfn(false).source()).contains(loopback);
        assertThat(o.withTimeout(Duration.ofMillis(250))).isEqualTo(new ClientOptions(false, true,
                Duration.ofMillis(250), java.util.Optional.of(loopback)));
    }
}
