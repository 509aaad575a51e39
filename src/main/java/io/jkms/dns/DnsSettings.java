package io.jkms.dns;

import io.jkms.client.HostAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@code jkms serve --dns-publish} publishes, where, and how often.
 *
 * @param zone     the zone the record goes into
 * @param server   the DNS server to send UPDATEs to; empty: the zone's primary, from the MNAME of its SOA
 * @param keyFile  where the TSIG key came from (named in messages)
 * @param key      the TSIG key every UPDATE is signed with
 * @param target   the host name clients connect to; empty: this machine's fully qualified name
 * @param ttl      the record's TTL
 * @param refresh  how often the record is published again while all is well
 * @param retry    the first wait after a failed UPDATE; each further failure doubles it, up to {@code refresh}
 * @param timeout  how long to wait for the DNS server's answer
 */
public record DnsSettings(String zone, Optional<HostAddress> server, Path keyFile, TsigKey key, Optional<String> target,
                          int priority, int weight, Duration ttl, Duration refresh, Duration retry, Duration timeout) {
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);

    public DnsSettings {
        zone = KmsSrvRecord.hostName(zone, "zone");
        Objects.requireNonNull(server, "server");
        Objects.requireNonNull(keyFile, "keyFile");
        Objects.requireNonNull(key, "key");
        target = Objects.requireNonNull(target, "target").map(t -> KmsSrvRecord.hostName(t, "target"));
        Objects.requireNonNull(ttl, "ttl");
        if (refresh.isNegative() || refresh.isZero() || retry.isNegative() || retry.isZero() || timeout.isZero()
                || timeout.isNegative()) {
            throw new IllegalArgumentException("refresh, retry and timeout must be positive");
        }
    }

    /** The record for a host listening on {@code port} whose own name is {@code hostName}. */
    public KmsSrvRecord record(int port, String hostName) {
        return new KmsSrvRecord(zone, priority, weight, port, target.orElse(hostName), ttl);
    }
}
