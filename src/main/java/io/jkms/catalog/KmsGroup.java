package io.jkms.catalog;

import java.util.Objects;
import java.util.UUID;

/**
 * A KMS counted ID: the group of products a KMS host counts together and answers with one CSVLK's ePID.
 *
 * @param kmsId               the KMS counted ID a client sends
 * @param name                display name for logs
 * @param appId               the application the group belongs to
 * @param requiredClientCount the client's N policy: 25 for Windows clients, 5 for servers and Office
 * @param protocolVersion     the KMS protocol major version these clients use: 4, 5 or 6
 * @param csvlkId             the CSVLK whose ePID a host answers with
 * @param retail              a retail group: a genuine host never activates it
 * @param preview             a beta / pre-release group
 * @param source              where these facts come from
 */
public record KmsGroup(UUID kmsId, String name, UUID appId, int requiredClientCount, int protocolVersion,
                       String csvlkId, boolean retail, boolean preview, String source) {
    public KmsGroup {
        Objects.requireNonNull(kmsId, "kmsId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(appId, "appId");
        Objects.requireNonNull(csvlkId, "csvlkId");
        Objects.requireNonNull(source, "source");
        if (requiredClientCount != 5 && requiredClientCount != 25) {
            throw new IllegalArgumentException("N policy must be 5 or 25: " + requiredClientCount);
        }
        if (protocolVersion < 4 || protocolVersion > 6) {
            throw new IllegalArgumentException("protocol version must be 4, 5 or 6: " + protocolVersion);
        }
    }
}
