package io.jkms.wire;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.UUID;

/** A little-endian writer into a fixed-size buffer; the size is computed by the codec beforehand. */
public final class WireWriter {
    private final ByteBuffer buffer;

    public WireWriter(int size) {
        this.buffer = ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
    }

    public WireWriter u8(int value) {
        buffer.put((byte) value);
        return this;
    }

    public WireWriter u16(int value) {
        buffer.putShort((short) value);
        return this;
    }

    public WireWriter u32(long value) {
        buffer.putInt((int) value);
        return this;
    }

    public WireWriter u64(long value) {
        buffer.putLong(value);
        return this;
    }

    public WireWriter bytes(Bytes value) {
        value.writeTo(buffer);
        return this;
    }

    public WireWriter zeros(int count) {
        buffer.position(buffer.position() + count);
        return this;
    }

    /** A GUID in Microsoft's mixed-endian wire layout. */
    public WireWriter guid(UUID value) {
        long high = value.getMostSignificantBits();
        buffer.putInt((int) (high >>> 32));
        buffer.putShort((short) (high >>> 16));
        buffer.putShort((short) high);
        buffer.order(ByteOrder.BIG_ENDIAN).putLong(value.getLeastSignificantBits());
        buffer.order(ByteOrder.LITTLE_ENDIAN);
        return this;
    }

    public int position() {
        return buffer.position();
    }

    /** The written bytes; the buffer must be full, which catches a size computed wrong. */
    public byte[] toArray() {
        if (buffer.hasRemaining()) {
            throw new IllegalStateException(buffer.remaining() + " bytes left unwritten");
        }
        return buffer.array();
    }

    public Bytes toBytes() {
        return Bytes.wrapOwned(toArray()); // finished: the writer never touches its array again
    }
}
