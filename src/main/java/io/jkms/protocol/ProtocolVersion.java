package io.jkms.protocol;

/** The KMS protocol versions (spec 4.1). Only x.0 exists; the wire form is {@code major << 16 | minor}. */
public enum ProtocolVersion {
    V4(4),
    V5(5),
    V6(6);

    private final int major;

    ProtocolVersion(int major) {
        this.major = major;
    }

    public int major() {
        return major;
    }

    /** The u32 version field: minor 0 in the low half, the major in the high half. */
    long wireValue() {
        return (long) major << 16;
    }

    /**
     * The version of a u32 wire field.
     *
     * @throws KmsException {@link Hresult#INVALID_DATA} unless the minor is 0 and the major 4, 5 or 6 (as
     *     vlmcsd and genuine hosts: 4.1 or 6.1 are refused too)
     */
    public static ProtocolVersion fromWire(long versionU32) {
        long major = versionU32 >>> 16;
        long minor = versionU32 & 0xFFFF;
        if (minor == 0) {
            for (ProtocolVersion v : values()) {
                if (v.major == major) {
                    return v;
                }
            }
        }
        throw new KmsException(Hresult.INVALID_DATA, "unsupported KMS protocol version " + major + "." + minor);
    }

    @Override
    public String toString() {
        return major + ".0";
    }
}
