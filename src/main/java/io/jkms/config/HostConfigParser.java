package io.jkms.config;

import io.jkms.client.HostAddress;
import io.jkms.activation.AccessPolicy;
import io.jkms.activation.Cidr;
import io.jkms.activation.ClientCountPolicy;
import io.jkms.activation.ClientCounter;
import io.jkms.host.ConnectionBounds;
import io.jkms.activation.IdentitySettings;
import io.jkms.activation.IdentitySettings.FixedIdentity;
import io.jkms.host.IoTransport;
import io.jkms.host.ListenerSettings;
import io.jkms.activation.PolicySettings;
import io.jkms.logging.LogSettings;
import io.jkms.protocol.Epid;
import io.jkms.registry.RegistrySettings;
import io.jkms.rpc.RpcSettings;
import io.jkms.web.HostNames;
import io.jkms.web.WebLimits;
import io.jkms.web.WebSettings;
import io.jkms.web.WebTls;
import io.jkms.wire.Bytes;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Turns merged raw values into a {@link HostConfig}, or a {@link ConfigException} naming key, value and what is allowed. */
public final class HostConfigParser {
    private static final Pattern INTERVAL = Pattern.compile("(\\d{1,9})\\s*([mhdw]?)");
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*(%[A-Za-z0-9]+)?");
    private static final Pattern DAYS = Pattern.compile("(\\d{1,5})\\s*([dw]?)");
    private static final Pattern MILLIS_OR_SECONDS = Pattern.compile("(\\d{1,6})\\s*(ms|s)");
    private static final Pattern SIZE = Pattern.compile("(\\d{1,13})\\s*(kb|mb|gb)?");
    private static final Pattern HEX16 = Pattern.compile("[0-9A-Fa-f]{16}");
    private static final long MIN_INTERVAL = 15;
    private static final long MAX_INTERVAL = 30 * 24 * 60;

    private final Map<ConfigKey, List<ConfigValue>> values;
    private final Function<IoTransport, Optional<Throwable>> unavailable;

    private HostConfigParser(Map<ConfigKey, List<ConfigValue>> values,
                             Function<IoTransport, Optional<Throwable>> unavailable) {
        this.values = values;
        this.unavailable = unavailable;
    }

    public static HostConfig parse(Map<ConfigKey, List<ConfigValue>> merged) {
        return parse(merged, IoTransport::unavailabilityCause);
    }

    /** As {@link #parse(Map)}, with {@code unavailable} saying which I/O transports cannot run (tests pin it). */
    static HostConfig parse(Map<ConfigKey, List<ConfigValue>> merged,
                            Function<IoTransport, Optional<Throwable>> unavailable) {
        return new HostConfigParser(merged, unavailable).parse();
    }

    private HostConfig parse() {
        ListenerSettings defaults = ListenerSettings.defaults();
        RpcSettings rpc = new RpcSettings(defaults.rpc().ndr64(), defaults.rpc().btfn(),
                (int) integer(ConfigKey.MAX_PDU_SIZE, RpcSettings.MIN_FRAG_LENGTH, 65535),
                (int) integer(ConfigKey.MAX_CONTEXTS_PER_BIND, 1, 255),
                (int) integer(ConfigKey.MAX_FRAGMENTS_PER_REQUEST, 1, 64), defaults.rpc().maxRequestStubBytes());
        ListenerSettings listener = new ListenerSettings(listen(),
                Duration.ofSeconds(integer(ConfigKey.IDLE_TIMEOUT, 1, 600)),
                Duration.ofSeconds(integer(ConfigKey.READ_TIMEOUT, 1, 600)),
                (int) integer(ConfigKey.MAX_CONNECTIONS, 1, 1_000_000),
                (int) integer(ConfigKey.MAX_CONNECTIONS_PER_ADDRESS, 0, 1_000_000),
                integer(ConfigKey.CONNECTION_RATE, 0, 1_000_000),
                (int) integer(ConfigKey.CONNECTION_BURST, 1, 1_000_000),
                (int) integer(ConfigKey.MAX_PDUS_PER_CONNECTION, 1, 100_000_000),
                new AccessPolicy(cidrs(ConfigKey.ALLOW), cidrs(ConfigKey.DENY), bool(ConfigKey.PRIVATE_ONLY)),
                defaults.drainTimeout(), rpc, connectionBounds());
        PolicySettings policy = new PolicySettings(interval(ConfigKey.ACTIVATION_INTERVAL),
                interval(ConfigKey.RENEWAL_INTERVAL), clientCount(), (int) integer(ConfigKey.WHITELIST, 0, 3),
                bool(ConfigKey.CLIENT_TIME_CHECK) ? Optional.of(PolicySettings.GENUINE_TIME_TOLERANCE)
                        : Optional.empty());
        IdentitySettings identity = new IdentitySettings(OptionalInt.of((int) integer(ConfigKey.HOST_BUILD, 2600, 99999)),
                lcid(), optional(ConfigKey.HWID).map(v -> hwid(v, v.value())), epids(), ndr64());
        return new HostConfig(listener, policy, identity, bool(ConfigKey.BTFN), (int) integer(ConfigKey.THREADS, 0, 256),
                io(), logLevel(), optional(ConfigKey.CATALOG).map(v -> Path.of(v.value().trim())), registry(policy), web(),
                DnsConfig.parse(this::optional, this::single), log());
    }

    private ConnectionBounds connectionBounds() {
        return new ConnectionBounds(Duration.ofSeconds(integer(ConfigKey.FIRST_BYTE_TIMEOUT, 1, 600)),
                Duration.ofSeconds(integer(ConfigKey.WRITE_TIMEOUT, 1, 600)),
                Duration.ofSeconds(integer(ConfigKey.MAX_CONNECTION_TIME, 1, 86_400)),
                (int) integer(ConfigKey.MAX_QUEUED_BYTES, ConnectionBounds.MIN_QUEUED_BYTES, 16 * 1024 * 1024));
    }

    private Optional<RegistrySettings> registry(PolicySettings policy) {
        if (!bool(ConfigKey.REGISTRY)) {
            if (policy.clientCount() instanceof ClientCountPolicy.Counted) {
                throw ConfigException.invalid(single(ConfigKey.REGISTRY), "on with client-count real, which counts "
                        + "the machines the registry has seen");
            }
            return Optional.empty();
        }
        return Optional.of(registrySettings(policy));
    }

    private RegistrySettings registrySettings(PolicySettings policy) {
        Optional<ConfigValue> database = optional(ConfigKey.DATABASE);
        database.ifPresent(value -> {
            if (!value.value().trim().startsWith("jdbc:postgresql://")) {
                throw ConfigException.invalid(value, "a PostgreSQL JDBC URL, e.g. jdbc:postgresql://db.example:5432/jkms");
            }
        });
        Duration retention = Duration.ofDays(days(ConfigKey.RETENTION));
        if (policy.clientCount() instanceof ClientCountPolicy.Counted
                && retention.compareTo(RegistrySettings.COUNTING_WINDOW) < 0) {
            throw ConfigException.invalid(single(ConfigKey.RETENTION), "at least 30 days with client-count real, "
                    + "which counts the machines of the last 30 days");
        }
        return new RegistrySettings(Path.of(single(ConfigKey.DATA_DIR).value().trim()),
                database.map(v -> v.value().trim()), optional(ConfigKey.DATABASE_USER).map(ConfigValue::value),
                optional(ConfigKey.DATABASE_PASSWORD).map(ConfigValue::value), retention,
                (int) integer(ConfigKey.REGISTRY_QUEUE, 100, 10_000_000), flushInterval());
    }

    /** Days, or a number with a suffix d or w, from 1 day to 10 years. */
    private long days(ConfigKey key) {
        ConfigValue value = single(key);
        Matcher m = DAYS.matcher(value.value().trim().toLowerCase(Locale.ROOT));
        if (m.matches()) {
            long days = Long.parseLong(m.group(1)) * (m.group(2).equals("w") ? 7 : 1);
            if (days >= 1 && days <= 3650) {
                return days;
            }
        }
        throw ConfigException.invalid(value, "days from 1 to 3650, or a number with a suffix d or w (e.g. 90d, 13w)");
    }

    /** Milliseconds or seconds with their suffix, from 10 ms to 60 s. */
    private Duration flushInterval() {
        ConfigValue value = single(ConfigKey.FLUSH_INTERVAL);
        Matcher m = MILLIS_OR_SECONDS.matcher(value.value().trim().toLowerCase(Locale.ROOT));
        if (m.matches()) {
            long millis = Long.parseLong(m.group(1)) * (m.group(2).equals("s") ? 1000 : 1);
            if (millis >= 10 && millis <= 60_000) {
                return Duration.ofMillis(millis);
            }
        }
        throw ConfigException.invalid(value, "10ms to 60s, with the suffix ms or s (e.g. 500ms, 1s)");
    }

    private WebSettings web() {
        ConfigValue bind = single(ConfigKey.WEB);
        Optional<InetSocketAddress> address = bind.value().trim().equalsIgnoreCase("off") ? Optional.empty()
                : Optional.of(address(bind, WebSettings.defaults().bind().orElseThrow().getPort()));
        Optional<String> token = optional(ConfigKey.WEB_TOKEN).map(value -> {
            try {
                WebSettings.checkToken(value.value().trim());
            } catch (IllegalArgumentException e) {
                // The value is not echoed: it may be a secret with a typo.
                throw new ConfigException("invalid value for web-token (from " + value.source() + "): "
                        + e.getMessage());
            }
            return value.value().trim();
        });
        ConfigValue dir = single(ConfigKey.DATA_DIR);
        Path dataDir;
        try {
            dataDir = Path.of(dir.value().trim());
        } catch (InvalidPathException e) {
            throw ConfigException.invalid(dir, "a directory path");
        }
        WebLimits limits = new WebLimits((int) integer(ConfigKey.WEB_MAX_CONNECTIONS, 1, 100_000),
                (int) integer(ConfigKey.WEB_MAX_CONNECTIONS_PER_ADDRESS, 0, 100_000),
                Duration.ofSeconds(integer(ConfigKey.WEB_REQUEST_TIMEOUT, 1, 600)),
                Duration.ofSeconds(integer(ConfigKey.WEB_IDLE_TIMEOUT, 1, 3600)));
        return new WebSettings(address, token, bool(ConfigKey.WEB_REQUIRE_TOKEN), dataDir, limits, allowedHosts(),
                webTls(), publicName());
    }

    private Optional<HostAddress> publicName() {
        return optional(ConfigKey.PUBLIC_NAME).map(value -> {
            try {
                return HostAddress.parseName(value.value());
            } catch (IllegalArgumentException e) {
                throw ConfigException.invalid(value, "HOST[:PORT]: a host name or IP address clients can reach, and "
                        + "the KMS port if not 1688 (e.g. kms.example.org, kms.example.org:1688, [fd00::5]:1688)");
            }
        });
    }

    private List<String> allowedHosts() {
        List<String> names = new ArrayList<>();
        for (ConfigValue value : values.getOrDefault(ConfigKey.WEB_ALLOWED_HOSTS, List.of())) {
            try {
                names.add(HostNames.check(value.value()));
            } catch (IllegalArgumentException e) {
                throw ConfigException.invalid(value, e.getMessage());
            }
        }
        return names;
    }

    /** Both files or neither; both are loaded here, so that a bad one stops start-up (or a reload) by name. */
    private Optional<WebSettings.Tls> webTls() {
        Optional<ConfigValue> cert = optional(ConfigKey.WEB_TLS_CERT);
        Optional<ConfigValue> key = optional(ConfigKey.WEB_TLS_KEY);
        if (cert.isEmpty() && key.isEmpty()) {
            return Optional.empty();
        }
        if (cert.isEmpty() || key.isEmpty()) {
            ConfigKey missing = cert.isEmpty() ? ConfigKey.WEB_TLS_CERT : ConfigKey.WEB_TLS_KEY;
            throw new ConfigException("missing " + missing.key() + ": web-tls-cert and web-tls-key go together");
        }
        WebSettings.Tls tls;
        try {
            tls = new WebSettings.Tls(Path.of(cert.get().value().trim()), Path.of(key.get().value().trim()));
        } catch (InvalidPathException e) {
            throw ConfigException.invalid(cert.get(), "file paths for web-tls-cert and web-tls-key");
        }
        try {
            WebTls.load(tls.certificate(), tls.key());
        } catch (WebTls.WebTlsException e) {
            throw ConfigException.invalid(e.certificate() ? cert.get() : key.get(), e.certificate()
                    ? "a readable PEM certificate file (" + e.getMessage() + ")" : "a readable PEM private key file ("
                    + e.getMessage() + ")");
        }
        return Optional.of(tls);
    }

    ConfigValue single(ConfigKey key) {
        List<ConfigValue> list = values.get(key);
        if (list == null || list.isEmpty()) {
            throw new ConfigException("no value for " + key.key());
        }
        if (list.size() > 1) {
            throw new ConfigException(key.key() + " takes one value, got " + list.size() + " from " + list.get(0).source());
        }
        return list.get(0);
    }

    Optional<ConfigValue> optional(ConfigKey key) {
        List<ConfigValue> list = values.get(key);
        return list == null || list.isEmpty() ? Optional.empty() : Optional.of(single(key));
    }

    private long integer(ConfigKey key, long min, long max) {
        ConfigValue value = single(key);
        try {
            long parsed = Long.parseLong(value.value().trim());
            if (parsed >= min && parsed <= max) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // reported below with the allowed range
        }
        throw ConfigException.invalid(value, "a whole number from " + min + " to " + max);
    }

    private boolean bool(ConfigKey key) {
        ConfigValue value = single(key);
        return switch (value.value().trim().toLowerCase(Locale.ROOT)) {
            case "true", "yes", "on", "1" -> true;
            case "false", "no", "off", "0" -> false;
            default -> throw ConfigException.invalid(value, "true or false");
        };
    }

    /** Minutes, or a number with a suffix m, h, d or w, between 15 minutes and 30 days. */
    private long interval(ConfigKey key) {
        ConfigValue value = single(key);
        Matcher m = INTERVAL.matcher(value.value().trim().toLowerCase(Locale.ROOT));
        if (m.matches()) {
            long unit = switch (m.group(2)) {
                case "h" -> 60;
                case "d" -> 24 * 60;
                case "w" -> 7 * 24 * 60;
                default -> 1;
            };
            long minutes = Long.parseLong(m.group(1)) * unit;
            if (minutes >= MIN_INTERVAL && minutes <= MAX_INTERVAL) {
                return minutes;
            }
        }
        throw ConfigException.invalid(value, "minutes from 15 to 43200, or a number with a suffix m, h, d, w "
                + "in that range (e.g. 2h, 7d)");
    }

    private ClientCountPolicy clientCount() {
        ConfigValue value = single(ConfigKey.CLIENT_COUNT);
        String text = value.value().trim().toLowerCase(Locale.ROOT);
        if (text.equals("charged")) {
            return new ClientCountPolicy.Charged();
        }
        if (text.equals("real")) {
            // The counter is the registry's, connected when the host is wired (HostRunner).
            return new ClientCountPolicy.Counted(ClientCounter.UNWIRED);
        }
        try {
            long fixed = Long.parseLong(text.startsWith("fixed:") ? text.substring(6) : text);
            if (fixed >= 0 && fixed <= 10_000) {
                return new ClientCountPolicy.Fixed(fixed);
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw ConfigException.invalid(value, "'charged', 'real' or a number from 0 to 10000");
    }

    private OptionalInt lcid() {
        ConfigValue value = single(ConfigKey.LCID);
        if (value.value().trim().equalsIgnoreCase("random")) {
            return OptionalInt.empty();
        }
        return OptionalInt.of((int) integer(ConfigKey.LCID, 1, 65535));
    }

    private Optional<Boolean> ndr64() {
        ConfigValue value = single(ConfigKey.NDR64);
        return switch (value.value().trim().toLowerCase(Locale.ROOT)) {
            case "auto" -> Optional.empty();
            case "true", "yes", "on", "1" -> Optional.of(true);
            case "false", "no", "off", "0" -> Optional.of(false);
            default -> throw ConfigException.invalid(value, "auto, true or false");
        };
    }

    /** The transport named, or for {@code auto} the preferred one that runs here. */
    private IoTransport io() {
        ConfigValue value = single(ConfigKey.IO);
        if (value.value().trim().equalsIgnoreCase("auto")) {
            return IoTransport.preferred(unavailable);
        }
        IoTransport transport = IoTransport.byName(value.value())
                .orElseThrow(() -> ConfigException.invalid(value, "auto, io_uring, epoll or nio"));
        Optional<Throwable> cause = unavailable.apply(transport);
        if (cause.isPresent()) {
            throw ConfigException.invalid(value, "a transport that runs here (auto picks one): "
                    + transport.configName() + " is unavailable: " + IoTransport.describe(cause.get()));
        }
        return transport;
    }

    private String logLevel() {
        ConfigValue value = single(ConfigKey.LOG_LEVEL);
        String level = value.value().trim().toLowerCase(Locale.ROOT);
        if (List.of("error", "warn", "info", "debug", "trace").contains(level)) {
            return level;
        }
        throw ConfigException.invalid(value, "error, warn, info, debug or trace");
    }

    private LogSettings log() {
        ConfigValue formatValue = single(ConfigKey.LOG_FORMAT);
        LogSettings.Format format = switch (formatValue.value().trim().toLowerCase(Locale.ROOT)) {
            case "text" -> LogSettings.Format.TEXT;
            case "json" -> LogSettings.Format.JSON;
            default -> throw ConfigException.invalid(formatValue, "text or json");
        };
        Optional<Path> file = optional(ConfigKey.LOG_FILE).map(value -> {
            try {
                Path path = Path.of(value.value().trim());
                if (path.getFileName() == null || value.value().isBlank()) {
                    throw ConfigException.invalid(value, "a file path, e.g. /var/log/jkms/jkms.log");
                }
                return path;
            } catch (InvalidPathException e) {
                throw ConfigException.invalid(value, "a file path, e.g. /var/log/jkms/jkms.log");
            }
        });
        long maxSize = size(ConfigKey.LOG_FILE_MAX_SIZE, 1L << 10, 10L << 30);
        long total = size(ConfigKey.LOG_FILE_TOTAL_SIZE, 1L << 10, 1000L << 30);
        if (total < maxSize) {
            throw ConfigException.invalid(single(ConfigKey.LOG_FILE_TOTAL_SIZE), "at least log-file-max-size ("
                    + single(ConfigKey.LOG_FILE_MAX_SIZE).value() + ")");
        }
        return new LogSettings(format, file, maxSize, (int) integer(ConfigKey.LOG_FILE_MAX_HISTORY, 1, 3650), total);
    }

    /** Bytes, or a number with a suffix KB, MB or GB (powers of 1024, as Logback reads them). */
    private long size(ConfigKey key, long min, long max) {
        ConfigValue value = single(key);
        Matcher m = SIZE.matcher(value.value().trim().toLowerCase(Locale.ROOT));
        if (m.matches()) {
            int shift = m.group(2) == null ? 0 : switch (m.group(2)) {
                case "kb" -> 10;
                case "mb" -> 20;
                default -> 30;
            };
            long number = Long.parseLong(m.group(1));
            if (number <= (max >> shift) && (number << shift) >= min) {
                return number << shift;
            }
        }
        throw ConfigException.invalid(value, "a size from " + (min >> 10) + "KB to " + (max >> 30)
                + "GB: bytes, or a number with a suffix KB, MB or GB (e.g. 10MB)");
    }

    private Bytes hwid(ConfigValue source, String text) {
        if (!HEX16.matcher(text.trim()).matches()) {
            throw ConfigException.invalid(source, "a HWID of exactly 16 hex digits, e.g. 3A1C049600B60076");
        }
        return Bytes.fromHex(text.trim());
    }

    /** {@code CSVLK=EPID[/HWID]} entries; whether the CSVLK exists is checked against the catalog later. */
    private Map<String, FixedIdentity> epids() {
        Map<String, FixedIdentity> fixed = new LinkedHashMap<>();
        for (ConfigValue value : values.getOrDefault(ConfigKey.EPID, List.of())) {
            int eq = value.value().indexOf('=');
            if (eq <= 0) {
                throw ConfigException.invalid(value, "CSVLK=EPID or CSVLK=EPID/HWID");
            }
            String csvlk = value.value().substring(0, eq).trim();
            String rest = value.value().substring(eq + 1).trim();
            int slash = rest.indexOf('/');
            String epid = slash < 0 ? rest : rest.substring(0, slash).trim();
            try {
                Epid.parse(epid);
            } catch (RuntimeException e) {
                throw ConfigException.invalid(value, "a well-formed ePID PPPPP-GGGGG-KKK-KKKKKK-03-LLLL-BBBB.0000-DDDYYYY ("
                        + e.getMessage() + ")");
            }
            Optional<Bytes> hwid = slash < 0 ? Optional.empty() : Optional.of(hwid(value, rest.substring(slash + 1)));
            fixed.put(csvlk, new FixedIdentity(epid, hwid));
        }
        return fixed;
    }

    private List<Cidr> cidrs(ConfigKey key) {
        List<Cidr> networks = new ArrayList<>();
        for (ConfigValue value : values.getOrDefault(key, List.of())) {
            try {
                networks.add(Cidr.parse(value.value()));
            } catch (IllegalArgumentException e) {
                throw ConfigException.invalid(value, "an IPv4 or IPv6 network in CIDR notation, e.g. 10.0.0.0/8, "
                        + "192.168.1.5 or fd00::/8 (" + e.getMessage() + ")");
            }
        }
        return networks;
    }

    private List<InetSocketAddress> listen() {
        List<InetSocketAddress> addresses = new ArrayList<>();
        for (ConfigValue value : values.getOrDefault(ConfigKey.LISTEN, List.of())) {
            addresses.add(address(value));
        }
        return addresses;
    }

    /** {@code host:port}, {@code [v6]:port}, or a bare address (port 1688). Literals only: no name lookups. */
    static InetSocketAddress address(ConfigValue value) {
        return address(value, ListenerSettings.DEFAULT_PORT);
    }

    private static InetSocketAddress address(ConfigValue value, int defaultPort) {
        String text = value.value().trim();
        String host = text;
        int port = defaultPort;
        if (text.startsWith("[")) {
            int close = text.indexOf(']');
            if (close < 0) {
                throw badAddress(value);
            }
            host = text.substring(1, close);
            if (close + 1 < text.length()) {
                port = port(text.substring(close + 1), value);
            }
        } else if (text.indexOf(':') >= 0 && text.indexOf(':') == text.lastIndexOf(':')) {
            host = text.substring(0, text.indexOf(':'));
            port = port(text.substring(text.indexOf(':')), value);
        }
        if (!IPV4.matcher(host).matches() && !IPV6.matcher(host).matches()) {
            throw badAddress(value);
        }
        try {
            return new InetSocketAddress(InetAddress.getByName(host), port);
        } catch (UnknownHostException e) {
            throw badAddress(value);
        }
    }

    private static ConfigException badAddress(ConfigValue value) {
        return ConfigException.invalid(value, "an IPv4 or IPv6 literal with an optional port, e.g. 0.0.0.0:1688, "
                + "[::]:1688 or [::1]:1688");
    }

    private static int port(String colonPort, ConfigValue value) {
        try {
            if (colonPort.startsWith(":")) {
                int port = Integer.parseInt(colonPort.substring(1));
                if (port >= 0 && port <= 65535) {
                    return port;
                }
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw ConfigException.invalid(value, "a port from 0 to 65535 after the address, e.g. 0.0.0.0:1688");
    }
}
