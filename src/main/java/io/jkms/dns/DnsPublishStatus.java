package io.jkms.dns;

import java.time.Instant;
import java.util.Optional;

/**
 * Where publishing stands, as health and metrics show it (both read this one value, so they cannot disagree).
 *
 * @param enabled     {@code --dns-publish} is set
 * @param record      the record as a zone-file line, once known
 * @param published   the last UPDATE took effect (and no stop removed the record since)
 * @param failures    failed UPDATEs since start
 * @param problem     why the last UPDATE failed; empty once one succeeds
 * @param publishedAt when an UPDATE last took effect
 */
public record DnsPublishStatus(boolean enabled, Optional<String> record, boolean published, long failures,
                               Optional<String> problem, Optional<Instant> publishedAt) {
    public static final DnsPublishStatus OFF = new DnsPublishStatus(false, Optional.empty(), false, 0,
            Optional.empty(), Optional.empty());
}
