package io.jkms.catalog;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * One KMS client product (a VOLUME_KMSCLIENT SKU) with everything a host, a client and a user need to know.
 *
 * @param name                 display name
 * @param aliases              other names it goes by (e.g. "Windows 11 Pro" for "Windows 10/11 Pro")
 * @param family               Windows client, Windows Server or Office
 * @param release              the release line ("Windows 8.1", "Windows Server 2019", "Office LTSC 2024", …)
 * @param editionIds           the EditionIDs (Windows) or Office product IDs it installs as; may be empty
 * @param gvlk                 the public KMS client setup key
 * @param skuId                the SKU (activation) ID; empty where no public source gives it
 * @param kmsGroup             the KMS counted ID it is counted under (application, N policy, protocol, CSVLK)
 * @param csvlk                the CSVLK a host answers this product with
 * @param maxActivationDays    the longest KMS activation the client licence allows (180, 45 or 30 days)
 * @param kmsActivatable       whether KMS can activate it at all
 * @param notActivatableReason why not, when it cannot
 * @param preview              a pre-release / preview product
 * @param retail               a retail-channel product
 * @param sources              keys of {@link Catalog#sources()} the facts come from
 * @param notes                corrections and caveats
 */
public record Product(String name, List<String> aliases, Family family, String release, List<String> editionIds,
                      String gvlk, Optional<UUID> skuId, KmsGroup kmsGroup, Csvlk csvlk, int maxActivationDays,
                      boolean kmsActivatable, Optional<String> notActivatableReason, boolean preview, boolean retail,
                      List<String> sources, List<String> notes) {
    public Product {
        Objects.requireNonNull(name, "name");
        aliases = List.copyOf(aliases);
        Objects.requireNonNull(family, "family");
        Objects.requireNonNull(release, "release");
        editionIds = List.copyOf(editionIds);
        Objects.requireNonNull(gvlk, "gvlk");
        Objects.requireNonNull(skuId, "skuId");
        Objects.requireNonNull(kmsGroup, "kmsGroup");
        Objects.requireNonNull(csvlk, "csvlk");
        Objects.requireNonNull(notActivatableReason, "notActivatableReason");
        sources = List.copyOf(sources);
        notes = List.copyOf(notes);
        if (kmsActivatable == notActivatableReason.isPresent()) {
            throw new IllegalArgumentException(name + ": a reason is required exactly when KMS cannot activate it");
        }
    }

    public UUID kmsId() {
        return kmsGroup.kmsId();
    }

    public UUID appId() {
        return kmsGroup.appId();
    }

    /** The client's N policy (25 for Windows clients, 5 otherwise). */
    public int requiredClientCount() {
        return kmsGroup.requiredClientCount();
    }

    /** KMS protocol major version the client uses (4, 5 or 6). */
    public int protocolVersion() {
        return kmsGroup.protocolVersion();
    }

    /** Every name the product goes by, display name first. */
    public List<String> names() {
        return java.util.stream.Stream.concat(java.util.stream.Stream.of(name), aliases.stream()).toList();
    }
}
