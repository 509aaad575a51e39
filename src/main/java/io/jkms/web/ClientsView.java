package io.jkms.web;

import io.jkms.registry.ClientSummary;
import io.jkms.registry.RegistryReader;
import io.jkms.registry.RegistryReader.ClientDetail;
import io.jkms.registry.RegistryReader.Page;
import java.util.ArrayList;
import java.util.List;
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

    /** {@code /api/clients}. */
    record ClientsJson(long total, int page, int size, long pages, String sort, String dir, String q,
                       List<Views.ClientJson> rows) {
    }

    /** {@code /api/clients/<cmid>}. */
    record ClientDetailJson(String cmid, List<Views.ClientJson> applications, List<Views.ActivationJson> history) {
    }

    /** The clients page: the search form, the sortable columns, one page of clients, the pager, the exports. */
    record ClientsPage(ClientsParams params, long total, List<SortLink> columns, List<ClientRow> rows, Pager pager,
                       String json, String csv) implements Pages.Page {
        static final int MAX_SEARCH = ClientsParams.MAX_SEARCH;

        @Override
        public String title() {
            return "Clients";
        }

        @Override
        public String nav() {
            return "/clients";
        }

        @Override
        public String template() {
            return "clients.jte";
        }
    }

    /** A column heading that sorts by it; {@code mark} shows the current sort (▲ or ▼), else "". */
    record SortLink(String href, String label, String mark) {
    }

    /** @param who the workstation name, else the CMID */
    record ClientRow(String href, String who, String product, String address, long requests, String firstSeen,
                     String lastSeen, String licenseStatus, boolean virtualMachine, int protocol, boolean ok,
                     String result) {
    }

    record Pager(Optional<String> previous, int page, long pages, Optional<String> next) {
    }

    /** One machine: its name (else its CMID), address, applications and history. */
    record ClientPage(String name, String cmid, String address, boolean virtualMachine, List<AppRow> applications,
                      List<Views.ActivationRow> history) implements Pages.Page {
        @Override
        public String title() {
            return name;
        }

        @Override
        public String nav() {
            return "/clients";
        }

        @Override
        public String template() {
            return "client.jte";
        }
    }

    record AppRow(String product, String family, int protocol, long requests, String firstSeen, String lastSeen,
                  String epid, boolean ok, String result) {
    }

    String json(ClientsParams params) {
        Page<ClientSummary> page = registry.clients(params.toQuery());
        return Views.write(new ClientsJson(page.total(), params.page(), params.size(), pages(page), params.sort(),
                params.descending() ? "desc" : "asc", params.search(), page.rows().stream().map(views::json).toList()));
    }

    ClientsPage page(ClientsParams params) {
        Page<ClientSummary> page = registry.clients(params.toQuery());
        List<SortLink> columns = new ArrayList<>();
        for (String[] column : COLUMNS) {
            String mark = column[0].equals(params.sort()) ? (params.descending() ? " ▼" : " ▲") : "";
            columns.add(new SortLink(params.sortedBy(column[0]).url("/clients"), column[1], mark));
        }
        long pages = pages(page);
        Pager pager = new Pager(params.page() > 1
                ? Optional.of(params.withPage(params.page() - 1).url("/clients")) : Optional.empty(), params.page(),
                pages, params.page() < pages ? Optional.of(params.withPage(params.page() + 1).url("/clients"))
                : Optional.empty());
        return new ClientsPage(params, page.total(), columns, page.rows().stream().map(this::row).toList(), pager,
                params.url("/api/clients"), params.withPage(1).url("/api/clients.csv"));
    }

    private ClientRow row(ClientSummary c) {
        return new ClientRow("/clients/" + c.cmid(), c.workstation().isEmpty() ? c.cmid().toString() : c.workstation(),
                views.product(c.skuId(), c.kmsId()), c.clientAddress(), c.requests(), Views.time(c.firstSeen()),
                Views.time(c.lastSeen()), Views.licenseStatus(c.licenseStatus()), c.virtualMachine(),
                c.protocolMajor(), c.lastHresult() == 0, Views.result(c.lastHresult()));
    }

    Optional<String> detailJson(UUID cmid) {
        return registry.client(cmid, HISTORY).map(d -> Views.write(new ClientDetailJson(d.cmid().toString(),
                d.applications().stream().map(views::json).toList(), d.history().stream().map(views::json).toList())));
    }

    Optional<ClientPage> detail(UUID cmid) {
        return registry.client(cmid, HISTORY).map(this::detail);
    }

    private ClientPage detail(ClientDetail d) {
        ClientSummary first = d.applications().get(0);
        String name = first.workstation().isEmpty() ? d.cmid().toString() : first.workstation();
        return new ClientPage(name, d.cmid().toString(), first.clientAddress(), first.virtualMachine(),
                d.applications().stream().map(c -> new AppRow(views.product(c.skuId(), c.kmsId()),
                        views.family(c.kmsId()), c.protocolMajor(), c.requests(), Views.time(c.firstSeen()),
                        Views.time(c.lastSeen()), c.epid().orElse("—"), c.lastHresult() == 0,
                        Views.result(c.lastHresult()))).toList(),
                d.history().stream().map(views::row).toList());
    }
}
