package io.jkms.web;

import io.netty.handler.codec.http.QueryStringDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code /login}: a form that takes the token and, when it matches, opens a session and sets its HttpOnly cookie;
 * {@code POST /logout} ends it. Both POSTs are refused from another site (their {@code Origin} must be this
 * dashboard's, as SameSite=Strict already keeps the cookie off cross-site requests): no login or logout CSRF.
 */
final class LoginPage {
    private LoginPage() {
    }

    static WebResponse handle(WebRequest request, Query query, AccessControl access) {
        if (!access.required()) {
            return WebResponse.redirect("/");
        }
        String next = safeNext(query.get("next").orElse("/"));
        if (request.method().equals("GET") || request.method().equals("HEAD")) {
            return WebResponse.html(form(next, false));
        }
        if (!request.method().equals("POST")) {
            return WebApp.error(request, 405, "GET or POST").withHeader("Allow", "GET, HEAD, POST");
        }
        Map<String, List<String>> form;
        try {
            form = new QueryStringDecoder(request.body(), StandardCharsets.UTF_8, false, 4).parameters();
        } catch (IllegalArgumentException e) {
            throw new BadRequestException("malformed form");
        }
        if (!access.sameOrigin(request)) {
            return crossSite(request);
        }
        String token = form.getOrDefault("token", List.of("")).get(0);
        if (form.containsKey("next")) {
            next = safeNext(form.get("next").get(0));
        }
        AccessControl.Login login = access.login(request, token);
        if (login instanceof AccessControl.Throttled throttled) {
            return WebResponse.of(429, WebResponse.HTML, Pages.render(new Pages.ErrorPage(429, "Too many wrong tokens "
                    + "from your address: try again in " + throttled.retryAfterSeconds() + " s."), Optional.empty()))
                    .withHeader("Retry-After", Long.toString(throttled.retryAfterSeconds()));
        }
        if (login instanceof AccessControl.LoggedIn in) {
            return WebResponse.redirect(next).withHeader("Set-Cookie", in.setCookie());
        }
        return WebResponse.of(401, WebResponse.HTML, form(next, true));
    }

    /** {@code POST /logout}: ends the session of the request's cookie and clears the cookie. */
    static WebResponse logout(WebRequest request, AccessControl access) {
        if (!request.method().equals("POST")) {
            return WebApp.error(request, 405, "sign out with POST").withHeader("Allow", "POST");
        }
        if (!access.sameOrigin(request)) {
            return crossSite(request);
        }
        return WebResponse.redirect("/login").withHeader("Set-Cookie", access.logout(request));
    }

    private static WebResponse crossSite(WebRequest request) {
        return WebApp.error(request, 403, "this form may only be sent from the dashboard's own pages (behind a "
                + "proxy: pass the Host header on, e.g. nginx proxy_set_header Host $host, or name the host with "
                + "--web-allowed-hosts)");
    }

    /** Only a path on this site: no scheme, no host, no protocol-relative {@code //}, no backslash tricks. */
    static String safeNext(String next) {
        if (next.length() > Query.MAX_URI || !next.startsWith("/") || next.startsWith("//") || next.contains("\\")
                || next.chars().anyMatch(c -> c < 0x21 || c == 0x7F) || next.startsWith("/login")) {
            return "/";
        }
        return next;
    }

    /** The sign-in form; {@code next} is where a good token leads ({@link #safeNext}). */
    record Form(String next, boolean failed) implements Pages.Page {
        @Override
        public String title() {
            return "Sign in";
        }

        @Override
        public String nav() {
            return "";
        }

        @Override
        public String template() {
            return "login.jte";
        }
    }

    private static String form(String next, boolean failed) {
        return Pages.render(new Form(next, failed), Optional.empty());
    }
}
