package uk.crossline.demo;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * A stand-in for the identity provider and the intake on a loopback port, answering what a test
 * tells it to, and keeping what it was sent. The real ones are exercised by running the loader
 * against the stack (see the README of this module).
 */
final class FakeHub implements AutoCloseable {

  /** A request as received. */
  record Received(String method, String path, Map<String, List<String>> headers, String body) {}

  /** An answer: status and JSON body. */
  record Answer(int status, String body) {}

  private final HttpServer server;
  private final List<Received> received = new CopyOnWriteArrayList<>();
  private final Map<String, Function<Received, Answer>> routes = new ConcurrentHashMap<>();

  FakeHub() {
    try {
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.createContext("/", this::handle);
    server.start();
    answer(
        "/realms/crossline/protocol/openid-connect/token",
        r -> new Answer(200, "{\"access_token\":\"token-for-test\"}"));
    answer("/actuator/health/readiness", r -> new Answer(200, "{\"status\":\"UP\"}"));
  }

  URI uri(String path) {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
  }

  void answer(String path, Function<Received, Answer> answer) {
    routes.put(path, answer);
  }

  List<Received> received(String path) {
    return received.stream().filter(r -> r.path().equals(path)).toList();
  }

  private void handle(HttpExchange exchange) throws IOException {
    var request =
        new Received(
            exchange.getRequestMethod(),
            exchange.getRequestURI().getPath(),
            Map.copyOf(exchange.getRequestHeaders()),
            new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
    received.add(request);
    var answer =
        routes
            .getOrDefault(request.path(), r -> new Answer(404, "{\"title\":\"Not found\"}"))
            .apply(request);
    byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    exchange.sendResponseHeaders(answer.status(), body.length);
    exchange.getResponseBody().write(body);
    exchange.close();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
