package io.jkms.config;

import io.jkms.client.HostAddress;
import io.jkms.dns.DnsSettings;
import io.jkms.dns.TsigKey;
import io.jkms.dns.TsigKeyException;
import io.jkms.dns.TsigKeyFile;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;
import picocli.CommandLine.Option;

/** The SRV record the host publishes by DNS UPDATE; the key file is read here, so that a bad one stops start-up. */
final class DnsOptions {
    @Option(names = "--dns-publish", paramLabel = "ZONE", converter = Converters.DnsName.class,
            description = {"Publish this host's _vlmcs._tcp SRV record in this DNS zone by DNS UPDATE (RFC 2136) signed "
                + "with --dns-tsig-key, as a Windows KMS host registers its own; refreshed, and removed on a clean "
                + "stop. Default: off.",
                "Env: JKMS_DNS_PUBLISH."})
    String dnsPublish;

    @Option(names = "--dns-server", paramLabel = "HOST[:PORT]", converter = Converters.DnsServer.class,
            description = {"DNS server that takes the updates (port 53 unless given). Default: the zone's primary (MNAME of "
                + "its SOA).",
                "Env: JKMS_DNS_SERVER."})
    HostAddress dnsServer;

    @Option(names = "--dns-tsig-key", paramLabel = "FILE", converter = Converters.FilePath.class,
            description = {"BIND key file with the TSIG key that signs the updates (tsig-keygen writes one): key \"NAME\" { "
                + "algorithm hmac-sha256; secret \"BASE64\"; }; Required with --dns-publish.",
                "Env: JKMS_DNS_TSIG_KEY."})
    Path dnsTsigKey;

    @Option(names = "--dns-target", paramLabel = "FQDN", converter = Converters.DnsName.class,
            description = {"Host name the record sends clients to. Default: this machine's fully qualified name.",
                "Env: JKMS_DNS_TARGET."})
    String dnsTarget;

    @Range(min = 0, max = 65535)
    @Option(names = "--dns-priority", paramLabel = "N", defaultValue = "0", converter = Converters.WholeNumber.class,
            description = {"SRV priority (0 to 65535): clients try lower values first.",
                "Default: ${DEFAULT-VALUE}. Env: JKMS_DNS_PRIORITY."})
    long dnsPriority;

    @Range(min = 0, max = 65535)
    @Option(names = "--dns-weight", paramLabel = "N", defaultValue = "0", converter = Converters.WholeNumber.class,
            description = {"SRV weight (0 to 65535): the share of clients among hosts of equal priority.",
                "Default: ${DEFAULT-VALUE}. Env: JKMS_DNS_WEIGHT."})
    long dnsWeight;

    @Within(min = "0s", max = "7d")
    @Option(names = "--dns-ttl", paramLabel = "TIME", defaultValue = "3600s",
            converter = DurationConverter.Seconds.class,
            description = {"TTL of the record: seconds, or a number with a suffix ms, s, m, h, d or w (0s to 7d).",
                "Default: ${DEFAULT-VALUE}. Env: JKMS_DNS_TTL."})
    Duration dnsTtl;

    @Within(min = "1s", max = "30d")
    @Option(names = "--dns-refresh", paramLabel = "TIME", defaultValue = "24h",
            converter = DurationConverter.Seconds.class,
            description = {"How often the record is published again: seconds, or a number with a suffix ms, s, m, h, d or w "
                + "(1s to 30d).",
                "Default: ${DEFAULT-VALUE}. Env: JKMS_DNS_REFRESH."})
    Duration dnsRefresh;

    @Within(min = "100ms", max = "1h")
    @Option(names = "--dns-retry", paramLabel = "TIME", defaultValue = "30s",
            converter = DurationConverter.Seconds.class,
            description = {"Wait after a failed update, doubled for each further failure up to --dns-refresh: seconds, or a "
                + "number with a suffix ms, s, m, h, d or w (100ms to 1h).",
                "Default: ${DEFAULT-VALUE}. Env: JKMS_DNS_RETRY."})
    Duration dnsRetry;

    /** Empty without {@code --dns-publish}. */
    Optional<DnsSettings> settings(Function<String, ConfigValue> origin) {
        if (dnsPublish == null) {
            return Optional.empty();
        }
        if (dnsTsigKey == null) {
            throw new ConfigException("dns-publish (from " + origin.apply("dns-publish").source() + ") needs "
                    + "dns-tsig-key: the BIND key file whose key signs the updates (tsig-keygen -a hmac-sha256 NAME "
                    + "> FILE)");
        }
        TsigKey key;
        try {
            key = TsigKeyFile.read(dnsTsigKey);
        } catch (TsigKeyException e) {
            // The file's content is not echoed: it holds a secret.
            ConfigValue file = origin.apply("dns-tsig-key");
            throw new ConfigException("invalid TSIG key file '" + file.value() + "' for dns-tsig-key (from "
                    + file.source() + "): " + e.getMessage());
        }
        return Optional.of(new DnsSettings(dnsPublish, Optional.ofNullable(dnsServer), dnsTsigKey, key,
                Optional.ofNullable(dnsTarget), (int) dnsPriority, (int) dnsWeight, dnsTtl, dnsRefresh, dnsRetry,
                DnsSettings.DEFAULT_TIMEOUT));
    }
}
