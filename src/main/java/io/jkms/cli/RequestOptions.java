package io.jkms.cli;

import io.jkms.catalog.Catalog;
import io.jkms.catalog.Csvlk;
import io.jkms.catalog.KmsGroup;
import io.jkms.catalog.Product;
import io.jkms.client.ActivationPlan;
import io.jkms.client.RequestTemplate;
import io.jkms.protocol.ProtocolVersion;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import picocli.CommandLine.Option;

/** The options that say what {@code jkms activate} asks for, and their resolution against the catalog. */
final class RequestOptions {
    static final String DEFAULT_PRODUCT = "Windows 11 Pro";
    private static final UUID NIL = new UUID(0, 0);

    @Option(names = {"-p", "--product"}, paramLabel = "X", description = "a catalog product: name, alias, EditionID, "
            + "GVLK, SKU ID or KMS ID (see jkms products); repeatable; 'all' for every KMS-activatable product "
            + "(default: " + DEFAULT_PRODUCT + " unless --kms-id is given)")
    List<String> products = new ArrayList<>();

    @Option(names = "--app-id", paramLabel = "GUID", description = "application ID (overrides the product's)")
    String appId;

    @Option(names = "--sku-id", paramLabel = "GUID", description = "SKU (activation) ID (overrides the product's)")
    String skuId;

    @Option(names = "--kms-id", paramLabel = "GUID", description = "KMS counted ID (overrides the product's)")
    String kmsId;

    @Option(names = "--protocol", paramLabel = "4|5|6", description = "KMS protocol version (default: the product's)")
    Integer protocol;

    @Option(names = "--n-policy", paramLabel = "N", description = "required client count sent and checked "
            + "(default: the product's, 25 or 5)")
    Integer nPolicy;

    @Option(names = "--cmid", paramLabel = "GUID", description = "client machine ID (default: random per request)")
    String cmid;

    @Option(names = "--previous-cmid", paramLabel = "GUID", description = "previous client machine ID (default: nil)")
    String previousCmid;

    @Option(names = "--workstation", paramLabel = "NAME", description = "workstation name (default: random "
            + "DESKTOP-XXXXXXX per request)")
    String workstation;

    @Option(names = "--license-status", paramLabel = "0..6", defaultValue = "2", description = "licence status "
            + "(default: ${DEFAULT-VALUE}, grace period as after installing a GVLK)")
    long licenseStatus;

    @Option(names = "--binding-expiration", paramLabel = "MIN", defaultValue = "43200",
            description = "minutes left in that status (default: ${DEFAULT-VALUE})")
    long bindingExpiration;

    @Option(names = "--vm", description = "say the client is a virtual machine")
    boolean vm;

    List<ActivationTarget> targets(Catalog catalog, int count, boolean newConnection, boolean strict)
            throws ActivateCommand.UsageException {
        List<ActivationTarget> targets = new ArrayList<>();
        if (products.isEmpty() && kmsId != null) {
            targets.add(explicit(catalog, count, newConnection, strict));
            return targets;
        }
        List<String> queries = products.isEmpty() ? List.of(DEFAULT_PRODUCT) : products;
        for (String query : queries) {
            if (query.equalsIgnoreCase("all")) {
                for (Product p : catalog.products()) {
                    if (p.kmsActivatable()) {
                        targets.add(forProduct(catalog, p, count, newConnection, strict));
                    }
                }
            } else {
                targets.add(forProduct(catalog, ProductChoice.choose(catalog, query), count, newConnection, strict));
            }
        }
        return targets;
    }

    private ActivationTarget forProduct(Catalog catalog, Product p, int count, boolean newConnection,
                                        boolean strict) throws ActivateCommand.UsageException {
        List<String> notes = new ArrayList<>();
        if (!p.kmsActivatable()) {
            notes.add("the catalog says KMS cannot activate it: " + p.notActivatableReason().orElse(""));
        }
        UUID kms = kmsId == null ? p.kmsId() : ActivateCommand.uuid(kmsId, "--kms-id");
        UUID sku = skuId != null ? ActivateCommand.uuid(skuId, "--sku-id") : p.skuId().orElse(NIL);
        if (skuId == null && p.skuId().isEmpty()) {
            notes.add("the catalog has no SKU ID for it; sending the nil GUID (hosts do not check it)");
        }
        UUID app = appId == null ? p.appId() : ActivateCommand.uuid(appId, "--app-id");
        Optional<Csvlk> csvlk = kmsId == null ? Optional.of(p.csvlk()) : expectedCsvlk(catalog, kms);
        return new ActivationTarget(p.name(), Optional.of(p), plan(app, sku, kms, p.protocolVersion(),
                p.requiredClientCount(), csvlk, count, newConnection, strict), notes);
    }

    private ActivationTarget explicit(Catalog catalog, int count, boolean newConnection, boolean strict)
            throws ActivateCommand.UsageException {
        UUID kms = ActivateCommand.uuid(kmsId, "--kms-id");
        Optional<KmsGroup> group = catalog.kmsGroup(kms);
        UUID app = appId != null ? ActivateCommand.uuid(appId, "--app-id")
                : group.map(KmsGroup::appId).orElse(Catalog.WINDOWS_APP);
        UUID sku = skuId != null ? ActivateCommand.uuid(skuId, "--sku-id")
                : catalog.productsOf(kms).stream().flatMap(p -> p.skuId().stream()).findFirst().orElse(NIL);
        int version = group.map(KmsGroup::protocolVersion).orElse(6);
        int n = group.map(KmsGroup::requiredClientCount).orElse(app.equals(Catalog.WINDOWS_APP) ? 25 : 5);
        String label = group.map(KmsGroup::name).orElse("KMS ID " + kms);
        List<String> notes = group.isPresent() ? List.of()
                : List.of("KMS ID unknown to the catalog: the ePID's CSVLK group is not checked");
        return new ActivationTarget(label, Optional.empty(), plan(app, sku, kms, version, n,
                expectedCsvlk(catalog, kms), count, newConnection, strict), notes);
    }

    private static Optional<Csvlk> expectedCsvlk(Catalog catalog, UUID kms) {
        return catalog.kmsGroup(kms).flatMap(g -> catalog.csvlk(g.csvlkId()));
    }

    private ActivationPlan plan(UUID app, UUID sku, UUID kms, int productVersion, int productN, Optional<Csvlk> csvlk,
                                int count, boolean newConnection, boolean strict)
            throws ActivateCommand.UsageException {
        int version = protocol == null ? productVersion : protocol;
        if (version < 4 || version > 6) {
            throw new ActivateCommand.UsageException("--protocol must be 4, 5 or 6: " + version);
        }
        if (licenseStatus < 0 || licenseStatus > 0xFFFF_FFFFL || bindingExpiration < 0
                || bindingExpiration > 0xFFFF_FFFFL || (nPolicy != null && (nPolicy < 0 || nPolicy > 1000))) {
            throw new ActivateCommand.UsageException("--license-status and --binding-expiration must be unsigned "
                    + "32-bit values, --n-policy 0..1000");
        }
        if (workstation != null && (workstation.length() > 63 || workstation.indexOf('\0') >= 0)) {
            throw new ActivateCommand.UsageException("--workstation must be at most 63 characters");
        }
        RequestTemplate template = new RequestTemplate(ProtocolVersion.values()[version - 4], app, sku, kms,
                nPolicy == null ? productN : nPolicy, licenseStatus, vm, bindingExpiration,
                cmid == null ? Optional.empty() : Optional.of(ActivateCommand.uuid(cmid, "--cmid")),
                Optional.ofNullable(workstation),
                previousCmid == null ? NIL : ActivateCommand.uuid(previousCmid, "--previous-cmid"));
        return new ActivationPlan(template, csvlk, count, newConnection, strict);
    }
}
