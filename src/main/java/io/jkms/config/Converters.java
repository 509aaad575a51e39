package io.jkms.config;

import io.jkms.client.HostAddress;
import io.jkms.activation.Cidr;
import io.jkms.activation.IdentitySettings.FixedIdentity;
import io.jkms.logging.LogSettings;
import io.jkms.web.HostNames;
import io.jkms.web.WebSettings;
import io.jkms.wire.Bytes;
import java.net.InetSocketAddress;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * One converter per type of value {@code jkms serve} takes. Each reads the text as the user wrote it and says, when
 * it cannot, what is allowed; ranges are checked apart, by {@link OptionChecks}.
 */
final class Converters {
    private static final Pattern HEX16 = Pattern.compile("[0-9A-Fa-f]{16}");
    private static final Pattern SIZE = Pattern.compile("(\\d{1,13})\\s*(kb|mb|gb)?");

    private Converters() {
    }

    private static TypeConversionException refused(String allowed) {
        return new TypeConversionException(allowed);
    }

    /** What {@code parse} makes of a value; the IllegalArgumentException it throws is refused in the words given. */
    private static <T> T parsed(Supplier<T> parse, Function<IllegalArgumentException, String> allowed) {
        try {
            return parse.get();
        } catch (IllegalArgumentException e) {
            throw refused(allowed.apply(e));
        }
    }

    /** A whole number; its range is the option's {@link Range}. */
    static final class WholeNumber implements ITypeConverter<Long> {
        @Override
        public Long convert(String value) {
            return parsed(() -> Long.parseLong(value.trim()), e -> "a whole number");
        }
    }

    /** Bytes, or a number with a suffix KB, MB or GB (powers of 1024, as Logback reads them). */
    static final class Size implements ITypeConverter<Long> {
        @Override
        public Long convert(String value) {
            Matcher m = SIZE.matcher(value.trim().toLowerCase(Locale.ROOT));
            if (!m.matches()) {
                throw refused("bytes, or a number with a suffix KB, MB or GB (e.g. 10MB)");
            }
            int shift = m.group(2) == null ? 0 : switch (m.group(2)) {
                case "kb" -> 10;
                case "mb" -> 20;
                default -> 30;
            };
            long number = Long.parseLong(m.group(1));
            // Past 2^53 bytes no range allows it; keep the shift from overflowing into a small number.
            return number > (Long.MAX_VALUE >> 31) ? Long.MAX_VALUE : number << shift;
        }
    }

    static final class Bool implements ITypeConverter<Boolean> {
        @Override
        public Boolean convert(String value) {
            return bool(value).orElseThrow(() -> refused("true or false"));
        }
    }

    private static Optional<Boolean> bool(String value) {
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "true", "yes", "on", "1" -> Optional.of(true);
            case "false", "no", "off", "0" -> Optional.of(false);
            default -> Optional.empty();
        };
    }

    /** NDR64 on, off, or as the host build says. */
    enum Ndr64 {
        AUTO, ON, OFF;

        Optional<Boolean> forced() {
            return this == AUTO ? Optional.empty() : Optional.of(this == ON);
        }
    }

    static final class Ndr64Choice implements ITypeConverter<Ndr64> {
        @Override
        public Ndr64 convert(String value) {
            if (value.trim().equalsIgnoreCase("auto")) {
                return Ndr64.AUTO;
            }
            return bool(value).map(on -> on ? Ndr64.ON : Ndr64.OFF).orElseThrow(() -> refused("auto, true or false"));
        }
    }

    static final class ClientCountChoice implements ITypeConverter<ClientCount> {
        @Override
        public ClientCount convert(String value) {
            String text = value.trim().toLowerCase(Locale.ROOT);
            if (text.equals("charged")) {
                return new ClientCount.Charged();
            }
            if (text.equals("real")) {
                return new ClientCount.Real();
            }
            try {
                long fixed = Long.parseLong(text.startsWith("fixed:") ? text.substring(6) : text);
                if (fixed >= 0 && fixed <= 10_000) {
                    return new ClientCount.Fixed(fixed);
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            throw refused("'charged', 'real' or a number from 0 to 10000");
        }
    }

    /** An LCID, or {@code random} (empty: one drawn at start). */
    static final class Lcid implements ITypeConverter<OptionalInt> {
        @Override
        public OptionalInt convert(String value) {
            if (value.trim().equalsIgnoreCase("random")) {
                return OptionalInt.empty();
            }
            try {
                int lcid = Integer.parseInt(value.trim());
                if (lcid >= 1 && lcid <= 65535) {
                    return OptionalInt.of(lcid);
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            throw refused("a whole number from 1 to 65535");
        }
    }

    static final class Hwid implements ITypeConverter<Bytes> {
        @Override
        public Bytes convert(String value) {
            return hwid(value);
        }
    }

    private static Bytes hwid(String text) {
        if (!HEX16.matcher(text.trim()).matches()) {
            throw refused("a HWID of exactly 16 hex digits, e.g. 3A1C049600B60076");
        }
        return Bytes.fromHex(text.trim());
    }

    /** One {@code CSVLK=EPID[/HWID]}; whether the CSVLK exists is checked against the catalog when the host starts. */
    record EpidEntry(String csvlk, FixedIdentity identity) {
    }

    static final class Epid implements ITypeConverter<EpidEntry> {
        @Override
        public EpidEntry convert(String value) {
            int eq = value.indexOf('=');
            if (eq <= 0) {
                throw refused("CSVLK=EPID or CSVLK=EPID/HWID");
            }
            String rest = value.substring(eq + 1).trim();
            int slash = rest.indexOf('/');
            String epid = slash < 0 ? rest : rest.substring(0, slash).trim();
            try {
                io.jkms.protocol.Epid.parse(epid);
            } catch (RuntimeException e) {
                throw refused("a well-formed ePID PPPPP-GGGGG-KKK-KKKKKK-03-LLLL-BBBB.0000-DDDYYYY (" + e.getMessage()
                        + ")");
            }
            Optional<Bytes> hwid = slash < 0 ? Optional.empty() : Optional.of(hwid(rest.substring(slash + 1)));
            return new EpidEntry(value.substring(0, eq).trim(), new FixedIdentity(epid, hwid));
        }
    }

    static final class Network implements ITypeConverter<Cidr> {
        @Override
        public Cidr convert(String value) {
            return parsed(() -> Cidr.parse(value), e -> "an IPv4 or IPv6 network in CIDR notation, e.g. 10.0.0.0/8, "
                    + "192.168.1.5 or fd00::/8 (" + e.getMessage() + ")");
        }
    }

    /** {@code host:port}, {@code [v6]:port}, or a bare address (port 1688). Literals only: no name lookups. */
    static final class ListenAddress implements ITypeConverter<InetSocketAddress> {
        @Override
        public InetSocketAddress convert(String value) {
            return SocketAddresses.parse(value, io.jkms.host.ListenerSettings.DEFAULT_PORT);
        }
    }

    /** Where the dashboard listens, or nowhere. */
    record WebBind(Optional<InetSocketAddress> address) {
    }

    static final class WebAddress implements ITypeConverter<WebBind> {
        @Override
        public WebBind convert(String value) {
            return new WebBind(value.trim().equalsIgnoreCase("off") ? Optional.empty()
                    : Optional.of(SocketAddresses.parse(value, WebSettings.defaults().bind().orElseThrow().getPort())));
        }
    }

    static final class PublicName implements ITypeConverter<HostAddress> {
        @Override
        public HostAddress convert(String value) {
            return parsed(() -> HostAddress.parseName(value), e -> "HOST[:PORT]: a host name or IP address clients "
                    + "can reach, and the KMS port if not 1688 (e.g. kms.example.org, kms.example.org:1688, "
                    + "[fd00::5]:1688)");
        }
    }

    /** The dashboard token; the message names the rule, and {@link ConfigException} never shows the value. */
    static final class Token implements ITypeConverter<String> {
        @Override
        public String convert(String value) {
            return parsed(() -> {
                WebSettings.checkToken(value.trim());
                return value.trim();
            }, IllegalArgumentException::getMessage);
        }
    }

    static final class AllowedHost implements ITypeConverter<String> {
        @Override
        public String convert(String value) {
            return parsed(() -> HostNames.check(value), IllegalArgumentException::getMessage);
        }
    }

    static final class PostgresUrl implements ITypeConverter<String> {
        @Override
        public String convert(String value) {
            if (!value.trim().startsWith("jdbc:postgresql://")) {
                throw refused("a PostgreSQL JDBC URL, e.g. jdbc:postgresql://db.example:5432/jkms");
            }
            return value.trim();
        }
    }

    static final class DirectoryPath implements ITypeConverter<Path> {
        @Override
        public Path convert(String value) {
            return path(value, "a directory path");
        }
    }

    static final class FilePath implements ITypeConverter<Path> {
        @Override
        public Path convert(String value) {
            return path(value, "a file path");
        }
    }

    /** A file to log to: a path that names a file, not just a root. */
    static final class LogFile implements ITypeConverter<Path> {
        @Override
        public Path convert(String value) {
            Path path = path(value, "a file path, e.g. /var/log/jkms/jkms.log");
            if (path.getFileName() == null || value.isBlank()) {
                throw refused("a file path, e.g. /var/log/jkms/jkms.log");
            }
            return path;
        }
    }

    private static Path path(String value, String allowed) {
        try {
            return Path.of(value.trim());
        } catch (InvalidPathException e) {
            throw refused(allowed);
        }
    }

    static final class LogLevel implements ITypeConverter<String> {
        private static final List<String> LEVELS = List.of("error", "warn", "info", "debug", "trace");

        @Override
        public String convert(String value) {
            String level = value.trim().toLowerCase(Locale.ROOT);
            if (!LEVELS.contains(level)) {
                throw refused("error, warn, info, debug or trace");
            }
            return level;
        }
    }

    static final class LogFormat implements ITypeConverter<LogSettings.Format> {
        @Override
        public LogSettings.Format convert(String value) {
            return switch (value.trim().toLowerCase(Locale.ROOT)) {
                case "text" -> LogSettings.Format.TEXT;
                case "json" -> LogSettings.Format.JSON;
                default -> throw refused("text or json");
            };
        }
    }

    /** A DNS zone or host name: letters, digits, '-' and '_' labels separated by dots. */
    static final class DnsName implements ITypeConverter<String> {
        @Override
        public String convert(String value) {
            return parsed(() -> {
                new io.jkms.dns.KmsSrvRecord(value, 0, 0, 1, value, Duration.ZERO);
                return value;
            }, e -> "a DNS name of letters, digits, '-' and '_' labels separated by dots, e.g. corp.example.com");
        }
    }

    /** A DNS server, port 53 unless given. */
    static final class DnsServer implements ITypeConverter<HostAddress> {
        private static final int DNS_PORT = 53;

        @Override
        public HostAddress convert(String value) {
            String text = value.trim();
            HostAddress address = parsed(() -> HostAddress.parse(text),
                    e -> "a DNS server as HOST or HOST:PORT (IPv6 as [::1]:53), port 1 to 65535");
            boolean portGiven = text.matches(".*(\\]|^[^:]*):\\d+$");
            return portGiven ? address : new HostAddress(address.host(), DNS_PORT);
        }
    }
}
