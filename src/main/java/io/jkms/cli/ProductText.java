package io.jkms.cli;

import io.jkms.catalog.Catalog;
import io.jkms.catalog.Product;
import io.jkms.catalog.RetailConversion;
import io.jkms.catalog.UnsupportedEdition;
import java.io.PrintWriter;
import java.util.List;

/** Human-readable rendering of catalog entries for the CLI. */
final class ProductText {
    private ProductText() {
    }

    static String line(Product p) {
        return String.format("%-62s %-15s %s%s", p.name(), p.family().label(), p.gvlk(),
                p.preview() ? "  (preview)" : p.retail() ? "  (retail)" : "");
    }

    static void details(PrintWriter out, Catalog catalog, Product p) {
        out.println(p.name());
        if (!p.aliases().isEmpty()) {
            out.println("  also known as:      " + String.join("; ", p.aliases()));
        }
        out.println("  family:             " + p.family().displayName());
        out.println("  release:            " + p.release());
        out.println("  EditionID:          " + (p.editionIds().isEmpty() ? "(not recorded)" : String.join(", ", p.editionIds())));
        out.println("  GVLK:               " + p.gvlk());
        out.println("  application ID:     " + p.appId() + " (" + catalog.application(p.appId())
                .map(a -> a.name()).orElse("?") + ")");
        out.println("  SKU ID:             " + p.skuId().map(Object::toString).orElse("(unknown: no public source)"));
        out.println("  KMS counted ID:     " + p.kmsId() + " (" + p.kmsGroup().name() + ")");
        out.println("  N policy:           " + p.requiredClientCount() + " clients");
        out.println("  KMS protocol:       " + p.protocolVersion() + ".0");
        out.println("  CSVLK:              " + p.csvlk().id() + ": group " + p.csvlk().groupId() + ", key IDs "
                + p.csvlk().minKeyId() + "–" + p.csvlk().maxKeyId());
        if (p.kmsActivatable()) {
            out.println("  KMS activation:     yes, for at most " + p.maxActivationDays() + " days per renewal");
        } else {
            out.println("  KMS activation:     NO: " + p.notActivatableReason().orElse(""));
        }
        if (p.retail() || p.preview()) {
            out.println("  channel:            " + (p.retail() ? "retail " : "") + (p.preview() ? "preview" : ""));
        }
        for (String n : p.notes()) {
            out.println("  note:               " + n);
        }
        out.println("  sources:            " + String.join(", ", p.sources()));
    }

    static void unsupported(PrintWriter out, UnsupportedEdition u) {
        out.println(u.name());
        out.println("  family:             " + u.family().displayName());
        if (!u.editionIds().isEmpty()) {
            out.println("  EditionID:          " + String.join(", ", u.editionIds()));
        }
        out.println("  KMS activation:     NO: " + u.reason());
        out.println("  sources:            " + String.join(", ", u.sources()));
    }

    static void conversion(PrintWriter out, Catalog catalog, RetailConversion c) {
        out.println(c.retailName() + " (retail)");
        out.println("  product IDs:        " + String.join(", ", c.retailEditionIds()));
        out.println("  KMS activation:     only after conversion to volume licences: " + c.targetEdition());
        out.println("  note:               " + c.note());
        List<Product> targets = catalog.conversionTargets(c);
        for (Product t : targets) {
            out.println("  → " + t.release() + ": " + t.name() + "  " + t.gvlk());
        }
    }
}
