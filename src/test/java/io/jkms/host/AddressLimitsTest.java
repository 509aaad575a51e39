package io.jkms.host;

import static org.assertj.core.api.Assertions.assertThat;

import io.jkms.activation.Refusal;
import java.net.InetAddress;
import org.junit.jupiter.api.Test;

/** Per-address limits: open connections, the rate bucket, IPv6 by /64. */
class AddressLimitsTest {

    private static InetAddress ip(String literal) throws Exception {
        return InetAddress.getByName(literal);
    }

    @Test
    void perAddressLimitsCountOpenConnectionsAndRefillTheRateBucket() throws Exception {
        AddressLimits limits = new AddressLimits(2, 10, 3);
        InetAddress a = ip("10.0.0.1");
        long t = 1_000_000_000L;
        assertThat(limits.admit(a, t)).isEmpty();
        assertThat(limits.admit(a, t)).isEmpty();
        assertThat(limits.admit(a, t)).hasValue(Refusal.MAX_PER_ADDRESS);
        limits.release(a);
        assertThat(limits.admit(a, t)).isEmpty();
        limits.release(a);
        limits.release(a);
        assertThat(limits.admit(a, t)).as("bucket of 3 spent").hasValue(Refusal.RATE_LIMITED);
        assertThat(limits.admit(a, t + 100_000_000L)).as("one token after 100 ms at 10/s").isEmpty();
        assertThat(limits.admit(ip("10.0.0.2"), t)).as("other addresses have their own").isEmpty();
    }

    @Test
    void ipv6ClientsAreLimitedPerSlash64() throws Exception {
        AddressLimits limits = new AddressLimits(1, 0, 1);
        assertThat(limits.admit(ip("2001:db8:1:2::1"), 0)).isEmpty();
        assertThat(limits.admit(ip("2001:db8:1:2::ffff"), 0)).hasValue(Refusal.MAX_PER_ADDRESS);
        assertThat(limits.admit(ip("2001:db8:1:3::1"), 0)).isEmpty();
    }
}
