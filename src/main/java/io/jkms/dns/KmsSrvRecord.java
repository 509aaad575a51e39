package io.jkms.dns;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Name;
import org.xbill.DNS.SRVRecord;
import org.xbill.DNS.TextParseException;

/**
 * The one record a KMS host publishes: {@code _vlmcs._tcp.ZONE. TTL IN SRV PRIORITY WEIGHT PORT TARGET.}, the
 * record Windows KMS hosts register and Windows clients look up when no KMS host is set (RFC 2782 fields).
 *
 * @param zone   the DNS zone (domain), without the trailing dot, lower case
 * @param target the host name clients connect to, without the trailing dot, lower case
 * @param ttl    whole seconds, 0 to 2^31-1
 */
public record KmsSrvRecord(String zone, int priority, int weight, int port, String target, Duration ttl) {
    public static final String SERVICE = "_vlmcs._tcp";
    private static final Pattern LABEL = Pattern.compile("[a-z0-9_]([a-z0-9_-]{0,61}[a-z0-9_])?");

    public KmsSrvRecord {
        zone = hostName(zone, "zone");
        target = hostName(target, "target");
        u16(priority, "priority");
        u16(weight, "weight");
        if (port < 1 || port > 0xFFFF) {
            throw new IllegalArgumentException("port outside 1..65535: " + port);
        }
        Objects.requireNonNull(ttl, "ttl");
        if (ttl.isNegative() || ttl.getNano() != 0 || ttl.getSeconds() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("TTL must be whole seconds from 0 to 2147483647: " + ttl);
        }
    }

    /**
     * A DNS name of letters, digits, hyphens and underscores (nothing a zone file, nsupdate or PowerShell would
     * read differently), with or without the trailing dot.
     */
    static String hostName(String name, String what) {
        Objects.requireNonNull(name, what);
        String n = name.trim().toLowerCase(Locale.ROOT);
        n = n.endsWith(".") ? n.substring(0, n.length() - 1) : n;
        if (n.isEmpty() || n.length() > 253) {
            throw new IllegalArgumentException(what + " '" + name + "' is not a DNS name (1 to 253 characters)");
        }
        for (String label : n.split("\\.", -1)) {
            if (!LABEL.matcher(label).matches()) {
                throw new IllegalArgumentException(what + " '" + name + "' is not a DNS name: labels of letters, "
                        + "digits, '-' and '_', 1 to 63 characters, separated by dots");
            }
        }
        return n;
    }

    private static void u16(int value, String what) {
        if (value < 0 || value > 0xFFFF) {
            throw new IllegalArgumentException(what + " outside 0..65535: " + value);
        }
    }

    /** {@code _vlmcs._tcp.ZONE.} */
    public String owner() {
        return SERVICE + "." + zone + ".";
    }

    /** The record as a zone file line. */
    public String zoneLine() {
        return owner() + " " + ttl.toSeconds() + " IN SRV " + rdata();
    }

    /** {@code PRIORITY WEIGHT PORT TARGET.} */
    public String rdata() {
        return priority + " " + weight + " " + port + " " + target + ".";
    }

    /** The same record for dnsjava. */
    public SRVRecord toDnsjava() {
        try {
            return new SRVRecord(Name.fromString(owner()), DClass.IN, ttl.toSeconds(), priority, weight, port,
                    Name.fromString(target + "."));
        } catch (TextParseException e) {
            throw new IllegalStateException("names are checked in the constructor", e);
        }
    }

    /** The zone, absolute, for dnsjava. */
    public Name zoneName() {
        return absolute(zone);
    }

    /** A name checked by {@link #hostName}, absolute, for dnsjava. */
    static Name absolute(String checkedName) {
        try {
            return Name.fromString(checkedName + ".");
        } catch (TextParseException e) {
            throw new IllegalStateException("names are checked before they get here", e);
        }
    }
}
