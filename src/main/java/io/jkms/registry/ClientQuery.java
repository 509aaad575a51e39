package io.jkms.registry;

/**
 * A page of the clients table.
 *
 * @param search     case-insensitive substring of workstation, CMID, client address or product; empty: all
 * @param sort       one of {@link #SORT_KEYS}
 * @param descending sort direction
 * @param page       0-based page number
 * @param size       rows per page, 1 to 500
 */
public record ClientQuery(String search, String sort, boolean descending, int page, int size) {
    public static final java.util.List<String> SORT_KEYS =
            java.util.List.of("lastSeen", "firstSeen", "workstation", "requests", "product", "address");

    public ClientQuery {
        if (!SORT_KEYS.contains(sort)) {
            throw new IllegalArgumentException("sort must be one of " + SORT_KEYS + ": " + sort);
        }
        if (page < 0 || size < 1 || size > 500) {
            throw new IllegalArgumentException("page " + page + " / size " + size + " out of range");
        }
    }
}
