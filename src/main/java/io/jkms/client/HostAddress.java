package io.jkms.client;

import java.net.InetSocketAddress;
import java.util.Objects;

/**
 * A KMS host as a user writes it: {@code host}, {@code host:port}, {@code 192.0.2.1:1688}, {@code [::1]:1688} or a
 * bare IPv6 literal {@code ::1}. The name is resolved only when connecting.
 *
 * @param host a host name or an IP literal (IPv6 without brackets)
 * @param port 1..65535
 */
public record HostAddress(String host, int port) {
    public static final int DEFAULT_PORT = 1688;

    public HostAddress {
        Objects.requireNonNull(host, "host");
        if (host.isEmpty() || host.indexOf('[') >= 0 || host.indexOf(']') >= 0 || host.chars().anyMatch(c -> c <= ' ')) {
            throw new IllegalArgumentException("not a host name or address: '" + host + "'");
        }
        if (port < 1 || port > 65_535) {
            throw new IllegalArgumentException("port must be 1..65535: " + port);
        }
    }

    /**
     * Parses {@code HOST[:PORT]}; IPv6 literals with a port need brackets.
     *
     * @throws IllegalArgumentException naming what is wrong
     */
    public static HostAddress parse(String text) {
        String s = Objects.requireNonNull(text, "text").trim();
        if (s.startsWith("[")) {
            int close = s.indexOf(']');
            if (close < 0) {
                throw new IllegalArgumentException("missing ']' in '" + text + "'");
            }
            String rest = s.substring(close + 1);
            if (!rest.isEmpty() && !rest.startsWith(":")) {
                throw new IllegalArgumentException("expected ':PORT' after ']' in '" + text + "'");
            }
            return new HostAddress(s.substring(1, close), rest.isEmpty() ? DEFAULT_PORT : port(rest.substring(1), text));
        }
        int colon = s.indexOf(':');
        if (colon < 0) {
            return new HostAddress(s, DEFAULT_PORT);
        }
        if (s.indexOf(':', colon + 1) >= 0) {
            return new HostAddress(s, DEFAULT_PORT); // a bare IPv6 literal
        }
        return new HostAddress(s.substring(0, colon), port(s.substring(colon + 1), text));
    }

    private static int port(String digits, String text) {
        if (digits.isEmpty() || digits.length() > 5 || !digits.chars().allMatch(Character::isDigit)) {
            throw new IllegalArgumentException("bad port in '" + text + "'");
        }
        int port = Integer.parseInt(digits);
        if (port < 1 || port > 65_535) {
            throw new IllegalArgumentException("port must be 1..65535 in '" + text + "'");
        }
        return port;
    }

    /** An unresolved socket address; {@link KmsClient#connect} resolves it. */
    public InetSocketAddress unresolved() {
        return InetSocketAddress.createUnresolved(host, port);
    }

    /** {@code host:port}, with brackets around an IPv6 literal. */
    @Override
    public String toString() {
        return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
    }
}
