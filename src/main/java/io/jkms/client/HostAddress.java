package io.jkms.client;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A KMS host as a user writes it: {@code host}, {@code host:port}, {@code 192.0.2.1:1688}, {@code [::1]:1688} or a
 * bare IPv6 literal {@code ::1}. The name is resolved only when connecting.
 *
 * @param host a host name or an IP literal (IPv6 without brackets)
 * @param port 1..65535
 */
public record HostAddress(String host, int port) {
    public static final int DEFAULT_PORT = 1688;
    private static final String LABEL = "[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?";
    private static final Pattern DNS_NAME = Pattern.compile("(?=.{1,253}$)" + LABEL + "(?:\\." + LABEL + ")*");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]{2,45}");

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

    /**
     * Parses {@code HOST[:PORT]} as {@link #parse}, and also requires the host to be a DNS name or an IP literal:
     * what may be written into a script or shown as the name clients use.
     *
     * @throws IllegalArgumentException naming what is wrong
     */
    public static HostAddress parseName(String text) {
        HostAddress a = parse(text);
        if (a.host().indexOf(':') >= 0 ? !isIpv6Literal(a.host()) : !DNS_NAME.matcher(a.host()).matches()) {
            throw new IllegalArgumentException("not a host name or IP address: '" + a.host() + "'");
        }
        return a;
    }

    private static boolean isIpv6Literal(String host) {
        if (!IPV6.matcher(host).matches()) {
            return false;
        }
        try {
            return InetAddress.getByName(host) != null; // a literal: no lookup
        } catch (UnknownHostException e) {
            return false;
        }
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
