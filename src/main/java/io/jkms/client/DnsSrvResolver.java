package io.jkms.client;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.xbill.DNS.DClass;
import org.xbill.DNS.ExtendedResolver;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Resolver;
import org.xbill.DNS.SRVRecord;
import org.xbill.DNS.Section;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Type;

/**
 * SRV lookups with dnsjava: the system's resolvers (resolv.conf), or one DNS server given as {@code host:port}.
 * One query, no cache and no search list: the name asked for is the name looked up.
 */
public final class DnsSrvResolver implements SrvResolver {
    private final Optional<HostAddress> server;
    private final Duration timeout;

    public DnsSrvResolver(Optional<HostAddress> server, Duration timeout) {
        this.server = server;
        this.timeout = timeout;
    }

    @Override
    public List<SrvRecord> lookup(String name) throws ClientException {
        try {
            Message query = Message.newQuery(Record.newRecord(Name.fromString(absolute(name)), Type.SRV, DClass.IN));
            Message response = resolver().send(query);
            int rcode = response.getRcode();
            if (rcode == Rcode.NXDOMAIN) {
                return List.of();
            }
            if (rcode != Rcode.NOERROR) {
                throw failed(name, "the server answered " + Rcode.string(rcode), null);
            }
            List<SrvRecord> records = new ArrayList<>();
            for (Record r : response.getSection(Section.ANSWER)) {
                if (r instanceof SRVRecord srv && srv.getName().equals(query.getQuestion().getName())) {
                    records.add(new SrvRecord(srv.getPriority(), srv.getWeight(), srv.getPort(),
                            srv.getTarget().toString().toLowerCase(Locale.ROOT)));
                }
            }
            return records;
        } catch (TextParseException e) {
            throw failed(name, "not a DNS name", e);
        } catch (IOException e) {
            throw failed(name, e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage(), e);
        }
    }

    private Resolver resolver() throws IOException {
        Resolver resolver = server.isPresent()
                ? new SimpleResolver(new InetSocketAddress(server.get().host(), server.get().port()))
                : new ExtendedResolver();
        resolver.setTimeout(timeout);
        return resolver;
    }

    private ClientException failed(String name, String why, Exception cause) {
        return new ClientException(ClientException.Kind.UNREACHABLE, "DNS SRV lookup of " + name + " failed"
                + server.map(s -> " (server " + s + ")").orElse("") + ": " + why, cause);
    }

    private static String absolute(String name) {
        return name.endsWith(".") ? name : name + ".";
    }
}
