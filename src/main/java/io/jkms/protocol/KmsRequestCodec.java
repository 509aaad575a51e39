package io.jkms.protocol;

import io.jkms.wire.Bytes;
import io.jkms.wire.MalformedWireException;
import io.jkms.wire.WireReader;
import io.jkms.wire.WireWriter;
import java.util.Arrays;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * KMS request messages (spec 4.2, 4.5–4.7) both ways: {@link #decode} for the host, {@link #encode} for the
 * client. Stateless.
 *
 * <p>The host-side decode is stricter than vlmcsd and py-kms, following the spec's recommendations; every
 * refusal is a {@link KmsException} with {@link Hresult#INVALID_DATA}:
 * <ul>
 *   <li>shorter than its version needs (252 bytes for V4, 260 for V5/V6); bytes beyond that are ignored
 *       (spec 3.5, for buggy RPC clients);</li>
 *   <li>a version other than 4.0, 5.0 or 6.0 (4.1 and 6.1 included);</li>
 *   <li>V4: a request MAC that does not match the base request;</li>
 *   <li>V5/V6: decrypted padding other than {@code 04 04 04 04} (the PKCS#7 padding every known client
 *       writes; a CBC decrypt with padding check, as a genuine host presumably uses, fails there too);</li>
 *   <li>V5/V6: an encrypted (inner) version different from the clear (outer) one.</li>
 * </ul>
 */
public final class KmsRequestCodec {
    static final int BASE_SIZE = 236;
    static final int V4_SIZE = BASE_SIZE + 16;
    static final int AES_SIZE = 4 + 16 + BASE_SIZE + 4;
    private static final int VERSION_SIZE = 4;
    private static final int PAD = AES_SIZE - VERSION_SIZE - 16 - BASE_SIZE;

    private KmsRequestCodec() {
    }

    /**
     * Decodes a KMS request message on the host.
     *
     * @throws KmsException {@link Hresult#INVALID_DATA}, the only exception, on any bad input
     */
    public static DecodedRequest decode(Bytes message) {
        Objects.requireNonNull(message, "message");
        byte[] m = message.toArray();
        if (m.length < VERSION_SIZE) {
            throw KmsException.invalidData("KMS request of " + m.length + " bytes has no version");
        }
        ProtocolVersion version = ProtocolVersion.fromWire(u32(m, 0));
        try {
            return version == ProtocolVersion.V4 ? decodeV4(m) : decodeAes(version, m);
        } catch (MalformedWireException e) {
            throw KmsException.invalidData("malformed KMS request: " + e.getMessage());
        }
    }

    private static DecodedRequest decodeV4(byte[] m) {
        requireLength(m, V4_SIZE, ProtocolVersion.V4);
        byte[] mac = KmsCrypto.v4Mac(m, 0, BASE_SIZE);
        if (!Arrays.equals(mac, 0, 16, m, BASE_SIZE, V4_SIZE)) {
            throw KmsException.invalidData("V4 request MAC does not match");
        }
        return new DecodedRequest(readBase(ProtocolVersion.V4, m, 0), Bytes.EMPTY, Bytes.EMPTY);
    }

    private static DecodedRequest decodeAes(ProtocolVersion version, byte[] m) {
        requireLength(m, AES_SIZE, version);
        Rijndael cipher = cipher(version);
        byte[] iv = Arrays.copyOfRange(m, VERSION_SIZE, VERSION_SIZE + 16);
        byte[] plain = KmsCrypto.cbcDecrypt(cipher, iv, m, VERSION_SIZE + 16, BASE_SIZE + PAD);
        for (int i = BASE_SIZE; i < plain.length; i++) {
            if (plain[i] != PAD) {
                throw KmsException.invalidData(version + " request padding is not 04 04 04 04");
            }
        }
        if (u32(plain, 0) != u32(m, 0)) {
            throw KmsException.invalidData("encrypted version " + Long.toHexString(u32(plain, 0))
                    + " differs from the clear version " + version);
        }
        byte[] dc = KmsCrypto.decryptOne(cipher, iv);
        return new DecodedRequest(readBase(version, plain, 0), Bytes.of(iv), Bytes.of(dc));
    }

    private static void requireLength(byte[] m, int length, ProtocolVersion version) {
        if (m.length < length) {
            throw KmsException.invalidData(version + " request needs " + length + " bytes, got " + m.length);
        }
    }

    private static KmsRequest readBase(ProtocolVersion version, byte[] data, int offset) {
        WireReader r = WireReader.of(data, offset, BASE_SIZE);
        r.skip(VERSION_SIZE, "version");
        long vmInfo = r.u32("VMInfo");
        long licenseStatus = r.u32("LicenseStatus");
        long bindingExpiration = r.u32("BindingExpiration");
        var appId = r.guid("AppID");
        var skuId = r.guid("ActID");
        var kmsId = r.guid("KMSID");
        var cmid = r.guid("CMID");
        long required = r.u32("N_Policy");
        long clientTime = r.u64("ClientTime");
        var previous = r.guid("CMID_prev");
        String name = Utf16.readUntilNul(data, offset + r.position(), KmsRequest.NAME_UNITS);
        return new KmsRequest(version, vmInfo, licenseStatus, bindingExpiration, appId, skuId, kmsId, cmid,
                required, clientTime, previous, name);
    }

    /**
     * Encodes a request for the client with a given IV (16 bytes for V5/V6, ignored for V4).
     *
     * @throws IllegalArgumentException for a workstation name over 63 UTF-16 units or an IV of wrong length
     */
    public static EncodedRequest encode(KmsRequest request, Bytes requestIv) {
        Objects.requireNonNull(request, "request");
        byte[] base = writeBase(request);
        ProtocolVersion version = request.version();
        if (version == ProtocolVersion.V4) {
            Bytes message = Bytes.of(base).concat(Bytes.of(KmsCrypto.v4Mac(base, 0, BASE_SIZE)));
            return new EncodedRequest(message, request, Bytes.EMPTY, Bytes.EMPTY);
        }
        Objects.requireNonNull(requestIv, "requestIv");
        if (requestIv.length() != 16) {
            throw new IllegalArgumentException("request IV must be 16 bytes, got " + requestIv.length());
        }
        Rijndael cipher = cipher(version);
        byte[] iv = requestIv.toArray();
        byte[] padded = KmsCrypto.pkcs7Pad(base);
        byte[] encrypted = KmsCrypto.cbcEncrypt(cipher, iv, padded, 0, padded.length);
        Bytes message = new WireWriter(AES_SIZE).u32(version.wireValue()).bytes(requestIv)
                .bytes(Bytes.of(encrypted)).toBytes();
        return new EncodedRequest(message, request, requestIv, Bytes.of(KmsCrypto.decryptOne(cipher, iv)));
    }

    /** Encodes a request with an IV drawn from {@code random} (nothing is drawn for V4). */
    public static EncodedRequest encode(KmsRequest request, RandomGenerator random) {
        Objects.requireNonNull(request, "request");
        if (request.version() == ProtocolVersion.V4) {
            return encode(request, Bytes.EMPTY);
        }
        byte[] iv = new byte[16];
        random.nextBytes(iv);
        return encode(request, Bytes.of(iv));
    }

    private static byte[] writeBase(KmsRequest q) {
        if (q.workstationName().length() > KmsRequest.NAME_UNITS - 1) {
            throw new IllegalArgumentException("workstation name is " + q.workstationName().length()
                    + " UTF-16 units; at most " + (KmsRequest.NAME_UNITS - 1) + " fit with the NUL");
        }
        WireWriter w = new WireWriter(BASE_SIZE).u32(q.version().wireValue()).u32(q.vmInfo())
                .u32(q.licenseStatus()).u32(q.bindingExpiration()).guid(q.appId()).guid(q.skuId())
                .guid(q.kmsId()).guid(q.cmid()).u32(q.requiredClientCount()).u64(q.clientTime())
                .guid(q.previousCmid());
        Utf16.write(w, q.workstationName());
        return w.zeros(BASE_SIZE - w.position()).toArray();
    }

    static Rijndael cipher(ProtocolVersion version) {
        return version == ProtocolVersion.V6 ? Rijndael.V6 : Rijndael.V5;
    }

    static long u32(byte[] b, int off) {
        return (b[off] & 0xFFL) | (b[off + 1] & 0xFFL) << 8 | (b[off + 2] & 0xFFL) << 16 | (b[off + 3] & 0xFFL) << 24;
    }
}
