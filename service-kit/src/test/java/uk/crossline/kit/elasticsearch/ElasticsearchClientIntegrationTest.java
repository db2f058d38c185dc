package uk.crossline.kit.elasticsearch;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.Refresh;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.test.web.servlet.result.MockMvcResultMatchers;
import uk.crossline.kit.KitTestApplication;
import uk.crossline.testsupport.CrosslineIntegrationTest;

/** The kit's client against the real Elasticsearch 8.19 of the stack. */
@CrosslineIntegrationTest
@SpringBootTest(classes = KitTestApplication.class)
@AutoConfigureMockMvc
class ElasticsearchClientIntegrationTest {

  @Autowired ElasticsearchClient client;
  @Autowired MockMvc mvc;

  private final String index = "test-kit-" + UUID.randomUUID();

  @AfterEach
  void deleteIndex() throws Exception {
    client.indices().delete(d -> d.index(index).ignoreUnavailable(true));
  }

  @Test
  void documentIndexedIsFoundBySearchAndGoneWhenDeleted() throws Exception {
    client
        .indices()
        .create(
            c ->
                c.index(index)
                    .mappings(
                        m ->
                            m.properties("district", p -> p.keyword(k -> k))
                                .properties("summary", p -> p.text(t -> t))));
    client.index(
        i ->
            i.index(index)
                .id("event-1")
                .document(Map.of("district", "Redditch", "summary", "free vapes outside school"))
                .refresh(Refresh.True));
    client.index(
        i ->
            i.index(index)
                .id("event-2")
                .document(Map.of("district", "Bromsgrove", "summary", "new phone and gifts"))
                .refresh(Refresh.True));

    var hits =
        client.search(
            s -> s.index(index).query(q -> q.match(m -> m.field("summary").query("vapes"))),
            Map.class);
    assertThat(hits.hits().hits()).extracting(hit -> hit.id()).containsExactly("event-1");

    client.delete(d -> d.index(index).id("event-1").refresh(Refresh.True));

    var after =
        client.search(
            s -> s.index(index).query(q -> q.term(t -> t.field("district").value("Redditch"))),
            Map.class);
    assertThat(after.hits().total().value()).isZero();
  }

  @Test
  void healthShowsElasticsearchUp() throws Exception {
    mvc.perform(MockMvcRequestBuilders.get("/actuator/health"))
        .andExpect(MockMvcResultMatchers.status().isOk())
        .andExpect(MockMvcResultMatchers.jsonPath("$.status").value("UP"));
  }
}
