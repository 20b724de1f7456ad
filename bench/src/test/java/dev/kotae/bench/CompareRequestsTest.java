package dev.kotae.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The comparison's requests are the same on every run and reach every kind of answer. */
class CompareRequestsTest {

    private static final Path CONTENT = Path.of("../content");

    @Test
    void theSameContentGivesTheSameRequests() throws Exception {
        ContentFacts facts = ContentFacts.read(CONTENT);
        List<CompareRequests.Request> first = new CompareRequests(facts, new SyntheticHelpCenter(300)).draw(2_000);
        List<CompareRequests.Request> second = new CompareRequests(ContentFacts.read(CONTENT),
                new SyntheticHelpCenter(300)).draw(2_000);
        assertEquals(first, second);
    }

    @Test
    void everyKindIsSentAsVisitorAndAsAgent() throws Exception {
        List<CompareRequests.Request> requests = new CompareRequests(ContentFacts.read(CONTENT), null).draw(2_000);
        for (boolean agent : new boolean[] {false, true}) {
            Set<String> kinds = requests.stream().filter(r -> r.agent() == agent).map(CompareRequests.Request::kind)
                    .collect(Collectors.toSet());
            assertEquals(Set.of("search", "browse", "suggest", "article", "page", "malformed"), kinds);
        }
        requests.forEach(request -> URI.create("http://127.0.0.1:1" + request.path()));
        assertTrue(requests.stream().anyMatch(r -> r.path().contains("category=")), "no category filter");
        assertTrue(requests.stream().anyMatch(r -> r.path().contains("tag=")), "no tag filter");
        assertTrue(requests.stream().anyMatch(r -> r.path().contains("page=3")), "no third page");
    }

    @Test
    void readsTheFrontMatterOfTheBundledContent() throws Exception {
        ContentFacts facts = ContentFacts.read(CONTENT);
        ContentFacts.Article orderStatus = facts.articles().stream().filter(a -> a.id().equals("order-status"))
                .findFirst().orElseThrow();
        assertEquals("Checking your order status", orderStatus.title());
        assertEquals("en", orderStatus.locale());
        assertTrue(orderStatus.questions().contains("What does \"preparing for shipment\" mean?"),
                orderStatus.questions().toString());
        assertTrue(facts.categories().contains("Orders"));
        assertTrue(facts.tags().contains("order status"));
    }
}
