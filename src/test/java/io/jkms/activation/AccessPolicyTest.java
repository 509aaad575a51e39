package io.jkms.activation;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Who may connect: the deny list, then the allow list, then the private-only switch. */
class AccessPolicyTest {

    private static InetAddress ip(String literal) throws Exception {
        return InetAddress.getByName(literal);
    }

    @Test
    void denyWinsThenAllowThenPrivateOnly() throws Exception {
        AccessPolicy policy = new AccessPolicy(List.of(Cidr.parse("10.0.0.0/8"), Cidr.parse("fd00::/8")),
                List.of(Cidr.parse("10.9.0.0/16")), false);
        assertThat(policy.refusal(ip("10.1.1.1"))).isEmpty();
        assertThat(policy.refusal(ip("fd00::5"))).isEmpty();
        assertThat(policy.refusal(ip("10.9.1.1"))).hasValue(Refusal.DENIED);
        assertThat(policy.refusal(ip("192.168.1.1"))).hasValue(Refusal.NOT_ALLOWED);
        AccessPolicy privateOnly = new AccessPolicy(List.of(), List.of(), true);
        for (String ok : List.of("127.0.0.1", "10.0.0.1", "172.16.5.5", "192.168.0.1", "100.64.1.1", "::1",
                "fd12::1", "fe80::1", "::ffff:192.168.1.1")) {
            assertThat(privateOnly.refusal(ip(ok))).as(ok).isEmpty();
        }
        for (String pub : List.of("8.8.8.8", "172.32.0.1", "2001:4860::8888", "::ffff:8.8.8.8")) {
            assertThat(privateOnly.refusal(ip(pub))).as(pub).hasValue(Refusal.PUBLIC_ADDRESS);
        }
    }
}
