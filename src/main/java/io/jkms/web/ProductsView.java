package io.jkms.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.jkms.catalog.Catalog;
import io.jkms.catalog.Family;
import io.jkms.catalog.Product;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code /products} and {@code /api/products}: every catalog product with its GVLK and the ready commands of
 * {@code jkms script} for the name clients use ({@link HostStatus#clientHostPort()}), filtered by {@code q} and
 * {@code family}.
 */
final class ProductsView {
    private final Catalog catalog;
    private final ScriptText scripts;
    private final Optional<String> hostPort;

    ProductsView(Catalog catalog, ScriptText scripts, HostStatus host) {
        this.catalog = catalog;
        this.scripts = scripts;
        this.hostPort = host.clientHostPort();
    }

    /** What the page says instead of scripts when the host does not know the name clients use. */
    static final String NEEDS_NAME = "The scripts need the host name clients use to reach this host: start it with "
            + "--public-name HOST[:PORT] (or public-name in the config file, JKMS_PUBLIC_NAME). A loopback or "
            + "wildcard address would point each client at itself.";

    static String scriptCommand(Product p, String hostPort) {
        return "jkms script --host " + hostPort + " --product \"" + p.name() + "\" > activate.cmd";
    }

    /** {@code /api/products}: {@code kmsHost} is null (and {@code scriptsNeed} says why) without a public name. */
    record ProductsJson(String kmsHost, @JsonInclude(JsonInclude.Include.NON_NULL) String scriptsNeed,
                        List<ProductJson> products) {
    }

    record ProductJson(String name, String family, String release, String gvlk, boolean kmsActivatable,
                       @JsonInclude(JsonInclude.Include.NON_NULL) String skuId, String kmsId,
                       @JsonInclude(JsonInclude.Include.NON_NULL) String command,
                       @JsonInclude(JsonInclude.Include.NON_NULL) String script) {
    }

    /**
     * The page: every product is in it, those the filter leaves out hidden, so that the page's script can widen
     * the filter as well as narrow it without a reload.
     */
    record ProductsPage(Optional<String> hostPort, ProductsParams params, List<FamilyOption> families, int shown,
                        int total, List<ProductRow> rows, String json) implements Pages.Page {
        static final String NEEDS_NAME = ProductsView.NEEDS_NAME;
        static final int MAX_SEARCH = ProductsParams.MAX_SEARCH;

        @Override
        public String title() {
            return "Products";
        }

        @Override
        public String nav() {
            return "/products";
        }

        @Override
        public String template() {
            return "products.jte";
        }
    }

    record FamilyOption(String value, String label, boolean selected) {
    }

    /**
     * @param search       what the page's filter searches ({@link ProductsParams#haystack})
     * @param scripts      the command and the script, when KMS can activate it and the host has a public name
     * @param notActivatable why KMS cannot activate it, if it cannot
     */
    record ProductRow(boolean shown, String search, String family, String name, String release, String familyName,
                      String gvlk, Optional<Scripts> scripts, Optional<String> notActivatable) {
    }

    record Scripts(String command, String script) {
        /** The script as the page shows it, in a {@code <pre>}: lines end with LF there. */
        String lines() {
            return script.replace("\r\n", "\n");
        }
    }

    String json(ProductsParams params) {
        List<ProductJson> rows = params.filter(catalog.products()).stream().map(p -> {
            Optional<Scripts> s = scripts(p);
            return new ProductJson(p.name(), p.family().label(), p.release(), p.gvlk(), p.kmsActivatable(),
                    p.skuId().map(Object::toString).orElse(null), p.kmsId().toString(),
                    s.map(Scripts::command).orElse(null), s.map(Scripts::script).orElse(null));
        }).toList();
        return Views.write(new ProductsJson(hostPort.orElse(null), hostPort.isPresent() ? null : NEEDS_NAME, rows));
    }

    ProductsPage page(ProductsParams params) {
        List<Product> products = params.filter(catalog.products());
        List<FamilyOption> families = new ArrayList<>();
        families.add(new FamilyOption("all", "All families", params.family().isEmpty()));
        for (Family f : Family.values()) {
            families.add(new FamilyOption(f.label(), f.displayName(), params.family().filter(f::equals).isPresent()));
        }
        Set<Product> shown = new HashSet<>(products);
        List<ProductRow> rows = catalog.products().stream().map(p -> new ProductRow(shown.contains(p),
                ProductsParams.haystack(p), p.family().label(), p.name(), p.release(), p.family().displayName(),
                p.gvlk(), scripts(p), p.kmsActivatable() ? Optional.empty()
                : Optional.of(p.notActivatableReason().orElse("")))).toList();
        return new ProductsPage(hostPort, params, families, products.size(), catalog.products().size(), rows,
                Html.url("/api/products", "q", params.search(), "family",
                        params.family().map(Family::label).orElse("")));
    }

    private Optional<Scripts> scripts(Product p) {
        return hostPort.filter(h -> p.kmsActivatable())
                .map(h -> new Scripts(scriptCommand(p, h), scripts.activate(p, h)));
    }
}
