package io.jkms.catalog;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A KMS host key (CSVLK) as far as the ePID is concerned: the group ID and key-ID range a genuine host with this
 * key answers with (spec 6.3).
 *
 * @param id          stable name ({@code Windows}, {@code Office2016}, {@code Server2025}, …), also vlmcsd's ini name
 * @param displayName what it is called in logs
 * @param groupId     the ePID's GGGGG part
 * @param minKeyId    lowest key ID of the range, inclusive
 * @param maxKeyId    highest key ID of the range, inclusive
 * @param releaseDate when the CSVLK was released (the earliest date an ePID of it may carry)
 * @param source      where these facts come from
 */
public record Csvlk(String id, String displayName, int groupId, long minKeyId, long maxKeyId, LocalDate releaseDate,
                    String source) {
    public Csvlk {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(releaseDate, "releaseDate");
        Objects.requireNonNull(source, "source");
        if (groupId < 0 || groupId > 99_999) {
            throw new IllegalArgumentException("groupId out of range: " + groupId);
        }
        if (minKeyId < 0 || maxKeyId > 999_999_999L || minKeyId > maxKeyId) {
            throw new IllegalArgumentException("bad key-ID range " + minKeyId + "–" + maxKeyId);
        }
    }

    public boolean containsKeyId(long keyId) {
        return keyId >= minKeyId && keyId <= maxKeyId;
    }
}
