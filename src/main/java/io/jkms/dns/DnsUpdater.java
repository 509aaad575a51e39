package io.jkms.dns;

import io.jkms.client.HostAddress;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Optional;
import org.xbill.DNS.Message;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.TSIGRecord;
import org.xbill.DNS.Update;

/**
 * Sends one RFC 2136 UPDATE, signed with the TSIG key, over TCP (a stopped server is then a refused connection, not
 * a timeout). It adds and deletes exact RRs only: a delete names the record's full RDATA (class NONE, §2.5.4), so
 * the records other hosts published under the same name are never touched. There is deliberately no
 * "RRset exists (value dependent)" prerequisite: it must match the whole RRset, every host's records, and would
 * fail as soon as a second host publishes.
 */
final class DnsUpdater {
    private final TsigKey key;
    private final Duration timeout;

    DnsUpdater(TsigKey key, Duration timeout) {
        this.key = key;
        this.timeout = timeout;
    }

    /** In one UPDATE (applied all or nothing by the server): deletes {@code remove}, then adds {@code add}. */
    void send(InetSocketAddress server, Optional<KmsSrvRecord> remove, Optional<KmsSrvRecord> add)
            throws DnsUpdateException {
        KmsSrvRecord any = add.or(() -> remove).orElseThrow(() -> new IllegalArgumentException("nothing to send"));
        Update update = new Update(any.zoneName());
        remove.ifPresent(r -> update.delete(r.toDnsjava()));
        add.ifPresent(r -> update.add(r.toDnsjava()));
        Message response;
        try {
            SimpleResolver resolver = new SimpleResolver(server);
            resolver.setTCP(true);
            resolver.setTimeout(timeout);
            resolver.setTSIGKey(key.signer());
            response = resolver.send(update);
        } catch (IOException e) {
            throw new DnsUpdateException("no answer from DNS server " + hostPort(server) + ": "
                    + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()), e);
        }
        check(server, any, response);
    }

    private void check(InetSocketAddress server, KmsSrvRecord record, Message response) throws DnsUpdateException {
        int rcode = response.getRcode();
        if (rcode != Rcode.NOERROR) {
            TSIGRecord tsig = response.getTSIG();
            String tsigError = tsig != null && tsig.getError() != Rcode.NOERROR
                    ? " (TSIG " + Rcode.TSIGstring(tsig.getError()) + ": the server does not accept key '" + key.name()
                    + "' with this secret)" : "";
            throw new DnsUpdateException("DNS server " + hostPort(server) + " refused the update of "
                    + record.owner() + " in zone " + record.zone() + ": " + Rcode.string(rcode) + tsigError);
        }
        if (!response.isVerified()) {
            throw new DnsUpdateException("the answer of DNS server " + hostPort(server) + " is not signed with key '"
                    + key.name() + "': not trusted");
        }
    }

    static String hostPort(InetSocketAddress a) {
        return new HostAddress(a.getAddress() == null ? a.getHostString() : a.getAddress().getHostAddress(),
                a.getPort()).toString();
    }
}
