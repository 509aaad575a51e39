package io.jkms.dns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jkms.client.HostAddress;
import io.jkms.testing.TestBind;
import java.net.InetSocketAddress;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.Name;
import org.xbill.DNS.SimpleResolver;

/** Without --dns-server the updates go to the zone's primary, the MNAME of its SOA, asked of a real BIND. */
@Tag("dns")
class ZonePrimaryTest {
    @Test
    void theSoaNamesThePrimaryAndANameInsideAZoneIsNoZone() throws Exception {
        try (TestBind bind = TestBind.start()) {
            SimpleResolver resolver = new SimpleResolver(new InetSocketAddress("127.0.0.1", bind.address().port()));
            assertThat(ZonePrimary.find(resolver, Name.fromString(TestBind.ZONE + ".")))
                    .isEqualTo(new HostAddress("ns." + TestBind.ZONE, 53));
            assertThatThrownBy(() -> ZonePrimary.find(resolver, Name.fromString("ns." + TestBind.ZONE + ".")))
                    .isInstanceOf(DnsUpdateException.class).hasMessageContaining("is not a zone");
            assertThatThrownBy(() -> ZonePrimary.find(resolver, Name.fromString("nothing." + TestBind.ZONE + ".")))
                    .isInstanceOf(DnsUpdateException.class).hasMessageContaining("NXDOMAIN");
        }
    }
}
