package io.jkms.config;

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
            "Active clients reported: 'charged' (2 x the request's N policy, a fully charged host) or a fixed "
                    + "number 0 to 10000."),
    WHITELIST("whitelist", "LEVEL", "0", false,
            "Products refused (as vlmcsd -K): 0 none; 1 unknown KMS IDs and KMS IDs of another application; "
                    + "2 retail and preview KMS IDs; 3 both."),
    CLIENT_TIME_CHECK("client-time-check", "BOOL", "false", false,
            "Refuse clients whose clock is more than 4 hours off the host's (0xC004F06C), as genuine hosts do."),
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
    IDLE_TIMEOUT("idle-timeout", "SECONDS", "30", false, "Close connections idle this long (1 to 600)."),
    MAX_CONNECTIONS("max-connections", "N", "10000", false, "Most connections open at once (1 to 1000000)."),
    THREADS("threads", "N", "0", false, "I/O threads; 0 means one per CPU core (0 to 256)."),
    LOG_LEVEL("log-level", "LEVEL", "info", false,
            "error, warn, info (one line per activation) or debug (every field)."),
    WEB("web", "ADDR:PORT|off", "127.0.0.1:8080", false,
            "Address of the web dashboard, JSON API and /metrics, or 'off'. Anywhere but loopback it asks for "
                    + "the token (see --web-token)."),
    WEB_TOKEN("web-token", "TOKEN", null, false,
            "Token the dashboard asks for (16 to 256 visible ASCII characters). Default: one generated at first "
                    + "start, printed once and kept in DATA-DIR/web-token (mode 600)."),
    WEB_REQUIRE_TOKEN("web-require-token", "BOOL", "false", false,
            "Ask for the token on a loopback address too (it is always asked for elsewhere)."),
    DATA_DIR("data-dir", "DIR", "./data", false, "Directory for the host's state (the generated web token)."),
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
