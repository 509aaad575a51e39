package io.jkms.catalog;

import java.math.BigInteger;
import java.util.Locale;

/**
 * Offline checks of 25-character product keys. Decodes keys of the 2009 format (exactly one {@code N}: its
 * position is the most significant base-24 digit) and verifies their 10-bit checksum; older keys (no {@code N})
 * are only checked for form. Decoding only: there is no key generation here, nor anywhere in jkms.
 */
public final class ProductKeys {
    /** The 24 key characters; {@code N} marks the 2009 format and is not a digit. */
    static final String ALPHABET = "BCDFGHJKMPQRTVWXY2346789";
    private static final BigInteger BASE = BigInteger.valueOf(24);
    private static final int CHECKSUM_SHIFT = 103;
    private static final BigInteger CHECKSUM_MASK = BigInteger.valueOf(0x3FF).shiftLeft(CHECKSUM_SHIFT);
    private static final int MAX_INPUT = 64;

    private ProductKeys() {
    }

    /** Upper-cases, trims and checks the shape {@code XXXXX-XXXXX-XXXXX-XXXXX-XXXXX} (dashes optional). */
    public static String canonical(String input) throws InvalidKeyException {
        if (input == null) {
            throw new InvalidKeyException("no key");
        }
        if (input.length() > MAX_INPUT) {
            throw new InvalidKeyException("too long for a product key (" + input.length() + " characters)");
        }
        String compact = input.trim().toUpperCase(Locale.ROOT).replace("-", "");
        if (compact.length() != 25) {
            throw new InvalidKeyException("a product key has 25 characters, this has " + compact.length());
        }
        for (int i = 0; i < compact.length(); i++) {
            char c = compact.charAt(i);
            if (c != 'N' && ALPHABET.indexOf(c) < 0) {
                throw new InvalidKeyException("character '" + c + "' at position " + (i + 1)
                        + " is not a product-key character (" + ALPHABET + " and N)");
            }
        }
        String dashed = String.join("-", compact.substring(0, 5), compact.substring(5, 10),
                compact.substring(10, 15), compact.substring(15, 20), compact.substring(20));
        String trimmed = input.trim().toUpperCase(Locale.ROOT);
        if (trimmed.contains("-") && !trimmed.equals(dashed)) {
            throw new InvalidKeyException("dashes must separate five groups of five characters");
        }
        return dashed;
    }

    /** Whether a well-formed key is of the 2009 format (contains an {@code N}). */
    public static boolean is2009Format(String canonicalKey) {
        return canonicalKey.indexOf('N') >= 0;
    }

    /** Decodes a 2009-format key and verifies its checksum. */
    public static DecodedKey decode(String input) throws InvalidKeyException {
        String key = canonical(input);
        String compact = key.replace("-", "");
        int n = compact.indexOf('N');
        if (n < 0) {
            throw new InvalidKeyException("no 'N': not a 2009-format key (older keys carry no checksum to verify)");
        }
        if (compact.indexOf('N', n + 1) >= 0) {
            throw new InvalidKeyException("more than one 'N': a 2009-format key has exactly one");
        }
        BigInteger value = BigInteger.valueOf(n);
        for (int i = 0; i < compact.length(); i++) {
            if (i != n) {
                value = value.multiply(BASE).add(BigInteger.valueOf(ALPHABET.indexOf(compact.charAt(i))));
            }
        }
        if (value.bitLength() > 115) {
            throw new InvalidKeyException("value out of range for a 2009-format key");
        }
        int checksum = value.shiftRight(CHECKSUM_SHIFT).intValue() & 0x3FF;
        int expected = checksumOf(value.andNot(CHECKSUM_MASK));
        if (checksum != expected) {
            throw new InvalidKeyException("checksum mismatch: the key carries " + checksum + ", its contents give "
                    + expected + " (a mistyped or transposed character)");
        }
        return new DecodedKey(key, value.intValue() & 0xFFFFF, value.shiftRight(20).longValue() & 0x3FFFFFFFL,
                value.shiftRight(50).longValue() & ((1L << 53) - 1), checksum, value.testBit(113));
    }

    /** CRC-32/MPEG-2 of the 16 little-endian bytes of the key value, inverted, lowest 10 bits. */
    private static int checksumOf(BigInteger value) {
        byte[] big = value.toByteArray();
        byte[] little = new byte[16];
        for (int i = 0; i < little.length && i < big.length; i++) {
            little[i] = big[big.length - 1 - i];
        }
        int crc = 0xFFFFFFFF;
        for (byte b : little) {
            crc ^= (b & 0xFF) << 24;
            for (int bit = 0; bit < 8; bit++) {
                crc = (crc & 0x80000000) != 0 ? (crc << 1) ^ 0x04C11DB7 : crc << 1;
            }
        }
        return ~crc & 0x3FF;
    }
}
