package io.jkms.rpc;

import io.jkms.testing.Vectors;
import io.jkms.testing.Vectors.Exchange;
import io.jkms.testing.Vectors.Vector;
import io.jkms.wire.Bytes;
import java.util.ArrayList;
import java.util.List;

/** The complete captured PDUs of {@code ../shared/vectors}, for tests of this package. */
record Captured(String vector, int index, Exchange exchange) {
    Bytes bytes() {
        return exchange.bytes();
    }

    String pduType() {
        return exchange.pduType();
    }

    boolean fromVlmcsd() {
        return vector.startsWith("v") || vector.endsWith("-vlmcsd") || vector.endsWith("-vlmcsd-K3")
                || (vector.startsWith("pykmsclient-") && !vector.endsWith("-to-pykms"));
    }

    /** The transfer syntax the capture's decoder names for a request or response. */
    TransferSyntax ndr() {
        return "ndr64".equals(exchange.decoded().path("ndr").asText()) ? TransferSyntax.NDR64 : TransferSyntax.NDR32;
    }

    /** vlmcsd leaves the two padding bytes after an empty secondary address uninitialised (spec §2.3). */
    boolean hasUninitialisedPadding() {
        return fromVlmcsd() && "alter_context_resp".equals(pduType());
    }

    @Override
    public String toString() {
        return vector + "#" + index + " " + exchange.direction() + " " + pduType();
    }

    /** Every complete PDU of every capture file. */
    static List<Captured> all() {
        List<Captured> out = new ArrayList<>();
        for (Vector v : Vectors.all()) {
            for (int i = 0; i < v.exchanges().size(); i++) {
                Exchange e = v.exchanges().get(i);
                if (!e.eof() && !e.incomplete()) {
                    out.add(new Captured(v.name(), i, e));
                }
            }
        }
        return out;
    }

    static List<Captured> ofType(String pduType) {
        return all().stream().filter(c -> pduType.equals(c.pduType())).toList();
    }

    /** The bytes with the padding after sec_addr zeroed, as a host should write it. */
    static Bytes zeroSecAddrPadding(Bytes bindAck) {
        byte[] b = bindAck.toArray();
        int addressLength = (b[24] & 0xFF) | (b[25] & 0xFF) << 8;
        int padding = PduCodec.secAddrPadding(addressLength);
        for (int i = 26 + addressLength; i < 26 + addressLength + padding; i++) {
            b[i] = 0;
        }
        return Bytes.of(b);
    }
}
