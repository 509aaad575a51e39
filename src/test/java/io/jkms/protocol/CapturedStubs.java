package io.jkms.protocol;

import io.jkms.testing.Vectors;
import io.jkms.wire.Bytes;
import io.jkms.wire.WireReader;
import java.util.ArrayList;
import java.util.List;

/** Slices KMS messages out of the captured REQUEST/RESPONSE PDUs (spec 3.2, 3.4), for tests only. */
final class CapturedStubs {
    private static final int STUB_OFFSET = 24;

    /** A captured request and, if the host answered it successfully, its response message. */
    record Exchange(Bytes request, Bytes response) {
    }

    private CapturedStubs() {
    }

    static boolean isNdr64(Vectors.Exchange e) {
        return "ndr64".equals(e.decoded().path("ndr").asText("ndr32"));
    }

    /** The KMS request in a REQUEST PDU: as many of the max-count bytes as were captured. */
    static Bytes request(Vectors.Exchange pdu) {
        byte[] b = pdu.bytes().toArray();
        WireReader r = WireReader.of(b, STUB_OFFSET, b.length - STUB_OFFSET);
        r.u32("requestSize");
        long count;
        if (isNdr64(pdu)) {
            r.u32("pad");
            count = r.u64("max count");
        } else {
            count = r.u32("max count");
        }
        int start = STUB_OFFSET + r.position();
        return Bytes.of(b, start, (int) Math.min(count, b.length - start));
    }

    /** The KMS response in a successful RESPONSE PDU, or null for an error answer (NULL referent). */
    static Bytes response(Vectors.Exchange pdu) {
        byte[] b = pdu.bytes().toArray();
        WireReader r = WireReader.of(b, STUB_OFFSET, b.length - STUB_OFFSET);
        r.u32("responseSize");
        long referent;
        long count;
        if (isNdr64(pdu)) {
            r.u32("pad");
            referent = r.u64("referent");
            count = referent == 0 ? 0 : r.u64("max count");
        } else {
            referent = r.u32("referent");
            count = referent == 0 ? 0 : r.u32("max count");
        }
        return referent == 0 ? null : r.bytes((int) count, "KMS response");
    }

    /** Every request PDU of the file (also incomplete ones) with the successful response that followed it. */
    static List<Exchange> exchanges(Vectors.Vector vector) {
        List<Exchange> out = new ArrayList<>();
        for (Vectors.Exchange e : vector.exchanges()) {
            if ("request".equals(e.pduType())) {
                out.add(new Exchange(request(e), null));
            } else if ("response".equals(e.pduType()) && !e.incomplete() && !out.isEmpty()) {
                Exchange last = out.get(out.size() - 1);
                out.set(out.size() - 1, new Exchange(last.request(), response(e)));
            }
        }
        return out;
    }
}
