package uk.crossline.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;

/**
 * Creates the topics and index templates of {@code infra/} on a container stack, as {@code
 * ./crossline up} does on the local one. Both read the same definition files.
 */
final class Provisioning {

  private Provisioning() {}

  static void createTopics(String bootstrapServers, Path definitions) {
    var config = new Properties();
    config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    try (Admin admin = Admin.create(config)) {
      var existing = admin.listTopics().names().get();
      List<NewTopic> missing = new ArrayList<>();
      for (String line : Files.readAllLines(definitions)) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] columns = line.split("\t");
        if (existing.contains(columns[0])) {
          continue;
        }
        Map<String, String> configs = new HashMap<>();
        if (columns.length > 3) {
          for (String pair : columns[3].split(",")) {
            String[] keyValue = pair.split("=", 2);
            configs.put(keyValue[0], keyValue[1]);
          }
        }
        missing.add(
            new NewTopic(columns[0], Integer.parseInt(columns[1]), Short.parseShort(columns[2]))
                .configs(configs));
      }
      admin.createTopics(missing).all().get();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("creating the topics of " + definitions + " failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  static void applyTemplates(URI elasticsearch, Path definitions) {
    try (HttpClient client = HttpClient.newHttpClient()) {
      put(
          client,
          elasticsearch,
          definitions.resolve("component-templates"),
          "/_component_template/");
      put(client, elasticsearch, definitions.resolve("index-templates"), "/_index_template/");
    }
  }

  private static void put(HttpClient client, URI elasticsearch, Path dir, String endpoint) {
    if (!Files.isDirectory(dir)) {
      return;
    }
    try (Stream<Path> files = Files.list(dir)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
        String name = file.getFileName().toString().replaceFirst("\\.json$", "");
        var request =
            HttpRequest.newBuilder(elasticsearch.resolve(endpoint + name))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofFile(file))
                .build();
        var response = client.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) {
          throw new IllegalStateException(
              "PUT "
                  + endpoint
                  + name
                  + " answered "
                  + response.statusCode()
                  + ": "
                  + response.body());
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
