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
    @Option(names = "--dns-publish", paramLabel = "ZONE", converter = Converters.DnsName.class)
    String dnsPublish;

    @Option(names = "--dns-server", paramLabel = "HOST[:PORT]", converter = Converters.DnsServer.class)
    HostAddress dnsServer;

    @Option(names = "--dns-tsig-key", paramLabel = "FILE", converter = Converters.FilePath.class)
    Path dnsTsigKey;

    @Option(names = "--dns-target", paramLabel = "FQDN", converter = Converters.DnsName.class)
    String dnsTarget;

    @Range(min = 0, max = 65535)
    @Option(names = "--dns-priority", paramLabel = "N", defaultValue = "0", converter = Converters.WholeNumber.class)
    long dnsPriority;

    @Range(min = 0, max = 65535)
    @Option(names = "--dns-weight", paramLabel = "N", defaultValue = "0", converter = Converters.WholeNumber.class)
    long dnsWeight;

    @Within(min = "0s", max = "7d")
    @Option(names = "--dns-ttl", paramLabel = "TIME", defaultValue = "3600s",
            converter = DurationConverter.Seconds.class)
    Duration dnsTtl;

    @Within(min = "1s", max = "30d")
    @Option(names = "--dns-refresh", paramLabel = "TIME", defaultValue = "24h",
            converter = DurationConverter.Seconds.class)
    Duration dnsRefresh;

    @Within(min = "100ms", max = "1h")
    @Option(names = "--dns-retry", paramLabel = "TIME", defaultValue = "30s",
            converter = DurationConverter.Seconds.class)
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
