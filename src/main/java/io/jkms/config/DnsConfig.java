package io.jkms.config;

import io.jkms.client.HostAddress;
import io.jkms.dns.DnsSettings;
import io.jkms.dns.TsigKey;
import io.jkms.dns.TsigKeyException;
import io.jkms.dns.TsigKeyFile;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The {@code dns-*} settings: validated here, the key file read here, so that a bad one stops start-up. */
final class DnsConfig {
    private static final Pattern DURATION = Pattern.compile("(\\d{1,9})\\s*(ms|s|m|h|d)?");
    private static final int DNS_PORT = 53;

    private final Function<ConfigKey, Optional<ConfigValue>> optional;
    private final Function<ConfigKey, ConfigValue> single;

    private DnsConfig(Function<ConfigKey, Optional<ConfigValue>> optional, Function<ConfigKey, ConfigValue> single) {
        this.optional = optional;
        this.single = single;
    }

    static Optional<DnsSettings> parse(Function<ConfigKey, Optional<ConfigValue>> optional,
                                       Function<ConfigKey, ConfigValue> single) {
        return new DnsConfig(optional, single).parse();
    }

    private Optional<DnsSettings> parse() {
        Optional<ConfigValue> zone = optional.apply(ConfigKey.DNS_PUBLISH);
        if (zone.isEmpty()) {
            return Optional.empty();
        }
        name(zone.get());
        Optional<ConfigValue> target = optional.apply(ConfigKey.DNS_TARGET);
        target.ifPresent(this::name);
        ConfigValue keyFile = optional.apply(ConfigKey.DNS_TSIG_KEY).orElseThrow(() -> new ConfigException(
                "dns-publish (from " + zone.get().source() + ") needs dns-tsig-key: the BIND key file whose key "
                        + "signs the updates (tsig-keygen -a hmac-sha256 NAME > FILE)"));
        Path keyPath = path(keyFile);
        TsigKey key;
        try {
            key = TsigKeyFile.read(keyPath);
        } catch (TsigKeyException e) {
            // The file's content is not echoed: it holds a secret.
            throw new ConfigException("invalid TSIG key file '" + keyFile.value() + "' for dns-tsig-key (from "
                    + keyFile.source() + "): " + e.getMessage());
        }
        Duration refresh = duration(ConfigKey.DNS_REFRESH, Duration.ofSeconds(1), Duration.ofDays(30), false);
        return Optional.of(new DnsSettings(zone.get().value(), optional.apply(ConfigKey.DNS_SERVER).map(this::server),
                keyPath, key, target.map(ConfigValue::value), integer(ConfigKey.DNS_PRIORITY),
                integer(ConfigKey.DNS_WEIGHT), duration(ConfigKey.DNS_TTL, Duration.ZERO, Duration.ofDays(7), false),
                refresh, duration(ConfigKey.DNS_RETRY, Duration.ofMillis(100), Duration.ofHours(1), true),
                DnsSettings.DEFAULT_TIMEOUT));
    }

    private void name(ConfigValue value) {
        try {
            new io.jkms.dns.KmsSrvRecord(value.value(), 0, 0, 1, value.value(), Duration.ZERO);
        } catch (IllegalArgumentException e) {
            throw ConfigException.invalid(value, "a DNS name of letters, digits, '-' and '_' labels separated by "
                    + "dots, e.g. corp.example.com");
        }
    }

    private static Path path(ConfigValue value) {
        try {
            return Path.of(value.value().trim());
        } catch (InvalidPathException e) {
            throw ConfigException.invalid(value, "a file path");
        }
    }

    private HostAddress server(ConfigValue value) {
        String text = value.value().trim();
        try {
            HostAddress parsed = HostAddress.parse(text);
            boolean portGiven = text.matches(".*(\\]|^[^:]*):\\d+$");
            return portGiven ? parsed : new HostAddress(parsed.host(), DNS_PORT);
        } catch (IllegalArgumentException e) {
            throw ConfigException.invalid(value, "a DNS server as HOST or HOST:PORT (IPv6 as [::1]:53), port 1 to "
                    + "65535");
        }
    }

    private int integer(ConfigKey key) {
        ConfigValue value = single.apply(key);
        try {
            int parsed = Integer.parseInt(value.value().trim());
            if (parsed >= 0 && parsed <= 65535) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // reported below with the allowed range
        }
        throw ConfigException.invalid(value, "a whole number from 0 to 65535");
    }

    /** A number with a unit (bare: seconds, unless {@code millisAllowed} where the unit must be written). */
    private Duration duration(ConfigKey key, Duration min, Duration max, boolean millisAllowed) {
        ConfigValue value = single.apply(key);
        Matcher m = DURATION.matcher(value.value().trim().toLowerCase(Locale.ROOT));
        if (m.matches() && (millisAllowed || !"ms".equals(m.group(2)))) {
            long n = Long.parseLong(m.group(1));
            Duration d = switch (m.group(2) == null ? "s" : m.group(2)) {
                case "ms" -> Duration.ofMillis(n);
                case "m" -> Duration.ofMinutes(n);
                case "h" -> Duration.ofHours(n);
                case "d" -> Duration.ofDays(n);
                default -> Duration.ofSeconds(n);
            };
            if (d.compareTo(min) >= 0 && d.compareTo(max) <= 0) {
                return d;
            }
        }
        throw ConfigException.invalid(value, text(min) + " to " + text(max) + ", a number with a suffix "
                + (millisAllowed ? "ms, " : "") + "s, m, h or d (e.g. " + (millisAllowed ? "500ms, 30s" : "3600s, 24h")
                + ")");
    }

    private static String text(Duration d) {
        if (d.isZero()) {
            return "0s";
        }
        if (d.toMillis() < 1000) {
            return d.toMillis() + "ms";
        }
        if (d.toDays() > 0 && d.toDays() * 86400 == d.toSeconds()) {
            return d.toDays() + "d";
        }
        if (d.toHours() > 0 && d.toHours() * 3600 == d.toSeconds()) {
            return d.toHours() + "h";
        }
        return d.toSeconds() + "s";
    }
}
