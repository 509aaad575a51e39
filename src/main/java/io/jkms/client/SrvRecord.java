package io.jkms.client;

import java.util.Locale;
import java.util.Objects;

/**
 * One DNS SRV record (RFC 2782) of {@code _vlmcs._tcp.DOMAIN}.
 *
 * @param priority lower is tried first (u16)
 * @param weight   share among records of equal priority (u16)
 * @param port     TCP port (u16)
 * @param target   host name, without the trailing dot
 */
public record SrvRecord(int priority, int weight, int port, String target) {
    public static final String KMS_SERVICE = "_vlmcs._tcp.";

    public SrvRecord {
        checkU16(priority, "priority");
        checkU16(weight, "weight");
        checkU16(port, "port");
        Objects.requireNonNull(target, "target");
        target = target.endsWith(".") ? target.substring(0, target.length() - 1) : target;
    }

    /**
     * Parses the presentation form {@code "PRIORITY WEIGHT PORT TARGET"} (the RDATA of a zone-file line).
     *
     * @throws IllegalArgumentException when it is not four fields with numbers in range
     */
    public static SrvRecord parse(String text) {
        String[] f = text.trim().split("\\s+");
        if (f.length != 4) {
            throw new IllegalArgumentException("SRV record is not 'priority weight port target': '" + text + "'");
        }
        try {
            return new SrvRecord(Integer.parseInt(f[0]), Integer.parseInt(f[1]), Integer.parseInt(f[2]),
                    f[3].toLowerCase(Locale.ROOT));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("SRV record with a non-numeric field: '" + text + "'", e);
        }
    }

    /** "." as target means "no service here" (RFC 2782). */
    public boolean noService() {
        return target.isEmpty();
    }

    public HostAddress address() {
        return new HostAddress(target, port);
    }

    private static void checkU16(int value, String what) {
        if (value < 0 || value > 0xFFFF) {
            throw new IllegalArgumentException("SRV " + what + " outside 0..65535: " + value);
        }
    }
}
