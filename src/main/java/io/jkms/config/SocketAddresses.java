package io.jkms.config;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;
import picocli.CommandLine.TypeConversionException;

/** {@code host:port}, {@code [v6]:port}, or a bare address. Literals only: no name is ever looked up. */
final class SocketAddresses {
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*(%[A-Za-z0-9]+)?");
    private static final String ALLOWED = "an IPv4 or IPv6 literal with an optional port, e.g. 0.0.0.0:1688, "
            + "[::]:1688 or [::1]:1688";

    private SocketAddresses() {
    }

    static InetSocketAddress parse(String value, int defaultPort) {
        String text = value.trim();
        String host = text;
        int port = defaultPort;
        if (text.startsWith("[")) {
            int close = text.indexOf(']');
            if (close < 0) {
                throw new TypeConversionException(ALLOWED);
            }
            host = text.substring(1, close);
            if (close + 1 < text.length()) {
                port = port(text.substring(close + 1));
            }
        } else if (text.indexOf(':') >= 0 && text.indexOf(':') == text.lastIndexOf(':')) {
            host = text.substring(0, text.indexOf(':'));
            port = port(text.substring(text.indexOf(':')));
        }
        if (!IPV4.matcher(host).matches() && !IPV6.matcher(host).matches()) {
            throw new TypeConversionException(ALLOWED);
        }
        try {
            return new InetSocketAddress(InetAddress.getByName(host), port);
        } catch (UnknownHostException e) {
            throw new TypeConversionException(ALLOWED);
        }
    }

    private static int port(String colonPort) {
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
        throw new TypeConversionException("a port from 0 to 65535 after the address, e.g. 0.0.0.0:1688");
    }
}
