package io.jkms.web;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jkms.registry.ClientSummary;
import io.jkms.registry.RegistryReader;
import io.jkms.registry.RegistryReader.ClientDetail;
import io.jkms.registry.RegistryReader.Page;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/** {@code /clients}, {@code /clients/<cmid>} and their JSON: search, sort, pages, and one machine's history. */
final class ClientsView {
    static final int HISTORY = 100;
    private static final Pattern UUID_TEXT = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final String[][] COLUMNS = {{"workstation", "Workstation"}, {"product", "Product"},
        {"address", "Address"}, {"requests", "Requests"}, {"firstSeen", "First seen"}, {"lastSeen", "Last seen"}};

    private final RegistryReader registry;
    private final Views views;

    ClientsView(RegistryReader registry, Views views) {
        this.registry = registry;
        this.views = views;
    }

    /** A CMID from the path: exactly a UUID in its canonical text form, else 400. */
    static UUID cmid(String text) {
        if (!UUID_TEXT.matcher(text).matches()) {
            throw new BadRequestException("a client machine ID is a UUID like 01234567-89ab-cdef-0123-456789abcdef");
        }
        return UUID.fromString(text);
    }

    static long pages(Page<?> page) {
        return Math.max(1, (page.total() + page.size() - 1) / page.size());
    }

    String json(ClientsParams params) {
        Page<ClientSummary> page = registry.clients(params.toQuery());
        ObjectNode n = Views.JSON.createObjectNode();
        n.put("total", page.total()).put("page", params.page()).put("size", params.size())
                .put("pages", pages(page)).put("sort", params.sort()).put("dir", params.descending() ? "desc" : "asc")
                .put("q", params.search());
        ArrayNode rows = n.putArray("rows");
        page.rows().forEach(c -> rows.add(views.json(c)));
        return Views.write(n);
    }

    String html(ClientsParams params) {
        Page<ClientSummary> page = registry.clients(params.toQuery());
        StringBuilder b = new StringBuilder(8192);
        b.append("<h1>Clients</h1><form class=\"search\" method=\"get\" action=\"/clients\">")
                .append("<input type=\"search\" name=\"q\" id=\"client-search\" maxlength=\"")
                .append(ClientsParams.MAX_SEARCH).append("\" placeholder=\"workstation, CMID, address or product\" ")
                .append("value=\"").append(Html.esc(params.search())).append("\">")
                .append("<input type=\"hidden\" name=\"sort\" value=\"").append(Html.esc(params.sort())).append("\">")
                .append("<input type=\"hidden\" name=\"dir\" value=\"").append(params.descending() ? "desc" : "asc")
                .append("\"><button type=\"submit\">Search</button></form>")
                .append("<p class=\"muted\">").append(page.total()).append(page.total() == 1 ? " client" : " clients")
                .append(params.search().isEmpty() ? "" : " matching “" + Html.text(params.search()) + "”")
                .append("</p><table id=\"clients\"><thead><tr>");
        for (String[] column : COLUMNS) {
            String mark = column[0].equals(params.sort()) ? (params.descending() ? " ▼" : " ▲") : "";
            b.append("<th><a href=\"").append(Html.esc(params.sortedBy(column[0]).url("/clients"))).append("\">")
                    .append(column[1]).append(mark).append("</a></th>");
        }
        b.append("<th>Licence status</th><th>VM</th><th>Protocol</th><th>Last result</th></tr></thead><tbody>");
        for (ClientSummary c : page.rows()) {
            b.append("<tr><td><a href=\"/clients/").append(c.cmid()).append("\">")
                    .append(Html.text(c.workstation().isEmpty() ? c.cmid().toString() : c.workstation()))
                    .append("</a></td><td>").append(Html.esc(views.product(c.skuId(), c.kmsId()))).append("</td><td>")
                    .append(Html.text(c.clientAddress())).append("</td><td>").append(c.requests()).append("</td><td>")
                    .append(Views.time(c.firstSeen())).append("</td><td>").append(Views.time(c.lastSeen()))
                    .append("</td><td>").append(Html.esc(Views.licenseStatus(c.licenseStatus()))).append("</td><td>")
                    .append(c.virtualMachine() ? "yes" : "no").append("</td><td>V").append(c.protocolMajor())
                    .append("</td><td class=\"").append(c.lastHresult() == 0 ? "ok" : "bad").append("\">")
                    .append(Html.esc(Views.result(c.lastHresult()))).append("</td></tr>");
        }
        b.append("</tbody></table>").append(pager(params, page));
        b.append("<p><a href=\"").append(Html.esc(params.url("/api/clients"))).append("\">JSON</a> · <a id=\"csv\" ")
                .append("href=\"").append(Html.esc(params.withPage(1).url("/api/clients.csv")))
                .append("\">CSV (every matching client)</a></p>");
        return Html.page("Clients", "/clients", b.toString());
    }

    private static String pager(ClientsParams params, Page<?> page) {
        long pages = pages(page);
        StringBuilder b = new StringBuilder("<nav class=\"pager\">");
        if (params.page() > 1) {
            b.append("<a rel=\"prev\" href=\"").append(Html.esc(params.withPage(params.page() - 1).url("/clients")))
                    .append("\">← Previous</a>");
        }
        b.append("<span>Page ").append(params.page()).append(" of ").append(pages).append("</span>");
        if (params.page() < pages) {
            b.append("<a rel=\"next\" href=\"").append(Html.esc(params.withPage(params.page() + 1).url("/clients")))
                    .append("\">Next →</a>");
        }
        return b.append("</nav>").toString();
    }

    Optional<String> detailJson(UUID cmid) {
        return registry.client(cmid, HISTORY).map(d -> {
            ObjectNode n = Views.JSON.createObjectNode();
            n.put("cmid", d.cmid().toString());
            ArrayNode apps = n.putArray("applications");
            d.applications().forEach(c -> apps.add(views.json(c)));
            ArrayNode history = n.putArray("history");
            d.history().forEach(r -> history.add(views.json(r)));
            return Views.write(n);
        });
    }

    Optional<String> detailHtml(UUID cmid) {
        return registry.client(cmid, HISTORY).map(this::detail);
    }

    private String detail(ClientDetail d) {
        ClientSummary first = d.applications().get(0);
        String name = first.workstation().isEmpty() ? d.cmid().toString() : first.workstation();
        StringBuilder b = new StringBuilder(8192);
        b.append("<p><a href=\"/clients\">← All clients</a></p><h1 id=\"client-name\">").append(Html.text(name))
                .append("</h1><dl class=\"facts\"><dt>Client machine ID</dt><dd><code>").append(d.cmid())
                .append("</code></dd><dt>Address</dt><dd>").append(Html.text(first.clientAddress()))
                .append("</dd><dt>Virtual machine</dt><dd>").append(first.virtualMachine() ? "yes" : "no")
                .append("</dd></dl><h2>Applications</h2><table id=\"applications\"><thead><tr><th>Product</th>")
                .append("<th>Family</th><th>Protocol</th><th>Requests</th><th>First seen</th><th>Last seen</th>")
                .append("<th>ePID</th><th>Last result</th></tr></thead><tbody>");
        for (ClientSummary c : d.applications()) {
            b.append("<tr><td>").append(Html.esc(views.product(c.skuId(), c.kmsId()))).append("</td><td>")
                    .append(Html.esc(views.family(c.kmsId()))).append("</td><td>V").append(c.protocolMajor())
                    .append("</td><td>").append(c.requests()).append("</td><td>").append(Views.time(c.firstSeen()))
                    .append("</td><td>").append(Views.time(c.lastSeen())).append("</td><td><code>")
                    .append(Html.esc(c.epid().orElse("—"))).append("</code></td><td class=\"")
                    .append(c.lastHresult() == 0 ? "ok" : "bad").append("\">")
                    .append(Html.esc(Views.result(c.lastHresult()))).append("</td></tr>");
        }
        b.append("</tbody></table><h2>History (newest first)</h2><table id=\"history\">")
                .append(Views.ACTIVATIONS_HEAD).append("<tbody>");
        d.history().forEach(r -> b.append(views.row(r)));
        b.append("</tbody></table><p><a href=\"/api/clients/").append(d.cmid()).append("\">JSON</a></p>");
        return Html.page(name, "/clients", b.toString());
    }
}
