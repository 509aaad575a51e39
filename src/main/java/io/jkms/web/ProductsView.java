package io.jkms.web;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jkms.catalog.Catalog;
import io.jkms.catalog.Family;
import io.jkms.catalog.Product;
import java.util.List;
import java.util.Optional;

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

    String json(ProductsParams params) {
        ObjectNode n = Views.JSON.createObjectNode();
        if (hostPort.isPresent()) {
            n.put("kmsHost", hostPort.get());
        } else {
            n.putNull("kmsHost").put("scriptsNeed", NEEDS_NAME);
        }
        ArrayNode rows = n.putArray("products");
        for (Product p : params.filter(catalog.products())) {
            ObjectNode row = rows.addObject();
            row.put("name", p.name()).put("family", p.family().label()).put("release", p.release())
                    .put("gvlk", p.gvlk()).put("kmsActivatable", p.kmsActivatable());
            p.skuId().ifPresent(s -> row.put("skuId", s.toString()));
            row.put("kmsId", p.kmsId().toString());
            if (p.kmsActivatable() && hostPort.isPresent()) {
                row.put("command", scriptCommand(p, hostPort.get())).put("script", scripts.activate(p, hostPort.get()));
            }
        }
        return Views.write(n);
    }

    String html(ProductsParams params) {
        List<Product> products = params.filter(catalog.products());
        StringBuilder b = new StringBuilder(64 * 1024);
        b.append("<h1>Products</h1>").append(hostPort.map(h -> "<p>Commands for this host: <code id=\"kms-host\">"
                        + Html.esc(h) + "</code>. Run a script from an elevated command prompt.</p>")
                        .orElse("<p class=\"bad\" id=\"scripts-need-name\">" + Html.esc(NEEDS_NAME) + "</p>"))
                .append("<form class=\"search\" method=\"get\" action=\"/products\">")
                .append("<input type=\"search\" name=\"q\" id=\"product-filter\" maxlength=\"")
                .append(ProductsParams.MAX_SEARCH)
                .append("\" placeholder=\"name, release, EditionID or GVLK\" value=\"")
                .append(Html.esc(params.search())).append("\"><select name=\"family\" id=\"family\">")
                .append(option("all", "All families", params.family().isEmpty()));
        for (Family f : Family.values()) {
            b.append(option(f.label(), f.displayName(), params.family().filter(f::equals).isPresent()));
        }
        b.append("</select><button type=\"submit\">Filter</button></form><p class=\"muted\" id=\"product-count\">")
                .append(products.size()).append(" of ").append(catalog.products().size()).append("</p>")
                .append("<table id=\"products\"><thead><tr><th>Product</th><th>Family</th><th>GVLK</th>")
                .append("<th>Commands</th></tr></thead><tbody>");
        // Every product is in the page, those the filter leaves out hidden: the script can then widen the filter
        // as well as narrow it without a reload.
        java.util.Set<Product> shown = new java.util.HashSet<>(products);
        for (Product p : catalog.products()) {
            b.append(shown.contains(p) ? "<tr" : "<tr hidden").append(" data-search=\"")
                    .append(Html.esc(ProductsParams.haystack(p))).append("\" data-family=\"")
                    .append(p.family().label()).append("\"><td>").append(Html.esc(p.name()))
                    .append("<div class=\"muted\">").append(Html.esc(p.release())).append("</div></td><td>")
                    .append(Html.esc(p.family().displayName())).append("</td><td>")
                    .append(copyable(p.gvlk()).replace("<code>", "<code class=\"gvlk\">"))
                    .append("</td><td>");
            if (p.kmsActivatable() && hostPort.isPresent()) {
                b.append(copyable(scriptCommand(p, hostPort.get()))).append("<details><summary>activate.cmd</summary>")
                        .append(copyableBlock(scripts.activate(p, hostPort.get()))).append("</details>");
            } else if (p.kmsActivatable()) {
                b.append("<span class=\"muted\">needs --public-name</span>");
            } else {
                b.append("<span class=\"muted\">KMS cannot activate it: ")
                        .append(Html.esc(p.notActivatableReason().orElse(""))).append("</span>");
            }
            b.append("</td></tr>");
        }
        b.append("</tbody></table><p><a href=\"").append(Html.esc(Html.url("/api/products", "q", params.search(),
                "family", params.family().map(Family::label).orElse("")))).append("\">JSON</a></p>");
        return Html.page("Products", "/products", b.toString());
    }

    private static String option(String value, String label, boolean selected) {
        return "<option value=\"" + value + "\"" + (selected ? " selected" : "") + ">" + label + "</option>";
    }

    private static String copyable(String text) {
        return "<span class=\"copy\"><code>" + Html.esc(text) + "</code><button type=\"button\" class=\"copy-button\""
                + " title=\"Copy\">Copy</button></span>";
    }

    private static String copyableBlock(String text) {
        return "<div class=\"copy\"><pre><code>" + Html.esc(text.replace("\r\n", "\n")) + "</code></pre>"
                + "<button type=\"button\" class=\"copy-button\" title=\"Copy\">Copy</button></div>";
    }
}
