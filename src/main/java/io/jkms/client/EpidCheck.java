package io.jkms.client;

import io.jkms.catalog.Csvlk;
import io.jkms.protocol.Epid;
import java.util.List;
import java.util.Optional;

/**
 * Checks a verified response's ePID against the product: its format (spec 6.1), which Windows checks, and its
 * CSVLK group and key range (spec 6.3), which Windows does not: a mismatch says that the host is an emulator or
 * uses old data (vlmcsd answers products it does not know with its Windows ePID), so it is a warning.
 */
public final class EpidCheck {
    private EpidCheck() {
    }

    /**
     * @param expected the CSVLK a host should answer this product with, if the catalog knows the product
     * @return warnings: {@code epid-group} (not the product's CSVLK group), {@code epid-key-range} (key ID outside
     *         the CSVLK's range)
     * @throws ClientException {@link ClientException.Kind#VERIFICATION} when the ePID is not well-formed
     */
    public static List<Finding> check(String epid, Optional<Csvlk> expected) throws ClientException {
        Epid parsed;
        try {
            parsed = Epid.parse(epid);
        } catch (IllegalArgumentException e) {
            throw new ClientException(ClientException.Kind.VERIFICATION, "ePID format: expected "
                    + "PPPPP-GGGGG-KKK-KKKKKK-03-LLLL-BBBB.0000-DDDYYYY but was '" + epid + "' (" + e.getMessage() + ")");
        }
        if (expected.isEmpty()) {
            return List.of();
        }
        Csvlk csvlk = expected.get();
        if (parsed.groupId() != csvlk.groupId()) {
            return List.of(Finding.warning("epid-group", String.format("ePID group: expected %05d (CSVLK %s) but was "
                    + "%05d: the host is an emulator or uses old data; Windows accepts it", csvlk.groupId(), csvlk.id(),
                    parsed.groupId())));
        }
        if (!csvlk.containsKeyId(parsed.keyId())) {
            return List.of(Finding.warning("epid-key-range", String.format("ePID key ID %09d is outside CSVLK %s's "
                    + "range %09d-%09d", parsed.keyId(), csvlk.id(), csvlk.minKeyId(), csvlk.maxKeyId())));
        }
        return List.of();
    }
}
