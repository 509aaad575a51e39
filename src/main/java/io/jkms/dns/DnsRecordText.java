package io.jkms.dns;

import io.jkms.client.HostAddress;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * The record in the forms administrators add it by hand: a zone-file line, an {@code nsupdate} script and the
 * PowerShell command of a Windows DNS server. Names are checked by {@link KmsSrvRecord} (letters, digits, '-', '_'
 * and dots only), so nothing here needs quoting beyond the quotes written.
 */
public final class DnsRecordText {
    private DnsRecordText() {
    }

    /** A script for {@code nsupdate -k KEYFILE}: it adds the record to the zone (on {@code server}, if given). */
    public static String nsupdate(KmsSrvRecord record, Optional<HostAddress> server) {
        StringBuilder b = new StringBuilder();
        server.ifPresent(s -> b.append("server ").append(s.host()).append(' ').append(s.port()).append('\n'));
        return b.append("zone ").append(record.zone()).append(".\n")
                .append("update add ").append(record.zoneLine()).append('\n')
                .append("send\n").toString();
    }

    /** {@code Add-DnsServerResourceRecord} (DnsServer module) for a Windows DNS server. */
    public static String powershell(KmsSrvRecord record, Optional<String> computerName) {
        return "Add-DnsServerResourceRecord -Srv -ZoneName \"" + record.zone() + "\" -Name \"" + KmsSrvRecord.SERVICE
                + "\" -DomainName \"" + record.target() + "\" -Priority " + record.priority() + " -Weight "
                + record.weight() + " -Port " + record.port() + " -TimeToLive " + timeSpan(record.ttl())
                + computerName.map(c -> " -ComputerName \"" + c + "\"").orElse("");
    }

    /** .NET's TimeSpan text, {@code [d.]hh:mm:ss}. */
    static String timeSpan(Duration d) {
        String time = String.format(Locale.ROOT, "%02d:%02d:%02d", d.toHoursPart(), d.toMinutesPart(),
                d.toSecondsPart());
        return d.toDays() > 0 ? d.toDays() + "." + time : time;
    }
}
