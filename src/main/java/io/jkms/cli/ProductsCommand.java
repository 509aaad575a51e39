package io.jkms.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jkms.catalog.Catalog;
import io.jkms.catalog.Family;
import io.jkms.catalog.Product;
import io.jkms.catalog.ProductMatch;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code jkms products}: lists the catalog; {@code jkms products show X} shows one product. */
@Command(name = "products", mixinStandardHelpOptions = true,
        description = "List the products jkms knows (Windows client, Windows Server, Office).",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:listed", "2:bad arguments (unknown family)",
            ProductChoice.EXIT_NO_MATCH + "; products show only", ProductChoice.EXIT_AMBIGUOUS + "; products show only"},
        subcommands = ProductsCommand.Show.class)
public final class ProductsCommand implements Callable<Integer> {
    static final int USAGE = 2;

    private final Supplier<Catalog> catalog;

    @Spec
    private CommandLine.Model.CommandSpec spec;

    @Option(names = "--family", paramLabel = "F", description = "windows-client, windows-server or office")
    private String family;

    @Option(names = "--json", description = "print JSON instead of a table")
    private boolean json;

    public ProductsCommand() {
        this(Catalog::loadDefault);
    }

    ProductsCommand(Supplier<Catalog> catalog) {
        this.catalog = catalog;
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        Catalog c = catalog.get();
        List<Product> products = c.products();
        if (family != null) {
            var f = Family.parse(family);
            if (f.isEmpty()) {
                spec.commandLine().getErr().println("unknown family '" + family
                        + "': use windows-client, windows-server or office");
                return USAGE;
            }
            products = c.products(f.get());
        }
        if (json) {
            out.println(toJson(products));
        } else {
            products.forEach(p -> out.println(ProductText.line(p)));
            out.println(products.size() + " products");
        }
        out.flush();
        return 0;
    }

    static String toJson(List<Product> products) throws Exception {
        ObjectMapper m = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ArrayNode arr = m.createArrayNode();
        for (Product p : products) {
            ObjectNode o = arr.addObject();
            o.put("name", p.name());
            o.putPOJO("aliases", p.aliases());
            o.put("family", p.family().label());
            o.put("release", p.release());
            o.putPOJO("editionIds", p.editionIds());
            o.put("gvlk", p.gvlk());
            o.put("appId", p.appId().toString());
            p.skuId().ifPresent(s -> o.put("skuId", s.toString()));
            o.put("kmsId", p.kmsId().toString());
            o.put("requiredClientCount", p.requiredClientCount());
            o.put("protocolVersion", p.protocolVersion());
            o.put("csvlk", p.csvlk().id());
            o.put("csvlkGroupId", p.csvlk().groupId());
            o.put("kmsActivatable", p.kmsActivatable());
            p.notActivatableReason().ifPresent(r -> o.put("notActivatableReason", r));
            o.put("maxActivationDays", p.maxActivationDays());
            o.put("preview", p.preview());
            o.put("retail", p.retail());
        }
        return m.writeValueAsString(arr);
    }

    /** {@code jkms products show X}. */
    @Command(name = "show", mixinStandardHelpOptions = true,
            description = "Show a product found by name (case-insensitive, partial), EditionID, GVLK, SKU ID or KMS ID.",
            exitCodeListHeading = "%nExit codes:%n",
            exitCodeList = {"0:shown (one product, edition or retail product; with an EditionID, its newest release "
                + "and the older ones)", ProductChoice.EXIT_NO_MATCH, ProductChoice.EXIT_AMBIGUOUS})
    static final class Show implements Callable<Integer> {
        @CommandLine.ParentCommand
        private ProductsCommand parent;

        @Spec
        private CommandLine.Model.CommandSpec spec;

        @Parameters(paramLabel = "X", description = "name, EditionID, GVLK, SKU ID or KMS ID")
        private String query;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            Catalog c = parent.catalog.get();
            ProductMatch m = c.resolve(query);
            try {
                switch (m.kind()) {
                    case PRODUCT -> product(out, c, m.products());
                    case UNSUPPORTED -> ProductText.unsupported(out, m.unsupported().get(0));
                    case CONVERSION -> ProductText.conversion(out, c, m.conversions().get(0));
                    case AMBIGUOUS -> {
                        out.println(ProductChoice.heading(query, m.candidateNames().size()));
                        m.products().forEach(p -> out.println("  " + ProductText.line(p)));
                        m.unsupported().forEach(u -> out.println("  " + u.name() + "  (KMS cannot activate it)"));
                        m.conversions().forEach(cv -> out.println("  " + cv.retailName() + "  (retail)"));
                        return ProductChoice.AMBIGUOUS;
                    }
                    case NONE -> {
                        spec.commandLine().getErr().println("no product matches '" + query + "'");
                        return ProductChoice.NO_MATCH;
                    }
                }
                return 0;
            } finally {
                out.flush();
            }
        }

        private void product(PrintWriter out, Catalog c, List<Product> hits) {
            ProductText.details(out, c, hits.get(0));
            if (hits.size() > 1) {
                out.println();
                out.println("Other releases with EditionID " + query + ":");
                hits.subList(1, hits.size()).forEach(p -> out.println("  " + ProductText.line(p)));
            }
        }
    }
}
