package io.jkms.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jkms.catalog.Catalog;
import io.jkms.catalog.KmsGroup;
import io.jkms.catalog.Product;
import io.jkms.protocol.Hresult;
import io.jkms.registry.ActivationRecord;
import io.jkms.registry.ClientSummary;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.UUID;

/** Formatting shared by the pages and the JSON API: product names, families, times, results. */
final class Views {
    /** The machine ID of requests that could not be decoded. */
    static final java.util.UUID NIL = new java.util.UUID(0, 0);

    static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);

    private final Catalog catalog;

    Views(Catalog catalog) {
        this.catalog = catalog;
    }

    Catalog catalog() {
        return catalog;
    }

    /** The product by SKU ID, else its KMS group, else the raw SKU ID: never "Unknown". */
    String product(UUID skuId, UUID kmsId) {
        return catalog.product(skuId).map(Product::name).or(() -> catalog.kmsGroup(kmsId).map(KmsGroup::name))
                .orElse(skuId.equals(NIL) ? "(undecodable request)" : "SKU " + skuId);
    }

    /** The family of a KMS ID for display: the family of its products, else the application, else "Other". */
    String family(UUID kmsId) {
        var families = catalog.productsOf(kmsId).stream().map(Product::family).distinct().toList();
        if (families.size() == 1) {
            return families.get(0).displayName();
        }
        return catalog.kmsGroup(kmsId).flatMap(g -> catalog.application(g.appId())).map(a -> a.name())
                .orElse("Other");
    }

    static String time(Instant at) {
        return TIME.format(at);
    }

    static String result(int hresult) {
        return hresult == 0 ? "activated" : Hresult.hex(hresult) + " " + Hresult.name(hresult);
    }

    ObjectNode json(ActivationRecord r) {
        ObjectNode n = JSON.createObjectNode();
        n.put("at", r.at().toString());
        n.put("cmid", r.cmid().toString());
        n.put("workstation", r.workstation());
        n.put("product", product(r.skuId(), r.kmsId()));
        n.put("family", family(r.kmsId()));
        n.put("skuId", r.skuId().toString());
        n.put("kmsId", r.kmsId().toString());
        n.put("protocol", r.protocolMajor());
        n.put("address", r.clientAddress());
        n.put("virtualMachine", r.virtualMachine());
        n.put("activated", r.activated());
        n.put("hresult", Hresult.hex(r.hresult()));
        n.put("result", result(r.hresult()));
        r.epid().ifPresent(e -> n.put("epid", e));
        n.put("tookMicros", r.took().toNanos() / 1000);
        return n;
    }

    ObjectNode json(ClientSummary c) {
        ObjectNode n = JSON.createObjectNode();
        n.put("cmid", c.cmid().toString());
        n.put("appId", c.appId().toString());
        n.put("workstation", c.workstation());
        n.put("product", product(c.skuId(), c.kmsId()));
        n.put("family", family(c.kmsId()));
        n.put("skuId", c.skuId().toString());
        n.put("kmsId", c.kmsId().toString());
        n.put("licenseStatus", c.licenseStatus());
        n.put("virtualMachine", c.virtualMachine());
        n.put("protocol", c.protocolMajor());
        n.put("address", c.clientAddress());
        n.put("firstSeen", c.firstSeen().toString());
        n.put("lastSeen", c.lastSeen().toString());
        n.put("requests", c.requests());
        c.epid().ifPresent(e -> n.put("epid", e));
        n.put("lastResult", result(c.lastHresult()));
        return n;
    }

    /** One row of an activations table (every cell escaped). */
    String row(ActivationRecord r) {
        String who = r.cmid().equals(NIL) ? Html.text(r.workstation())
                : "<a href=\"/clients/" + r.cmid() + "\">" + Html.text(r.workstation().isEmpty() ? r.cmid().toString()
                : r.workstation()) + "</a>";
        return "<tr><td>" + time(r.at()) + "</td><td>" + who + "</td><td>" + Html.esc(product(r.skuId(), r.kmsId()))
                + "</td><td>V" + r.protocolMajor() + "</td><td>" + Html.text(r.clientAddress()) + "</td><td class=\""
                + (r.activated() ? "ok" : "bad") + "\">" + Html.esc(result(r.hresult())) + "</td></tr>";
    }

    private static final String[] LICENSE_STATUS = {"unlicensed", "licensed", "initial grace", "additional grace",
        "non-genuine grace", "notification", "extended grace"};
    /** A licence status as Windows names it (MS-KMS: 0 unlicensed … 6 extended grace), else its number. */
    static String licenseStatus(long status) {
        return status >= 0 && status < LICENSE_STATUS.length ? LICENSE_STATUS[(int) status] : "status " + status;
    }

    /**
     * The page footer: the version, and a logout form when the browser holds a session (the form posts to
     * {@code /logout}, which ends it).
     */
    static String footer(String version, boolean session) {
        return "<footer><span class=\"muted\" id=\"version\">" + Html.esc(version) + "</span>"
                + (session ? "<form method=\"post\" action=\"/logout\" class=\"logout\">"
                        + "<button type=\"submit\">Log out</button></form>" : "")
                + "</footer>";
    }

    /** Puts the footer at the end of a page rendered by {@link Html#page}; other responses pass unchanged. */
    static WebResponse withFooter(WebResponse page, String version, boolean session) {
        if (!page.contentType().equals(WebResponse.HTML) || page.stream().isPresent()) {
            return page;
        }
        String html = page.text();
        int end = html.lastIndexOf("</main></body>");
        if (end < 0) {
            return page;
        }
        String withFooter = html.substring(0, end) + "</main>" + footer(version, session) + html.substring(end + 7);
        WebResponse out = WebResponse.of(page.status(), page.contentType(), withFooter);
        for (var header : page.headers().entrySet()) {
            out = out.withHeader(header.getKey(), header.getValue());
        }
        return out;
    }

    static final String ACTIVATIONS_HEAD = "<thead><tr><th>Time</th><th>Workstation</th><th>Product</th>"
            + "<th>Protocol</th><th>Address</th><th>Result</th></tr></thead>";

    static String write(Object node) {
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(node);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("a tree of plain nodes always serialises", e);
        }
    }
}
