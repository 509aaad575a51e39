package io.jkms.activation;

import io.jkms.catalog.Csvlk;
import io.jkms.wire.Bytes;

/**
 * What the host shows for one of its CSVLKs: the ePID and the hardware ID. A genuine host never changes
 * them, so they are fixed for the life of the process.
 *
 * @param source where the values came from ("random at start", "configuration")
 */
public record CsvlkIdentity(Csvlk csvlk, String epid, Bytes hwid, String source) {
    public CsvlkIdentity {
        if (hwid.length() != 8) {
            throw new IllegalArgumentException("a HWID has 8 bytes, not " + hwid.length());
        }
        if (epid.isEmpty() || epid.length() > 63 || epid.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("an ePID has 1 to 63 characters and no NUL: " + epid);
        }
    }
}
