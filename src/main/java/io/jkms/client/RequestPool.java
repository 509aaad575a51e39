package io.jkms.client;

import io.jkms.protocol.EncodedRequest;
import io.jkms.protocol.KmsRequestCodec;
import io.jkms.rpc.NdrCodec;
import io.jkms.rpc.PduCodec;
import io.jkms.rpc.RequestPdu;
import io.jkms.rpc.TransferSyntax;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Requests encoded once, before a load run, and replayed: distinct CMIDs and workstation names (so that a host's
 * registry sees that many clients), the products of a mix in turn. The bind offers NDR32 and BTFN, as the
 * captures kmsload replays; every request goes over NDR32 in context 0.
 */
public final class RequestPool {
    /** The call ID of the bind and of every request, as in the captures. */
    static final int CALL_ID = 2;

    /** One pre-encoded request: its PDU bytes (read-only) and what the full verification needs. */
    record Entry(ByteBuffer pdu, RequestPdu request, EncodedRequest encoded) {
    }

    private final ByteBuffer bind;
    private final List<Entry> entries;

    private RequestPool(ByteBuffer bind, List<Entry> entries) {
        this.bind = bind;
        this.entries = List.copyOf(entries);
    }

    /**
     * @param mix     the products, used in turn
     * @param clients distinct requests (CMID, workstation) to encode
     */
    public static RequestPool build(List<RequestTemplate> mix, int clients, RandomGenerator random, Clock clock) {
        if (mix.isEmpty() || clients < 1) {
            throw new IllegalArgumentException("need at least one product and one client");
        }
        List<Entry> entries = new ArrayList<>(clients);
        for (int i = 0; i < clients; i++) {
            EncodedRequest encoded = KmsRequestCodec.encode(mix.get(i % mix.size()).next(random, clock), random);
            RequestPdu pdu = RequestPdu.of(CALL_ID, 0, NdrCodec.encodeRequestStub(TransferSyntax.NDR32,
                    encoded.message()));
            entries.add(new Entry(direct(PduCodec.encode(pdu).toArray()), pdu, encoded));
        }
        return new RequestPool(direct(PduCodec.encode(ClientBind.create(false, true, CALL_ID)).toArray()), entries);
    }

    private static ByteBuffer direct(byte[] bytes) {
        ByteBuffer b = ByteBuffer.allocateDirect(bytes.length);
        b.put(bytes).flip();
        return b.asReadOnlyBuffer();
    }

    ByteBuffer bind() {
        return bind;
    }

    /** The index after {@code index}, round the pool. */
    int next(int index) {
        return index + 1 == size() ? 0 : index + 1;
    }

    Entry entry(int index) {
        return entries.get(index);
    }

    public int size() {
        return entries.size();
    }
}
