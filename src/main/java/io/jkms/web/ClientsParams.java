package io.jkms.web;

import io.jkms.registry.ClientQuery;

/**
 * The clients table's state as it travels in the URL: {@code q}, {@code sort}, {@code dir}, {@code page}
 * (1-based) and {@code size}. Parsing validates and bounds every value.
 */
public record ClientsParams(String search, String sort, boolean descending, int page, int size) {
    public static final int MAX_SEARCH = 100;
    public static final int MAX_PAGE = 1_000_000;
    public static final int MAX_SIZE = 200;
    public static final int DEFAULT_SIZE = 25;

    public static ClientsParams from(Query query) {
        String search = query.get("q").orElse("");
        if (search.length() > MAX_SEARCH) {
            throw new BadRequestException("parameter 'q' must be at most " + MAX_SEARCH + " characters");
        }
        String sort = query.get("sort").orElse("lastSeen");
        if (!ClientQuery.SORT_KEYS.contains(sort)) {
            throw new BadRequestException("parameter 'sort' must be one of " + ClientQuery.SORT_KEYS);
        }
        String dir = query.get("dir").orElse(sort.equals("workstation") || sort.equals("address")
                || sort.equals("product") ? "asc" : "desc");
        if (!dir.equals("asc") && !dir.equals("desc")) {
            throw new BadRequestException("parameter 'dir' must be asc or desc");
        }
        int page = query.integer("page", 1, MAX_PAGE).orElse(1);
        int size = query.integer("size", 1, MAX_SIZE).orElse(DEFAULT_SIZE);
        return new ClientsParams(search, sort, dir.equals("desc"), page, size);
    }

    public ClientQuery toQuery() {
        return new ClientQuery(search, sort, descending, page - 1, size);
    }

    /** The URL of this state with another page, sort or search. */
    String url(String base) {
        return Html.url(base, "q", search, "sort", sort, "dir", descending ? "desc" : "asc",
                "page", page == 1 ? "" : Integer.toString(page),
                "size", size == DEFAULT_SIZE ? "" : Integer.toString(size));
    }

    ClientsParams withPage(int newPage) {
        return new ClientsParams(search, sort, descending, newPage, size);
    }

    /** Sorting by a column: first click ascending for text columns and descending for the others, then flip. */
    ClientsParams sortedBy(String key) {
        if (key.equals(sort)) {
            return new ClientsParams(search, sort, !descending, 1, size);
        }
        boolean text = key.equals("workstation") || key.equals("address") || key.equals("product");
        return new ClientsParams(search, key, !text, 1, size);
    }
}
