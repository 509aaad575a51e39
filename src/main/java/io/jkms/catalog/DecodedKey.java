package io.jkms.catalog;

/**
 * The fields of a 2009-format (single {@code N}) product key, as laid out in its 128-bit value:
 * bits 0–19 group ID, 20–49 serial, 50–102 security value, 103–112 checksum, 113 upgrade flag.
 *
 * @param key      the key in canonical form (upper case, dashes)
 * @param groupId  the key group (the product's pkeyconfig group, not the ePID's CSVLK group)
 * @param serial   the key's serial number within the group
 * @param security the 53-bit security value
 * @param checksum the 10-bit checksum, already verified
 * @param upgrade  the upgrade flag
 */
public record DecodedKey(String key, int groupId, long serial, long security, int checksum, boolean upgrade) {
}
