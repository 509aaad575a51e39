package io.jkms.wire;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Objects;
import java.util.HexFormat;

/**
 * An immutable run of bytes with value semantics, so that records holding wire data compare by content
 * (a {@code byte[]} record component would compare by identity).
 */
public final class Bytes {
    private static final HexFormat HEX = HexFormat.of();
    public static final Bytes EMPTY = new Bytes(new byte[0]);

    private final byte[] data;

    private Bytes(byte[] data) {
        this.data = data;
    }

    /** Copies {@code data}; later changes to the array do not show through. */
    public static Bytes of(byte... data) {
        return new Bytes(data.clone());
    }

    /**
     * Takes {@code data} without copying it: for an array just filled and never touched again by the caller
     * (a fragment read off the socket, a writer's finished buffer), which saves a copy per message.
     */
    public static Bytes wrapOwned(byte[] data) {
        return new Bytes(java.util.Objects.requireNonNull(data, "data"));
    }

    /** Copies {@code length} bytes of {@code data} from {@code offset}. */
    public static Bytes of(byte[] data, int offset, int length) {
        // copyOfRange would pad a range past the end with zeros: bytes no one sent.
        Objects.checkFromIndexSize(offset, length, data.length);
        return new Bytes(Arrays.copyOfRange(data, offset, offset + length));
    }

    /** Parses hexadecimal digits (either case, no separators). */
    public static Bytes fromHex(String hex) {
        return new Bytes(HEX.parseHex(hex));
    }

    /** A run of {@code length} zero bytes. */
    public static Bytes zeros(int length) {
        return new Bytes(new byte[length]);
    }

    public int length() {
        return data.length;
    }

    public byte get(int index) {
        return data[index];
    }

    /** A fresh copy of the bytes. */
    public byte[] toArray() {
        return data.clone();
    }

    public Bytes slice(int from, int to) {
        if (from > to) {
            throw new IllegalArgumentException("slice from " + from + " to " + to);
        }
        Objects.checkFromToIndex(from, to, data.length); // copyOfRange would pad with zeros past the end
        return new Bytes(Arrays.copyOfRange(data, from, to));
    }

    public Bytes concat(Bytes other) {
        byte[] out = Arrays.copyOf(data, data.length + other.data.length);
        System.arraycopy(other.data, 0, out, data.length, other.data.length);
        return new Bytes(out);
    }

    public Bytes xor(Bytes other) {
        if (other.data.length != data.length) {
            throw new IllegalArgumentException("xor of " + data.length + " and " + other.data.length + " bytes");
        }
        byte[] out = new byte[data.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = (byte) (data[i] ^ other.data[i]);
        }
        return new Bytes(out);
    }

    /** A read-only buffer over the bytes themselves, for {@link WireReader}. */
    java.nio.ByteBuffer readOnlyView() {
        return ByteBuffer.wrap(data).asReadOnlyBuffer();
    }

    /** Writes the bytes at the buffer's position. */
    public void writeTo(ByteBuffer buffer) {
        buffer.put(data);
    }

    public boolean isAllZero() {
        for (byte b : data) {
            if (b != 0) {
                return false;
            }
        }
        return true;
    }

    public String hex() {
        return HEX.formatHex(data);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Bytes other && Arrays.equals(data, other.data);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return data.length <= 64 ? hex() : hex().substring(0, 128) + "…(" + data.length + " bytes)";
    }
}
