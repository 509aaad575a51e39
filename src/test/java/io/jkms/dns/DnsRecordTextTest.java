package io.jkms.dns;

import static org.assertj.core.api.Assertions.assertThat;

import io.jkms.client.HostAddress;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DnsRecordTextTest {
    static final KmsSrvRecord RECORD = new KmsSrvRecord("corp.example", 10, 60, 1688, "kms1.corp.example",
            Duration.ofMinutes(90));

    @Test
    void nsupdateAddsTheRecordToItsZone() {
        assertThat(DnsRecordText.nsupdate(RECORD, Optional.empty())).isEqualTo("zone corp.example.\n"
                + "update add _vlmcs._tcp.corp.example. 5400 IN SRV 10 60 1688 kms1.corp.example.\nsend\n");
    }

    @Test
    void nsupdateNamesTheServerWhenGiven() {
        assertThat(DnsRecordText.nsupdate(RECORD, Optional.of(new HostAddress("::1", 5353))))
                .startsWith("server ::1 5353\nzone corp.example.\n");
    }

    @Test
    void powershellUsesTheDnsServerModulesParameters() {
        assertThat(DnsRecordText.powershell(RECORD, Optional.empty())).isEqualTo("Add-DnsServerResourceRecord -Srv "
                + "-ZoneName \"corp.example\" -Name \"_vlmcs._tcp\" -DomainName \"kms1.corp.example\" -Priority 10 "
                + "-Weight 60 -Port 1688 -TimeToLive 01:30:00");
        assertThat(DnsRecordText.powershell(RECORD, Optional.of("dc1"))).endsWith("-TimeToLive 01:30:00 -ComputerName \"dc1\"");
    }

    @Test
    void timeSpanIsDotNetsTextWithDaysOnlyWhenThereAreAny() {
        assertThat(DnsRecordText.timeSpan(Duration.ZERO)).isEqualTo("00:00:00");
        assertThat(DnsRecordText.timeSpan(Duration.ofSeconds(59))).isEqualTo("00:00:59");
        assertThat(DnsRecordText.timeSpan(Duration.ofHours(23).plusMinutes(59).plusSeconds(59))).isEqualTo("23:59:59");
        assertThat(DnsRecordText.timeSpan(Duration.ofHours(24))).isEqualTo("1.00:00:00");
        assertThat(DnsRecordText.timeSpan(Duration.ofHours(25))).isEqualTo("1.01:00:00");
        assertThat(DnsRecordText.timeSpan(Duration.ofSeconds(Integer.MAX_VALUE))).isEqualTo("24855.03:14:07");
    }
}
