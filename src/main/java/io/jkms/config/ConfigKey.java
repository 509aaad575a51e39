package io.jkms.config;

import io.jkms.logging.LogSettings;
import io.jkms.registry.RegistrySettings;
import io.jkms.web.WebLimits;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Every setting of {@code jkms serve}: one name for the flag ({@code --name}), the TOML key ({@code name}
 * or {@code name_with_underscores}) and the environment variable ({@code JKMS_NAME}).
 */
public enum ConfigKey {
    LISTEN("listen", "ADDR:PORT", null, true,
            "Address to listen on, repeatable: 0.0.0.0:1688, [::1]:1688, [::]:1688. Default: [::]:1688 "
                    + "(dual stack), or 0.0.0.0:1688 where IPv6 is off."),
    ACTIVATION_INTERVAL("activation-interval", "TIME", "120", false,
            "Retry interval for clients that failed, in minutes, or with a suffix m, h, d, w (15m to 30d)."),
    RENEWAL_INTERVAL("renewal-interval", "TIME", "10080", false,
            "Renewal interval for activated clients, in minutes, or with a suffix m, h, d, w (15m to 30d)."),
    CLIENT_COUNT("client-count", "MODE", "charged", false,
            "Active clients reported: 'charged' (2 x the request's N policy, a fully charged host), 'real' "
                    + "(distinct machines in the registry in the last 30 days, at most 2 x N, as a genuine host) or a "
                    + "fixed number 0 to 10000."),
    WHITELIST("whitelist", "LEVEL", "0", false,
            "Products refused (as vlmcsd -K): 0 none; 1 unknown KMS IDs and KMS IDs of another application; "
                    + "2 retail and preview KMS IDs; 3 both."),
    CLIENT_TIME_CHECK("client-time-check", "BOOL", "false", false,
            "Refuse clients whose clock is more than 4 hours off the host's (0xC004F06C), as genuine hosts do."),
    DATA_DIR("data-dir", "DIR", "./data", false,
            "Directory for the host's state, created on first start: the embedded SQLite client registry "
                    + "(registry.db) and the generated dashboard token (web-token)."),
    REGISTRY("registry", "on|off", "on", false,
            "Record every activation in the client registry; 'off' keeps nothing (as vlmcsd), and the dashboard "
                    + "then shows no clients."),
    DATABASE("database", "JDBC-URL", null, false,
            "PostgreSQL client registry instead of SQLite, shared by every host given the same URL, e.g. "
                    + "jdbc:postgresql://db.example:5432/jkms (user and password may be URL parameters)."),
    DATABASE_USER("database-user", "USER", null, false, "PostgreSQL user, unless the URL names one."),
    DATABASE_PASSWORD("database-password", "PASSWORD", null, false,
            "PostgreSQL password, unless the URL names one (prefer the environment variable: flags show in ps)."),
    RETENTION("retention", "DAYS", "90", false,
            "Delete registry activations and clients older than this: days, or with a suffix d or w (1d to 3650d)."),
    REGISTRY_QUEUE("registry-queue", "N", Integer.toString(RegistrySettings.DEFAULT_QUEUE_CAPACITY), false,
            "Activation records that may wait for the database (100 to 10000000); past it they are dropped and "
                    + "counted. A crash loses at most this many."),
    FLUSH_INTERVAL("flush-interval", "TIME", "1s", false,
            "How often the registry is written, with a suffix ms or s (10ms to 60s): while /api/health is ok, a "
                    + "crash loses at most twice this much."),
    EPID("epid", "CSVLK=EPID[/HWID]", null, true,
            "Fixed ePID (and 16-hex-digit HWID) for a CSVLK, repeatable, e.g. "
                    + "Windows=03612-00206-556-123727-03-1033-26100.0000-3082024/3A1C049600B60076. "
                    + "Default: a random, well-formed ePID per CSVLK, drawn at start."),
    HWID("hwid", "HEX16", null, false,
            "HWID for every CSVLK without one of its own, 16 hex digits. Default: random per CSVLK at start."),
    LCID("lcid", "LCID", "random", false, "Locale ID in the ePIDs (e.g. 1033), or 'random' (drawn at start)."),
    HOST_BUILD("host-build", "BUILD", "26100", false,
            "Windows build the host claims in its ePIDs (e.g. 7601, 9600, 17763, 20348, 26100)."),
    NDR64("ndr64", "auto|true|false", "auto", false,
            "Accept NDR64 in binds; 'auto' follows the host build (9200 and later do), as genuine hosts."),
    BTFN("btfn", "BOOL", "true", false, "Acknowledge bind-time feature negotiation."),
    ALLOW("allow", "CIDR", null, true,
            "Only these networks may connect (repeatable, IPv4 or IPv6, e.g. 10.0.0.0/8, fd00::/8). Default: all."),
    DENY("deny", "CIDR", null, true, "These networks may not connect (repeatable); wins over --allow."),
    PRIVATE_ONLY("private-only", "BOOL", "false", false,
            "Refuse clients with public addresses (allow loopback, RFC 1918, 100.64/10, link-local, fc00::/7)."),
    IDLE_TIMEOUT("idle-timeout", "SECONDS", "30", false, "Close connections idle this long (1 to 600)."),
    READ_TIMEOUT("read-timeout", "SECONDS", "10", false,
            "Close a connection whose PDU is not complete this long after its first byte (1 to 600)."),
    FIRST_BYTE_TIMEOUT("first-byte-timeout", "SECONDS", "5", false,
            "Close a connection that has sent nothing this long after it was accepted (1 to 600)."),
    WRITE_TIMEOUT("write-timeout", "SECONDS", "10", false,
            "Close a connection that leaves its answers unread this long; the host stops reading from it "
                    + "meanwhile (1 to 600)."),
    MAX_CONNECTION_TIME("max-connection-time", "SECONDS", "300", false,
            "Close every connection this long after it was accepted, whatever it does (1 to 86400)."),
    MAX_CONNECTIONS("max-connections", "N", "10000", false, "Most connections open at once (1 to 1000000)."),
    MAX_CONNECTIONS_PER_ADDRESS("max-connections-per-address", "N", "500", false,
            "Most connections open at once from one address (IPv6: one /64); 0 for no limit (0 to 1000000)."),
    CONNECTION_RATE("connection-rate", "N", "1000", false,
            "New connections per second from one address (IPv6: one /64); 0 for no limit (0 to 1000000)."),
    CONNECTION_BURST("connection-burst", "N", "2000", false,
            "New connections one address may open at once before --connection-rate applies (1 to 1000000)."),
    MAX_PDUS_PER_CONNECTION("max-pdus-per-connection", "N", "10000", false,
            "PDUs one connection may send before it is closed (1 to 100000000)."),
    MAX_QUEUED_BYTES("max-queued-bytes", "BYTES", "8192", false,
            "Unsent answer bytes one connection may have before it is closed; reading from it stops at half of "
                    + "this (1024 to 16777216)."),
    MAX_PDU_SIZE("max-pdu-size", "BYTES", "5840", false,
            "Largest RPC fragment accepted, and offered as max_recv_frag (1432 to 65535)."),
    MAX_CONTEXTS_PER_BIND("max-contexts-per-bind", "N", "8", false,
            "Most presentation contexts in one BIND (1 to 255)."),
    MAX_FRAGMENTS_PER_REQUEST("max-fragments-per-request", "N", "4", false,
            "Most fragments one REQUEST may be split into (1 to 64)."),
    THREADS("threads", "N", "0", false, "I/O threads; 0 means one per CPU core (0 to 256)."),
    IO("io", "auto|io_uring|epoll|nio", "auto", false,
            "Network I/O transport: 'auto' takes epoll where it loads, else io_uring where the kernel allows it, else nio (the "
                    + "JDK's, everywhere); a named one that cannot run here stops start-up."),
    CATALOG("catalog", "FILE", null, false,
            "Product catalog JSON to use instead of the built-in one (same format; reloaded on SIGHUP)."),
    LOG_LEVEL("log-level", "LEVEL", "info", false,
            "error, warn, info (one line per activation) or debug (every field)."),
    LOG_FORMAT("log-format", "text|json", "text", false,
            "Log lines as text, or as one JSON object per line (time, level, logger, message, and every field of an "
                    + "activation as its own key)."),
    LOG_FILE("log-file", "PATH", null, false,
            "Log to this file instead of standard output, rotated daily and at --log-file-max-size to "
                    + "NAME.YYYY-MM-DD.N.EXT. Default: standard output (under systemd: the journal, without a "
                    + "second timestamp)."),
    LOG_FILE_MAX_SIZE("log-file-max-size", "SIZE", "10MB", false,
            "Size at which the log file is rotated: bytes, or with a suffix KB, MB or GB (1KB to 10GB)."),
    LOG_FILE_MAX_HISTORY("log-file-max-history", "DAYS", Integer.toString(LogSettings.DEFAULT_MAX_HISTORY), false,
            "Days of rotated log files kept (1 to 3650)."),
    LOG_FILE_TOTAL_SIZE("log-file-total-size", "SIZE", "1GB", false,
            "Most space all rotated log files take together, the oldest deleted first (1KB to 1000GB, at least "
                    + "--log-file-max-size)."),
    WEB("web", "ADDR:PORT|off", "127.0.0.1:8080", false,
            "Address of the web dashboard, JSON API and /metrics, or 'off'. Anywhere but loopback it asks for "
                    + "the token (see --web-token)."),
    PUBLIC_NAME("public-name", "HOST[:PORT]", null, false,
            "The name (and KMS port, 1688 unless given) clients use to reach this host, e.g. kms.example.org: "
                    + "the dashboard's scripts, /api/products and /health show it, and jkms script uses it when "
                    + "--host is not given. Without it the dashboard offers no scripts."),
    WEB_TOKEN("web-token", "TOKEN", null, false,
            "Token the dashboard asks for (16 to 256 visible ASCII characters). Default: one generated at first "
                    + "start, printed once and kept in DATA-DIR/web-token (mode 600)."),
    WEB_REQUIRE_TOKEN("web-require-token", "BOOL", "false", false,
            "Ask for the token on a loopback address too (it is always asked for elsewhere)."),
    DNS_PUBLISH("dns-publish", "ZONE", null, false,
            "Publish this host's _vlmcs._tcp SRV record in this DNS zone by DNS UPDATE (RFC 2136) signed with "
                    + "--dns-tsig-key, as a Windows KMS host registers its own; refreshed, and removed on a clean stop. "
                    + "Default: off."),
    DNS_SERVER("dns-server", "HOST[:PORT]", null, false,
            "DNS server that takes the updates (port 53 unless given). Default: the zone's primary (MNAME of its SOA)."),
    DNS_TSIG_KEY("dns-tsig-key", "FILE", null, false,
            "BIND key file with the TSIG key that signs the updates (tsig-keygen writes one): key \"NAME\" "
                    + "{ algorithm hmac-sha256; secret \"BASE64\"; }; Required with --dns-publish."),
    DNS_TARGET("dns-target", "FQDN", null, false,
            "Host name the record sends clients to. Default: this machine's fully qualified name."),
    DNS_PRIORITY("dns-priority", "N", "0", false, "SRV priority (0 to 65535): clients try lower values first."),
    DNS_WEIGHT("dns-weight", "N", "0", false,
            "SRV weight (0 to 65535): the share of clients among hosts of equal priority."),
    DNS_TTL("dns-ttl", "TIME", "3600s", false,
            "TTL of the record: seconds, or with a suffix s, m, h or d (0s to 7d)."),
    DNS_REFRESH("dns-refresh", "TIME", "24h", false,
            "How often the record is published again: with a suffix s, m, h or d (1s to 30d)."),
    DNS_RETRY("dns-retry", "TIME", "30s", false,
            "Wait after a failed update, doubled for each further failure up to --dns-refresh: with a suffix ms, "
                    + "s, m or h (100ms to 1h)."),
    WEB_TLS_CERT("web-tls-cert", "FILE", null, false,
            "PEM certificate (chain) for HTTPS on the dashboard, with --web-tls-key; then it speaks only HTTPS. "
                    + "Default: plain HTTP (keep it on loopback, or put a TLS proxy in front)."),
    WEB_TLS_KEY("web-tls-key", "FILE", null, false,
            "Unencrypted PKCS#8 PEM private key (BEGIN PRIVATE KEY) of --web-tls-cert."),
    WEB_ALLOWED_HOSTS("web-allowed-hosts", "NAME", null, true,
            "Host name the open loopback dashboard also answers to (repeatable), besides localhost, 127.x.x.x and "
                    + "[::1]; any other Host is refused with 421 (DNS rebinding). Logins may also be posted from "
                    + "pages of these names (a proxy's)."),
    WEB_MAX_CONNECTIONS("web-max-connections", "N", Integer.toString(WebLimits.DEFAULT_MAX_CONNECTIONS), false,
            "Most dashboard connections open at once; when full, the address holding the most gives one up to a "
                    + "newcomer (1 to 100000)."),
    WEB_MAX_CONNECTIONS_PER_ADDRESS("web-max-connections-per-address", "N",
            Integer.toString(WebLimits.DEFAULT_MAX_CONNECTIONS_PER_ADDRESS), false,
            "Most dashboard connections open at once from one address (IPv6: one /64); 0 for no limit (0 to 100000)."),
    WEB_REQUEST_TIMEOUT("web-request-timeout", "SECONDS", Long.toString(WebLimits.DEFAULT_REQUEST_TIMEOUT.toSeconds()),
            false, "Close a dashboard connection whose request (headers and body) is not complete this long after "
                    + "its first byte (1 to 600)."),
    WEB_IDLE_TIMEOUT("web-idle-timeout", "SECONDS", Long.toString(WebLimits.DEFAULT_IDLE_TIMEOUT.toSeconds()), false,
            "Close a kept-alive dashboard connection that sends no next request this long (1 to 3600)."),
    CONFIG("config", "FILE", null, false, "TOML file with any of these settings (flags win over it, it wins "
            + "over JKMS_* environment variables).");

    private final String key;
    private final String label;
    private final String defaultValue;
    private final boolean repeatable;
    private final String description;

    ConfigKey(String key, String label, String defaultValue, boolean repeatable, String description) {
        this.key = key;
        this.label = label;
        this.defaultValue = defaultValue;
        this.repeatable = repeatable;
        this.description = description;
    }

    public String key() {
        return key;
    }

    public String flag() {
        return "--" + key;
    }

    public String label() {
        return label;
    }

    public Optional<String> defaultValue() {
        return Optional.ofNullable(defaultValue);
    }

    public boolean repeatable() {
        return repeatable;
    }

    public String description() {
        return description;
    }

    public String environmentVariable() {
        return "JKMS_" + key.toUpperCase(Locale.ROOT).replace('-', '_');
    }

    /** Finds a key by its TOML spelling, with dashes or underscores. */
    public static Optional<ConfigKey> byKey(String name) {
        String normalized = name.replace('_', '-').toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(k -> k.key.equals(normalized)).findFirst();
    }
}
