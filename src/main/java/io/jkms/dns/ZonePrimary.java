package io.jkms.dns;

import io.jkms.client.HostAddress;
import java.io.IOException;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Resolver;
import org.xbill.DNS.SOARecord;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/** Finds where a zone takes updates: the primary named by the MNAME of its SOA (RFC 2136 §4), port 53. */
final class ZonePrimary {
    static final int DNS_PORT = 53;

    private ZonePrimary() {
    }

    static HostAddress find(Resolver resolver, Name zone) throws DnsUpdateException {
        Message response;
        try {
            response = resolver.send(Message.newQuery(Record.newRecord(zone, Type.SOA, DClass.IN)));
        } catch (IOException e) {
            throw new DnsUpdateException("cannot look up the SOA of zone " + zone + " to find its primary (give "
                    + "--dns-server): " + e.getMessage(), e);
        }
        if (response.getRcode() != Rcode.NOERROR) {
            throw new DnsUpdateException("the SOA lookup of zone " + zone + " answered "
                    + Rcode.string(response.getRcode()) + " (give --dns-server)");
        }
        for (Record r : response.getSection(Section.ANSWER)) {
            if (r instanceof SOARecord soa && soa.getName().equals(zone)) {
                return new HostAddress(soa.getHost().toString(true), DNS_PORT);
            }
        }
        throw new DnsUpdateException(zone + " is not a zone: it has no SOA record of its own (give --dns-publish "
                + "the zone's name, or --dns-server)");
    }
}
