package io.jkms.activation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.util.List;
import org.junit.jupiter.api.Test;

/** CIDR literals: matching in both families, and refusal of anything that is not one. */
class CidrTest {

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
}
