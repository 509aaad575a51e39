package io.jkms.host;

import io.jkms.activation.AccessPolicy;
import io.jkms.activation.Cidr;
import io.jkms.activation.Refusal;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.util.List;
import org.junit.jupiter.api.Test;

class AccessRulesTest {

    private static InetAddress ip(String literal) throws Exception {
        return InetAddress.getByName(literal);
    }

    @Test
    void cidrsMatchTheirNetworksInBothFamilies() throws Exception {
        assertThat(Cidr.parse("10.0.0.0/8").contains(ip("10.200.3.4"))).isTrue();
        assertThat(Cidr.parse("10.0.0.0/8").contains(ip("11.0.0.1"))).isFalse();
        assertThat(Cidr.parse("192.168.1.5").contains(ip("192.168.1.5"))).isTrue();
        assertThat(Cidr.parse("192.168.1.5").contains(ip("192.168.1.6"))).isFalse();
        assertThat(Cidr.parse("fd00::/8").contains(ip("fd12:3456::1"))).isTrue();
        assertThat(Cidr.parse("fd00::/8").contains(ip("fe80::1"))).isFalse();
        assertThat(Cidr.parse("10.0.0.0/8").contains(ip("::ffff:10.1.2.3"))).as("IPv4-mapped").isTrue();
        assertThat(Cidr.parse("::/0").contains(ip("10.1.2.3"))).as("IPv6 nets never match IPv4").isFalse();
        assertThat(Cidr.parse("0.0.0.0/0").contains(ip("203.0.113.9"))).isTrue();
        assertThat(Cidr.parse("10.1.2.3/8")).isEqualTo(Cidr.parse("10.0.0.0/8"));
        assertThat(Cidr.parse("2001:db8::/32").toString()).isEqualTo("2001:db8:0:0:0:0:0:0/32");
    }

    @Test
    void malformedCidrsAreRefusedWithoutNameLookups() {
        for (String bad : List.of("kms.example.org", "10.0.0.0/33", "::/129", "10.0.0/8", "10.0.0.0/x", "", "1.2.3.4/")) {
            assertThatThrownBy(() -> Cidr.parse(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void denyWinsThenAllowThenPrivateOnly() throws Exception {
        AccessPolicy policy = new AccessPolicy(List.of(Cidr.parse("10.0.0.0/8"), Cidr.parse("fd00::/8")),
                List.of(Cidr.parse("10.9.0.0/16")), false);
        assertThat(policy.refusal(ip("10.1.1.1"))).isEmpty();
        assertThat(policy.refusal(ip("fd00::5"))).isEmpty();
        assertThat(policy.refusal(ip("10.9.1.1"))).hasValue("denied");
        assertThat(policy.refusal(ip("192.168.1.1"))).hasValue("not-allowed");
        AccessPolicy privateOnly = new AccessPolicy(List.of(), List.of(), true);
        for (String ok : List.of("127.0.0.1", "10.0.0.1", "172.16.5.5", "192.168.0.1", "100.64.1.1", "::1",
                "fd12::1", "fe80::1", "::ffff:192.168.1.1")) {
            assertThat(privateOnly.refusal(ip(ok))).as(ok).isEmpty();
        }
        for (String pub : List.of("8.8.8.8", "172.32.0.1", "2001:4860::8888", "::ffff:8.8.8.8")) {
            assertThat(privateOnly.refusal(ip(pub))).as(pub).hasValue("public-address");
        }
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
