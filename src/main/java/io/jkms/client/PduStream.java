package io.jkms.client;

import io.jkms.rpc.Pdu;
import io.jkms.rpc.PduCodec;
import io.jkms.wire.Bytes;
import io.jkms.wire.MalformedWireException;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.SocketTimeoutException;

/** Reads and writes whole RPC fragments on a blocking socket stream. */
final class PduStream {
    private final InputStream in;
    private final OutputStream out;
    private boolean closedByPeer;

    PduStream(InputStream in, OutputStream out) {
        this.in = in;
        this.out = out;
    }

    void write(Pdu pdu) throws ClientException {
        try {
            out.write(PduCodec.encode(pdu).toArray());
            out.flush();
        } catch (IOException e) {
            closedByPeer = true;
            throw new ClientException(ClientException.Kind.RPC, "sending " + pdu.type() + " failed: " + e.getMessage(), e);
        }
    }

    /** Whether the last failure was the host closing the connection between PDUs (or refusing further data). */
    boolean closedByPeer() {
        return closedByPeer;
    }

    /** One whole fragment, or a typed error: closed, stalled past the timeout, or not a PDU. */
    Pdu read(String expecting) throws ClientException {
        byte[] header = readFully(new byte[PduCodec.HEADER_LENGTH], 0, expecting);
        int fragLength;
        try {
            fragLength = PduCodec.fragLength(header, 0); // the host's framing rule (PduFrameDecoder's too)
        } catch (MalformedWireException e) {
            throw new ClientException(ClientException.Kind.RPC, "host sent a PDU header with "
                    + e.getMessage() + " while " + expecting, e);
        }
        byte[] fragment = new byte[fragLength];
        System.arraycopy(header, 0, fragment, 0, header.length);
        readFully(fragment, header.length, expecting);
        try {
            return PduCodec.decode(Bytes.of(fragment));
        } catch (MalformedWireException e) {
            throw new ClientException(ClientException.Kind.RPC, "malformed PDU from host while " + expecting + ": "
                    + e.getMessage(), e);
        }
    }

    private byte[] readFully(byte[] buffer, int from, String expecting) throws ClientException {
        int offset = from;
        try {
            while (offset < buffer.length) {
                int n = in.read(buffer, offset, buffer.length - offset);
                if (n < 0) {
                    throw new EOFException();
                }
                offset += n;
            }
            return buffer;
        } catch (SocketTimeoutException e) {
            throw new ClientException(ClientException.Kind.RPC, "host stalled: no complete answer while " + expecting
                    + " (" + offset + " bytes received)", e);
        } catch (EOFException e) {
            closedByPeer = offset == 0 && from == 0;
            throw new ClientException(ClientException.Kind.RPC, "host closed the connection while " + expecting
                    + (offset > 0 ? " after " + offset + " bytes of a PDU" : ""), e);
        } catch (IOException e) {
            throw new ClientException(ClientException.Kind.RPC, "connection failed while " + expecting + ": "
                    + e.getMessage(), e);
        }
    }
}
