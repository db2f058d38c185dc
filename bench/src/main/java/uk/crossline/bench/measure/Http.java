package uk.crossline.bench.measure;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.Executors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** One HTTP/1.1 client for everything the benchmark calls, and plain JSON without indentation. */
public final class Http {

  public static final JsonMapper JSON = JsonMapper.builder().build();

  /** A status and a body. */
  public record Answer(int status, String body) {

    public boolean ok() {
      return status >= 200 && status < 300;
    }

    public JsonNode json() {
      return JSON.readTree(body);
    }
  }

  private final HttpClient client =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .executor(Executors.newVirtualThreadPerTaskExecutor())
          .build();

  public HttpClient client() {
    return client;
  }

  public Answer get(URI uri, String token) {
    var request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60)).GET();
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return send(request.build());
  }

  public Answer send(String method, URI uri, String token, String contentType, String body) {
    var request =
        HttpRequest.newBuilder(uri)
            .timeout(Duration.ofMinutes(5))
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    if (contentType != null) {
      request.header("Content-Type", contentType);
    }
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return send(request.build());
  }

  private Answer send(HttpRequest request) {
    try {
      HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
      return new Answer(response.statusCode(), response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(request.method() + " " + request.uri() + " failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }
}
