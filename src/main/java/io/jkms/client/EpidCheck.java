package io.jkms.client;

import io.jkms.catalog.Csvlk;
import io.jkms.protocol.Epid;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Checks a verified response's ePID against the product: its format (spec 6.1) and its CSVLK group (spec 6.3).
 * A group that does not match is what a genuine host never sends; an emulator that does not know a newer product
 * answers with its Windows ePID, hence the lenient mode, which turns the failures into warnings.
 */
public final class EpidCheck {
    private EpidCheck() {
    }

    /**
     * @param expected the CSVLK a host should answer this product with, if the catalog knows the product
     * @return warnings (key ID outside the CSVLK's range; in lenient mode, what would have failed)
     * @throws ClientException {@link ClientException.Kind#VERIFICATION} naming the field, expected and received
     */
    public static List<String> check(String epid, Optional<Csvlk> expected, boolean lenient) throws ClientException {
        List<String> warnings = new ArrayList<>();
        Epid parsed;
        try {
            parsed = Epid.parse(epid);
        } catch (IllegalArgumentException e) {
            fail(warnings, lenient, "ePID format: expected PPPPP-GGGGG-KKK-KKKKKK-03-LLLL-BBBB.0000-DDDYYYY but was '"
                    + epid + "' (" + e.getMessage() + ")");
            return warnings;
        }
        if (expected.isEmpty()) {
            return warnings;
        }
        Csvlk csvlk = expected.get();
        if (parsed.groupId() != csvlk.groupId()) {
            fail(warnings, lenient, String.format("ePID group: expected %05d (CSVLK %s) but was %05d",
                    csvlk.groupId(), csvlk.id(), parsed.groupId()));
        } else if (!csvlk.containsKeyId(parsed.keyId())) {
            warnings.add(String.format("ePID key ID %09d is outside CSVLK %s's range %09d-%09d", parsed.keyId(),
                    csvlk.id(), csvlk.minKeyId(), csvlk.maxKeyId()));
        }
        return warnings;
    }

    private static void fail(List<String> warnings, boolean lenient, String message) throws ClientException {
        if (!lenient) {
            throw new ClientException(ClientException.Kind.VERIFICATION, message);
        }
        warnings.add(message + " (allowed by --lenient-epid)");
    }
}
