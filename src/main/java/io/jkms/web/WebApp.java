package io.jkms.web;

import io.jkms.catalog.Catalog;
import io.jkms.registry.ClientQuery;
import io.jkms.registry.RegistryHealth;
import io.jkms.registry.RegistryReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Supplier;

/**
 * The dashboard, JSON API and metrics as a function from request to response: routing, access control, the
 * login form and the security headers. No I/O of its own, so every page is tested without a socket.
 */
public final class WebApp {
    static final String PROMETHEUS = "text/plain; version=0.0.4; charset=utf-8";
    static final Map<String, String> SECURITY_HEADERS = Map.of(
            "Content-Security-Policy", "default-src 'none'; style-src 'self'; script-src 'self'; img-src 'self'; "
                    + "connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
            "X-Content-Type-Options", "nosniff",
            "X-Frame-Options", "DENY",
            "Referrer-Policy", "no-referrer",
            "Cache-Control", "no-store");

    private final AccessControl access;
    private final Supplier<ReadinessProbe.Result> readiness;
    private final Supplier<String> metrics;
    private final OverviewView overview;
    private final ClientsView clients;
    private final ClientsExport export;
    private final String version;
    private final ProductsView products;
    private final HealthView health;

    /**
     * @param readiness the (cached) readiness probe, called off the I/O thread
     * @param metrics   the Prometheus exposition text
     */
    private final RegistryReader registry;

    public WebApp(RegistryReader registry, RegistryHealth registryHealth, Catalog catalog, HostStatus host,
                  ScriptText scripts, AccessControl access, Supplier<ReadinessProbe.Result> readiness,
                  Supplier<String> metrics, Clock clock) {
        Views views = new Views(catalog);
        this.access = access;
        this.readiness = readiness;
        this.metrics = metrics;
        this.overview = new OverviewView(registry, views, clock);
        this.clients = new ClientsView(registry, views);
        this.export = new ClientsExport(registry, catalog);
        this.version = host.version();
        this.products = new ProductsView(catalog, scripts, host);
        this.health = new HealthView(host, registryHealth, readiness, clock);
        this.registry = registry;
    }

    public WebResponse handle(WebRequest request) {
        WebResponse response;
        try {
            response = route(request);
        } catch (BadRequestException e) {
            response = error(request, 400, e.getMessage());
        }
        for (Map.Entry<String, String> header : SECURITY_HEADERS.entrySet()) {
            response = response.withHeader(header.getKey(), header.getValue());
        }
        return response;
    }

    /** Who may read this dashboard. */
    public AccessControl access() {
        return access;
    }

    private WebResponse route(WebRequest request) {
        if (!access.hostAllowed(request)) {
            return error(request, 421, "this dashboard answers only to localhost, 127.x.x.x and [::1], and to the "
                    + "names given with --web-allowed-hosts: ask for it by one of those names");
        }
        Query query = Query.parse(request.uri());
        String path = query.path();
        boolean read = request.method().equals("GET") || request.method().equals("HEAD");
        if (path.equals("/login")) {
            return LoginPage.handle(request, query, access);
        }
        if (path.equals("/logout")) {
            return LoginPage.logout(request, access);
        }
        if (!read) {
            return error(request, 405, "only GET and HEAD here").withHeader("Allow", "GET, HEAD");
        }
        switch (path) {
            case "/healthz":
                return WebResponse.text(200, "ok\n");
            case "/readyz":
                ReadinessProbe.Result result = readiness.get();
                return WebResponse.text(result.ready() ? 200 : 503, (result.ready() ? "ready: " : "not ready: ")
                        + result.detail() + "\n");
            case "/static/jkms.css":
                return resource("jkms.css", "text/css; charset=utf-8");
            case "/static/jkms.js":
                return resource("jkms.js", "text/javascript; charset=utf-8");
            default:
                break;
        }
        OptionalLong wait = access.throttledBearer(request);
        if (wait.isPresent()) {
            return error(request, 429, "too many wrong tokens from your address: try again in "
                    + wait.getAsLong() + " s").withHeader("Retry-After", Long.toString(wait.getAsLong()));
        }
        if (!access.allows(request)) {
            return refuse(request, query);
        }
        Optional<Pages.Footer> footer = Optional.of(new Pages.Footer(version,
                access.required() && access.signedIn(request)));
        return protectedRoute(request, query, footer);
    }

    private WebResponse protectedRoute(WebRequest request, Query query, Optional<Pages.Footer> footer) {
        String path = query.path();
        Optional<String> unavailable = registry.unavailable();
        if (unavailable.isPresent() && (path.equals("/clients") || path.startsWith("/clients/")
                || path.startsWith("/api/clients"))) {
            // An empty list would tell the operator there are no clients; the truth is that nobody can say yet.
            return error(request, 503, unavailable.get(), footer).withHeader("Retry-After", "5");
        }
        switch (path) {
            case "/":
                return page(overview.page(), footer);
            case "/api/overview":
                return WebResponse.json(overview.json());
            case "/clients":
                return page(clients.page(ClientsParams.from(query)), footer);
            case "/api/clients":
                return WebResponse.json(clients.json(ClientsParams.from(query)));
            case "/api/clients.csv":
                ClientQuery all = ClientsParams.from(query).toQuery();
                return WebResponse.streamed("text/csv; charset=utf-8; header=present", out -> export.csv(all, out))
                        .withHeader("Content-Disposition", "attachment; filename=\"jkms-clients.csv\"");
            case "/products":
                return page(products.page(ProductsParams.from(query)), footer);
            case "/api/products":
                return WebResponse.json(products.json(ProductsParams.from(query)));
            case "/health":
                return page(health.page(), footer);
            case "/api/health":
                return WebResponse.json(health.json());
            case "/metrics":
                return WebResponse.of(200, PROMETHEUS, metrics.get());
            default:
                break;
        }
        if (path.startsWith("/clients/")) {
            return clients.detail(ClientsView.cmid(path.substring(9))).map(p -> page(p, footer))
                    .orElseGet(() -> error(request, 404, "no such client", footer));
        }
        if (path.startsWith("/api/clients/")) {
            return clients.detailJson(ClientsView.cmid(path.substring(13)))
                    .map(WebResponse::json).orElseGet(() -> error(request, 404, "no such client"));
        }
        return error(request, 404, "no such page", footer);
    }

    private static WebResponse page(Pages.Page page, Optional<Pages.Footer> footer) {
        return WebResponse.html(Pages.render(page, footer));
    }

    /** Browsers go to the login form (and come back); API clients and scrapers get 401. */
    private static WebResponse refuse(WebRequest request, Query query) {
        if (query.path().startsWith("/api/") || query.path().equals("/metrics")
                || request.header("authorization").isPresent()) {
            return error(request, 401, "a token is required: Authorization: Bearer TOKEN")
                    .withHeader("WWW-Authenticate", "Bearer realm=\"jkms\"");
        }
        return WebResponse.redirect(Html.url("/login", "next", request.uri()));
    }

    /** An error body of the JSON API. */
    record Problem(int status, String error) {
    }

    static WebResponse error(WebRequest request, int status, String message) {
        return error(request, status, message, Optional.empty());
    }

    /** The error as the path's kind of client reads it: JSON for the API, text for probes, else a page. */
    static WebResponse error(WebRequest request, int status, String message, Optional<Pages.Footer> footer) {
        String path = request.uri();
        if (path.startsWith("/api/")) {
            return WebResponse.of(status, WebResponse.JSON, Views.write(new Problem(status, message)));
        }
        if (path.startsWith("/metrics") || path.startsWith("/healthz") || path.startsWith("/readyz")) {
            return WebResponse.text(status, message + "\n");
        }
        return WebResponse.of(status, WebResponse.HTML, Pages.render(new Pages.ErrorPage(status, message), footer));
    }

    private static WebResponse resource(String name, String type) {
        try (InputStream in = WebApp.class.getResourceAsStream(name)) {
            if (in == null) {
                return WebResponse.text(404, "missing resource " + name);
            }
            return new WebResponse(200, type, in.readAllBytes(), Map.of()).withHeader("X-Resource", name);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
