package uk.crossline.testsupport;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import uk.crossline.model.subscription.WebhookSignature;

/**
 * A real webhook receiver on 127.0.0.1: answers 503 to its first {@code failures} requests (or
 * while told to fail), 204 after, and keeps every request as received. For the alerts service's
 * webhook tests and the whole-hub drills.
 */
public final class WebhookReceiver implements AutoCloseable {

  /**
   * One POST as it arrived, and what the receiver answered.
   *
   * @param received when it arrived: a signature's freshness is judged at arrival, not when a long
   *     drill checks it minutes later
   */
  public record Request(
      String alertId,
      String timestamp,
      String signature,
      byte[] body,
      int answered,
      java.time.Instant received) {
    public boolean accepted() {
      return answered / 100 == 2;
    }

    /** Whether it is signed with this secret, and was fresh when it arrived. */
    public boolean verifiesWith(String secret) {
      return WebhookSignature.verify(
          secret, timestamp, signature, body, received, WebhookSignature.DEFAULT_TOLERANCE);
    }
  }

  private final HttpServer server;
  private final AtomicInteger failuresLeft;
  private volatile boolean failing;
  public final List<Request> requests = new CopyOnWriteArrayList<>();

  public WebhookReceiver(int failures) throws IOException {
    this.failuresLeft = new AtomicInteger(failures);
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/hook",
        exchange -> {
          byte[] body = exchange.getRequestBody().readAllBytes();
          int status = failing || failuresLeft.getAndDecrement() > 0 ? 503 : 204;
          requests.add(
              new Request(
                  exchange.getRequestHeaders().getFirst(WebhookSignature.ALERT_ID_HEADER),
                  exchange.getRequestHeaders().getFirst(WebhookSignature.TIMESTAMP_HEADER),
                  exchange.getRequestHeaders().getFirst(WebhookSignature.SIGNATURE_HEADER),
                  body,
                  status,
                  java.time.Instant.now()));
          exchange.sendResponseHeaders(status, -1);
          exchange.close();
        });
    server.start();
  }

  public String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
  }

  /** While true, every request is answered 503. */
  public void failing(boolean failing) {
    this.failing = failing;
  }

  public List<Request> accepted() {
    return requests.stream().filter(Request::accepted).toList();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
