package io.jkms.web;

import io.netty.handler.codec.http.QueryStringDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/** {@code /login}: a form that takes the token and, when it matches, sets the HttpOnly cookie. */
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
        String token = form.getOrDefault("token", List.of("")).get(0);
        if (form.containsKey("next")) {
            next = safeNext(form.get("next").get(0));
        }
        if (!access.matches(token)) {
            return WebResponse.of(401, WebResponse.HTML, form(next, true));
        }
        return WebResponse.redirect(next).withHeader("Set-Cookie", AccessControl.loginCookie(token));
    }

    /** Only a path on this site: no scheme, no host, no protocol-relative {@code //}, no backslash tricks. */
    static String safeNext(String next) {
        if (next.length() > Query.MAX_URI || !next.startsWith("/") || next.startsWith("//") || next.contains("\\")
                || next.chars().anyMatch(c -> c < 0x21 || c == 0x7F) || next.startsWith("/login")) {
            return "/";
        }
        return next;
    }

    private static String form(String next, boolean failed) {
        return Html.page("Sign in", "", "<h1>Sign in</h1>"
                + (failed ? "<p class=\"error\" id=\"login-error\">That token is not right.</p>" : "")
                + "<form method=\"post\" action=\"/login\" class=\"login\"><label for=\"token\">Dashboard token</label>"
                + "<input type=\"password\" id=\"token\" name=\"token\" autocomplete=\"current-password\" required>"
                + "<input type=\"hidden\" name=\"next\" value=\"" + Html.esc(next) + "\">"
                + "<button type=\"submit\">Sign in</button></form><p class=\"muted\">The token was printed at the "
                + "host's first start and is kept in the data directory (<code>web-token</code>).</p>");
    }
}
