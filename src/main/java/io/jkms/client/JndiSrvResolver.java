package io.jkms.client;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Hashtable;
import java.util.List;
import java.util.Optional;
import javax.naming.NameNotFoundException;
import javax.naming.NamingEnumeration;
import javax.naming.NamingException;
import javax.naming.directory.Attribute;
import javax.naming.directory.Attributes;
import javax.naming.directory.DirContext;
import javax.naming.directory.InitialDirContext;

/**
 * SRV lookups through the JDK's DNS provider (no extra dependency): the system's resolvers, or one DNS server
 * given as {@code host:port}.
 */
public final class JndiSrvResolver implements SrvResolver {
    private final Optional<HostAddress> server;
    private final Duration timeout;

    public JndiSrvResolver(Optional<HostAddress> server, Duration timeout) {
        this.server = server;
        this.timeout = timeout;
    }

    @Override
    public List<SrvRecord> lookup(String name) throws ClientException {
        Hashtable<String, String> env = new Hashtable<>();
        env.put(DirContext.INITIAL_CONTEXT_FACTORY, "com.sun.jndi.dns.DnsContextFactory");
        env.put(DirContext.PROVIDER_URL, server.map(s -> "dns://" + s).orElse("dns:"));
        env.put("com.sun.jndi.dns.timeout.initial", Long.toString(Math.max(1, timeout.toMillis())));
        env.put("com.sun.jndi.dns.timeout.retries", "1");
        DirContext context = null;
        try {
            context = new InitialDirContext(env);
            Attributes attributes = context.getAttributes(name, new String[] {"SRV"});
            Attribute srv = attributes.get("SRV");
            List<SrvRecord> records = new ArrayList<>();
            if (srv == null) {
                return records;
            }
            NamingEnumeration<?> values = srv.getAll();
            while (values.hasMore()) {
                records.add(SrvRecord.parse(String.valueOf(values.next())));
            }
            return records;
        } catch (NameNotFoundException e) {
            return List.of();
        } catch (NamingException | IllegalArgumentException e) {
            throw new ClientException(ClientException.Kind.UNREACHABLE, "DNS SRV lookup of " + name + " failed"
                    + server.map(s -> " (server " + s + ")").orElse("") + ": " + e.getMessage(), e);
        } finally {
            if (context != null) {
                try {
                    context.close();
                } catch (NamingException e) {
                    // nothing held that matters
                }
            }
        }
    }
}
