package io.jkms.protocol;

import io.jkms.wire.Bytes;
import io.jkms.wire.WireReader;
import java.util.Arrays;
import java.util.UUID;

/**
 * The client-side checks of spec 5.3 (those of vlmcs), made failures rather than warnings, plus two of our
 * own: the response size must match PIDSize exactly, and the ePID must be printable ASCII. The latter
 * matters for V5, whose hash covers only R: without it a corrupted ciphertext block inside the ePID would
 * go unnoticed.
 */
final class KmsResponseVerifier {
    private static final int MAX_PID_SIZE = 128;
    private static final int MIN_PID_SIZE = 4;

    private KmsResponseVerifier() {
    }

    static KmsResponse verify(byte[] m, EncodedRequest sent) {
        ProtocolVersion version = sent.request().version();
        if (m.length < 8) {
            throw fail("size", "at least 8 bytes", m.length + " bytes");
        }
        checkVersion("version", KmsRequestCodec.u32(m, 0), version);
        return version == ProtocolVersion.V4 ? verifyV4(m, sent) : verifyAes(version, m, sent);
    }

    private static KmsResponse verifyV4(byte[] m, EncodedRequest sent) {
        int pidSize = pidSize(m, 4);
        int expected = KmsResponseCodec.BASE_FIXED + pidSize + 16;
        if (m.length != expected) {
            throw fail("size", expected + " bytes for PIDSize " + pidSize, m.length + " bytes");
        }
        int baseLength = expected - 16;
        byte[] mac = KmsCrypto.v4Mac(m, 0, baseLength);
        if (!Arrays.equals(mac, 0, 16, m, baseLength, expected)) {
            throw fail("MAC", hex(mac), hex(Arrays.copyOfRange(m, baseLength, expected)));
        }
        return readBase(m, pidSize, sent, Bytes.EMPTY);
    }

    private static KmsResponse verifyAes(ProtocolVersion version, byte[] m, EncodedRequest sent) {
        int cipherLength = m.length - 20;
        if (cipherLength < 16 || cipherLength % 16 != 0) {
            throw fail("size", "20 + a positive multiple of 16 bytes", m.length + " bytes");
        }
        byte[] iv = Arrays.copyOfRange(m, 4, 20);
        Bytes ivc = sent.requestIv();
        if (version == ProtocolVersion.V5 && !ivc.equals(Bytes.of(iv))) {
            throw fail("IV", "the request IV " + ivc.hex(), hex(iv));
        }
        // A V6 answer under the request's IV (V5's rule) decrypts and verifies: Windows accepts it, the client
        // only warns.
        Rijndael cipher = KmsRequestCodec.cipher(version);
        byte[] p = KmsCrypto.cbcDecrypt(cipher, iv, m, 20, cipherLength);
        int pad = KmsCrypto.pkcs7PadLength(p);
        if (pad < 0) {
            throw fail("padding", "PKCS#7 padding", hex(Arrays.copyOfRange(p, p.length - 16, p.length)));
        }
        int plainLength = p.length - pad;
        if (plainLength < 8) {
            throw fail("size", "a plaintext of at least 8 bytes", plainLength + " bytes");
        }
        checkVersion("inner version", KmsRequestCodec.u32(p, 0), version);
        int pidSize = pidSize(p, 4);
        int base = KmsResponseCodec.BASE_FIXED + pidSize;
        int trailer = KmsResponseCodec.HASH_PART + (version == ProtocolVersion.V6 ? KmsResponseCodec.V6_PART : 0);
        int expected = base + trailer;
        if (plainLength != expected) {
            throw fail("size", 20 + expected + " bytes before padding for PIDSize " + pidSize,
                    20 + plainLength + " bytes");
        }
        Bytes hwid = version == ProtocolVersion.V6 ? Bytes.of(p, base + KmsResponseCodec.HASH_PART, 8) : Bytes.EMPTY;
        KmsResponse response = readBase(p, pidSize, sent, hwid);
        byte[] dc = sent.decryptedRequestIv().toArray();
        checkHash(p, base, dc);
        if (version == ProtocolVersion.V6) {
            checkV6Trailer(p, base + KmsResponseCodec.HASH_PART + 8, dc, iv, response.clientTime());
        }
        return response;
    }

    private static void checkHash(byte[] p, int off, byte[] dc) {
        byte[] r = new byte[16];
        for (int i = 0; i < 16; i++) {
            r[i] = (byte) (p[off + i] ^ dc[i]);
        }
        byte[] hash = KmsCrypto.sha256(r);
        if (!Arrays.equals(hash, 0, 32, p, off + 16, off + 48)) {
            throw fail("hash", hex(hash), hex(Arrays.copyOfRange(p, off + 16, off + 48)));
        }
    }

    /** XoredIVs = Dc and the HMAC, with vlmcs' tolerance of ±C1 on the slot value. */
    private static void checkV6Trailer(byte[] p, int off, byte[] dc, byte[] iv, long clientTime) {
        if (!Arrays.equals(dc, 0, 16, p, off, off + 16)) {
            throw fail("XoredIVs", hex(dc), hex(Arrays.copyOfRange(p, off, off + 16)));
        }
        int macOff = off + 16;
        byte[] ds = KmsCrypto.decryptOne(Rijndael.V6, iv);
        long slot = KmsCrypto.timeSlot(clientTime);
        byte[] exact = null;
        for (long t : new long[] {0, -1, 1}) {
            byte[] hmac = KmsCrypto.v6Hmac(slot + t * KmsCrypto.C1, ds, p, 0, macOff);
            if (Arrays.equals(hmac, 0, 16, p, macOff, macOff + 16)) {
                return;
            }
            exact = exact == null ? hmac : exact;
        }
        throw fail("HMAC", hex(exact), hex(Arrays.copyOfRange(p, macOff, macOff + 16)));
    }

    /** PIDSize: even, 4..128 bytes (one character and the NUL at least). */
    private static int pidSize(byte[] p, int off) {
        long pidSize = KmsRequestCodec.u32(p, off);
        if (pidSize < MIN_PID_SIZE || pidSize > MAX_PID_SIZE || pidSize % 2 != 0) {
            throw fail("PIDSize", "an even byte count from " + MIN_PID_SIZE + " to " + MAX_PID_SIZE,
                    Long.toString(pidSize));
        }
        return (int) pidSize;
    }

    /** The base response at {@code p[0..]}, whose size the caller has checked; runs the echo checks. */
    private static KmsResponse readBase(byte[] p, int pidSize, EncodedRequest sent, Bytes hwid) {
        String epid = epid(p, 8, pidSize / 2);
        WireReader r = WireReader.of(p, 8 + pidSize, KmsResponseCodec.BASE_FIXED - 8);
        UUID cmid = r.guid("CMID");
        long clientTime = r.u64("ClientTime");
        KmsRequest request = sent.request();
        if (!cmid.equals(request.cmid())) {
            throw fail("CMID", request.cmid().toString(), cmid.toString());
        }
        if (clientTime != request.clientTime()) {
            throw fail("ClientTime", Long.toUnsignedString(request.clientTime()), Long.toUnsignedString(clientTime));
        }
        return new KmsResponse(request.version(), epid, cmid, clientTime, r.u32("Count"),
                r.u32("VLActivationInterval"), r.u32("VLRenewalInterval"), hwid);
    }

    /** The ePID: exactly its last unit NUL, the others printable ASCII. */
    private static String epid(byte[] p, int off, int units) {
        char[] chars = new char[units - 1];
        for (int i = 0; i < units; i++) {
            char c = Utf16.unit(p, off + 2 * i);
            if (i == units - 1) {
                if (c != 0) {
                    throw fail("ePID", "a NUL as its last unit (PIDSize " + 2 * units + ")", unitHex(c));
                }
            } else if (c == 0) {
                throw fail("ePID", "no NUL before unit " + (units - 1), "a NUL at unit " + i);
            } else if (c < 0x20 || c > 0x7E) {
                throw fail("ePID", "printable ASCII", unitHex(c) + " at unit " + i);
            } else {
                chars[i] = c;
            }
        }
        return new String(chars);
    }

    private static void checkVersion(String field, long wire, ProtocolVersion expected) {
        if (wire != expected.wireValue()) {
            throw fail(field, expected.toString(), (wire >>> 16) + "." + (wire & 0xFFFF));
        }
    }

    private static String unitHex(char c) {
        return String.format("U+%04X", (int) c);
    }

    private static String hex(byte[] b) {
        return Bytes.of(b).hex();
    }

    private static ResponseVerificationException fail(String field, String expected, String actual) {
        return new ResponseVerificationException(field, expected, actual);
    }
}
