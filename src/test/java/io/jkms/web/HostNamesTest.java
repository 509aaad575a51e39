package io.jkms.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class HostNamesTest {
    final HostNames names = HostNames.of(List.of(HostNames.check("KMS.Example.org.")));

    @Test
    void loopbackNamesAndConfiguredOnesWithOrWithoutPortAreAnswered() {
        for (String host : new String[] {"localhost", "LocalHost:8080", "app.localhost", "127.0.0.1", "127.1.2.3:80",
            "[::1]", "[::1]:8080", "kms.example.org", "kms.example.org:8080", "localhost."}) {
            assertThat(names.allows(Optional.of(host))).as(host).isTrue();
        }
        assertThat(names.allows(Optional.empty())).as("no Host (HTTP/1.0)").isTrue();
    }

    @Test
    void otherNamesLookalikesAndJunkAreRefused() {
        for (String host : new String[] {"evil.example", "127.0.0.1.evil.example", "localhost.evil.example",
            "sub.kms.example.org", "128.0.0.1", "127.0.0.256", "[::2]", "[::1", "localhost:80:80", "localhost:x",
            "", "10.0.0.1", "::1"}) {
            assertThat(names.allows(Optional.of(host))).as(host).isFalse();
        }
        assertThat(HostNames.loopbackOnly().allows(Optional.of("kms.example.org"))).isFalse();
    }

    @Test
    void aConfiguredNameMustBeANameOrAnAddressWithoutPort() {
        assertThat(HostNames.check("[FD00::1]")).isEqualTo("[fd00::1]");
        for (String bad : new String[] {"kms.example.org:8080", "http://kms", "*.example.org", "a b", "", "-x.org"}) {
            assertThatThrownBy(() -> HostNames.check(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
    }
}
