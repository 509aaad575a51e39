package io.jkms.web;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The {@code Host} names an open (tokenless) dashboard answers to: loopback names and literals (localhost and
 * *.localhost, 127.x.x.x, [::1]), with or without a port, and the names configured with
 * {@code --web-allowed-hosts}. A page of another site that has its own name resolve to 127.0.0.1 (DNS
 * rebinding) sends that name as Host, so it is refused and cannot read the dashboard. A request without Host
 * (HTTP/1.0 tools) is let through: browsers always send one.
 */
public final class HostNames {
    private static final Pattern NAME = Pattern.compile("[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*");
    private static final Pattern IPV4 = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})");
    private static final Pattern IPV6 = Pattern.compile("\\[[0-9a-f:.]+]");

    private final Set<String> configured;

    private HostNames(Set<String> configured) {
        this.configured = configured;
    }

    public static HostNames loopbackOnly() {
        return new HostNames(Set.of());
    }

    /** Loopback names and these ones (already checked with {@link #check}). */
    public static HostNames of(List<String> configured) {
        return new HostNames(configured.stream().map(HostNames::normalize).collect(Collectors.toUnmodifiableSet()));
    }

    /** A name for {@code --web-allowed-hosts}: a DNS name, an IPv4 literal or a bracketed IPv6 literal, no port. */
    public static String check(String name) {
        String n = normalize(name);
        if (n.length() > 253 || !(NAME.matcher(n).matches() || IPV6.matcher(n).matches())) {
            throw new IllegalArgumentException("a host name such as kms.example.org, an IPv4 address or a bracketed "
                    + "IPv6 address such as [fd00::1], without a port");
        }
        return n;
    }

    /** Whether a request with this Host header may be answered. */
    public boolean allows(Optional<String> hostHeader) {
        if (hostHeader.isEmpty()) {
            return true;
        }
        Optional<String> name = withoutPort(normalize(hostHeader.get()));
        return name.isPresent() && (loopback(name.get()) || configured.contains(name.get()));
    }

    /** Whether {@code host} ({@code name[:port]}) names one of the configured names, whatever the port. */
    boolean configured(String host) {
        return withoutPort(normalize(host)).map(configured::contains).orElse(false);
    }

    private static String normalize(String name) {
        String n = name.trim().toLowerCase(Locale.ROOT);
        return n.endsWith(".") ? n.substring(0, n.length() - 1) : n;
    }

    /** The name without its port, or empty when what follows the name is no port. */
    private static Optional<String> withoutPort(String host) {
        String name = host;
        String rest = "";
        if (host.startsWith("[")) {
            int close = host.indexOf(']');
            if (close < 0) {
                return Optional.empty();
            }
            name = host.substring(0, close + 1);
            rest = host.substring(close + 1);
        } else if (host.indexOf(':') >= 0) {
            name = host.substring(0, host.indexOf(':'));
            rest = host.substring(host.indexOf(':'));
        }
        if (!rest.isEmpty() && !rest.matches(":\\d{1,5}")) {
            return Optional.empty();
        }
        return Optional.of(normalize(name));
    }

    private static boolean loopback(String name) {
        if (name.equals("localhost") || name.endsWith(".localhost") || name.equals("[::1]")) {
            return true;
        }
        var m = IPV4.matcher(name);
        if (!m.matches() || !m.group(1).equals("127")) {
            return false;
        }
        for (int i = 2; i <= 4; i++) {
            if (Integer.parseInt(m.group(i)) > 255) {
                return false;
            }
        }
        return true;
    }
}
