package io.jkms.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.Optional;

/** Jazzer: arbitrary request targets through the query parsing of every page: a value or a 400, nothing else. */
class QueryFuzzTest {
    static final long EMPTY_FORM = markup(Pages.render(new LoginPage.Form("", false), Optional.empty()));

    static long markup(String html) {
        return html.chars().filter(c -> c == '<' || c == '>' || c == '"').count();
    }

    @FuzzTest
    void parsesOrRefusesWith400(FuzzedDataProvider data) {
        String uri = "/" + data.consumeRemainingAsString();
        try {
            Query query = Query.parse(uri);
            assertThat(query.params().size()).isLessThanOrEqualTo(Query.MAX_PARAMS);
            ClientsParams clients = ClientsParams.from(query);
            assertThat(clients.page()).isBetween(1, ClientsParams.MAX_PAGE);
            assertThat(clients.size()).isBetween(1, ClientsParams.MAX_SIZE);
            assertThat(clients.search().length()).isLessThanOrEqualTo(ClientsParams.MAX_SEARCH);
            clients.toQuery();
            assertThat(Query.parse(clients.url("/clients")).path()).isEqualTo("/clients");
            ProductsParams products = ProductsParams.from(query);
            products.filter(Fixtures.CATALOG.products());
            assertThat(markup(Pages.render(new LoginPage.Form(products.search(), false), Optional.empty())))
                    .as("the search echoed in an attribute adds no markup").isEqualTo(EMPTY_FORM);
            assertThat(LoginPage.safeNext(uri)).startsWith("/").doesNotStartWith("//");
        } catch (BadRequestException expected) {
            // answered with 400
        }
    }
}
