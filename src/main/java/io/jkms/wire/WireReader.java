package io.jkms.wire;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.UUID;

/**
 * A little-endian reader over a byte array that checks every read against what remains, so that a
 * short or lying input surfaces as {@link MalformedWireException} naming the field, not as an index
 * exception.
 */
public final class WireReader {
    private final ByteBuffer buffer;

    private WireReader(ByteBuffer buffer) {
        this.buffer = buffer.order(ByteOrder.LITTLE_ENDIAN);
    }

    public static WireReader of(byte[] data) {
        return new WireReader(ByteBuffer.wrap(data));
    }

    public static WireReader of(byte[] data, int offset, int length) {
        return new WireReader(ByteBuffer.wrap(data, offset, length).slice());
    }

    /** Reads {@code data} in place: a reader never writes, so no copy is needed. */
    public static WireReader of(Bytes data) {
        return new WireReader(data.readOnlyView());
    }

    public int position() {
        return buffer.position();
    }

    public int remaining() {
        return buffer.remaining();
    }

    private void need(int count, String field) {
        if (count < 0 || buffer.remaining() < count) {
            throw new MalformedWireException(field + ": needs " + count + " bytes at offset " + buffer.position()
                    + ", " + buffer.remaining() + " remain");
        }
    }

    public int u8(String field) {
        need(1, field);
        return buffer.get() & 0xFF;
    }

    public int u16(String field) {
        need(2, field);
        return buffer.getShort() & 0xFFFF;
    }

    /** An unsigned 32-bit value. */
    public long u32(String field) {
        need(4, field);
        return buffer.getInt() & 0xFFFF_FFFFL;
    }

    /** A 32-bit value as Java's signed int (for fields used as bit patterns, such as HRESULTs). */
    public int i32(String field) {
        need(4, field);
        return buffer.getInt();
    }

    /** A 64-bit value as Java's (two's complement) long. */
    public long u64(String field) {
        need(8, field);
        return buffer.getLong();
    }

    public Bytes bytes(int count, String field) {
        need(count, field);
        byte[] out = new byte[count];
        buffer.get(out);
        return Bytes.wrapOwned(out);
    }

    /** A GUID in Microsoft's mixed-endian wire layout. */
    public UUID guid(String field) {
        need(16, field);
        long d1 = buffer.getInt() & 0xFFFF_FFFFL;
        long d2 = buffer.getShort() & 0xFFFFL;
        long d3 = buffer.getShort() & 0xFFFFL;
        long high = d1 << 32 | d2 << 16 | d3;
        long low = buffer.order(ByteOrder.BIG_ENDIAN).getLong();
        buffer.order(ByteOrder.LITTLE_ENDIAN);
        return new UUID(high, low);
    }

    public void skip(int count, String field) {
        need(count, field);
        buffer.position(buffer.position() + count);
    }

    /** Rejects trailing bytes: a decoder consumes exactly the declared length. */
    public void requireEnd(String structure) {
        if (buffer.hasRemaining()) {
            throw new MalformedWireException(structure + ": " + buffer.remaining() + " trailing bytes");
        }
    }
}
