package io.jkms.catalog;

import java.util.List;

/** The catalog data is unreadable or inconsistent; {@link #problems()} lists everything found wrong. */
public final class CatalogException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient List<String> problems;

    public CatalogException(List<String> problems) {
        super("invalid catalog: " + problems.size() + " problem(s):\n  " + String.join("\n  ", problems));
        this.problems = List.copyOf(problems);
    }

    public CatalogException(String problem, Throwable cause) {
        super("invalid catalog: " + problem, cause);
        this.problems = List.of(problem);
    }

    public List<String> problems() {
        return problems;
    }
}
