package uk.crossline.demo;

import java.net.URI;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/**
 * The loader's command line. The defaults load the dev stack that {@code ./crossline up} starts.
 *
 * @param asOf the day after the demo period; fixed by default, so that loading the same seed again
 *     sends exactly the same reports however much later it runs
 * @param singles reports per agency sent one at a time rather than in the bulk upload
 */
record LoaderOptions(
    URI intake,
    URI issuer,
    int reports,
    long seed,
    LocalDate asOf,
    int singles,
    Duration readyTimeout,
    String password,
    boolean dryRun) {

  static final LocalDate DEFAULT_AS_OF = LocalDate.of(2026, 11, 20);

  static final String USAGE =
      """
      Usage: java -jar demo-data.jar [options]

      Generates the synthetic demo data set for the North Worcestershire partnership and submits it
      through the intake, as each demo agency's own user. Loading the same seed again sends nothing
      new: the intake answers duplicates.

        --intake URL     the intake (default http://127.0.0.1:8081)
        --issuer URL     the identity provider's realm
                         (default http://127.0.0.1:8180/realms/crossline)
        --reports N      reports in the data set (default 600)
        --seed N         the data set's seed (default 42)
        --as-of DATE     the demo period is the 18 months before this day (default %s)
        --singles N      reports per agency sent one at a time, the rest in one bulk upload
                         (default 3)
        --wait SECONDS   how long to wait for the intake to be ready (default 120)
        --dry-run        describe the data set and submit nothing
        --help           this text

      The demo users' password is read from CROSSLINE_DEMO_PASSWORD (default Crossline-Demo-1).
      Exit status: 0 all accepted or already loaded, 1 some reports refused, 2 bad arguments,
      3 the intake or the identity provider could not be used.
      """
          .formatted(DEFAULT_AS_OF);

  /** Thrown for a command line that cannot be read; its message says why. */
  static final class UsageException extends RuntimeException {
    UsageException(String message) {
      super(message);
    }
  }

  /** Thrown for {@code --help}. */
  static final class HelpRequested extends RuntimeException {
    HelpRequested() {
      super("help");
    }
  }

  static LoaderOptions parse(String[] args, String passwordFromEnvironment) {
    URI intake = URI.create("http://127.0.0.1:8081");
    URI issuer = URI.create("http://127.0.0.1:8180/realms/crossline");
    int reports = 600;
    long seed = 42;
    LocalDate asOf = DEFAULT_AS_OF;
    int singles = 3;
    Duration readyTimeout = Duration.ofSeconds(120);
    boolean dryRun = false;
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
      switch (name) {
        case "--help", "-h" -> throw new HelpRequested();
        case "--dry-run" -> dryRun = true;
        case "--intake", "--issuer", "--reports", "--seed", "--as-of", "--singles", "--wait" -> {
          String value;
          if (arg.contains("=")) {
            value = arg.substring(arg.indexOf('=') + 1);
          } else if (i + 1 < args.length) {
            value = args[++i];
          } else {
            throw new UsageException(name + " needs a value");
          }
          switch (name) {
            case "--intake" -> intake = url(name, value);
            case "--issuer" -> issuer = url(name, value);
            case "--reports" -> reports = number(name, value, 1, 100_000);
            case "--seed" -> seed = longNumber(name, value);
            case "--as-of" -> asOf = date(name, value);
            case "--singles" -> singles = number(name, value, 0, 1000);
            case "--wait" -> readyTimeout = Duration.ofSeconds(number(name, value, 0, 3600));
            default -> throw new IllegalStateException("unreachable");
          }
        }
        default -> throw new UsageException("unknown option " + arg);
      }
    }
    String password =
        passwordFromEnvironment == null || passwordFromEnvironment.isBlank()
            ? "Crossline-Demo-1"
            : passwordFromEnvironment;
    return new LoaderOptions(
        intake, issuer, reports, seed, asOf, singles, readyTimeout, password, dryRun);
  }

  private static URI url(String name, String value) {
    try {
      URI uri = URI.create(value);
      if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
          || uri.getHost() == null) {
        throw new UsageException(name + " must be an http(s) URL, such as http://127.0.0.1:8081");
      }
      return uri;
    } catch (IllegalArgumentException e) {
      throw new UsageException(name + " is not a URL: " + value);
    }
  }

  private static int number(String name, String value, int min, int max) {
    try {
      int n = Integer.parseInt(value.strip());
      if (n < min || n > max) {
        throw new UsageException(name + " must be between " + min + " and " + max);
      }
      return n;
    } catch (NumberFormatException e) {
      throw new UsageException(name + " must be a whole number");
    }
  }

  private static long longNumber(String name, String value) {
    try {
      return Long.parseLong(value.strip());
    } catch (NumberFormatException e) {
      throw new UsageException(name + " must be a whole number");
    }
  }

  private static LocalDate date(String name, String value) {
    try {
      return LocalDate.parse(value.strip());
    } catch (DateTimeParseException e) {
      throw new UsageException(name + " must be a date such as 2026-11-20");
    }
  }

  /** Leaves the password out, in case options are ever printed. */
  @Override
  public String toString() {
    return "LoaderOptions[intake=%s, issuer=%s, reports=%d, seed=%d, asOf=%s, singles=%d, readyTimeout=%s, dryRun=%s]"
        .formatted(intake, issuer, reports, seed, asOf, singles, readyTimeout, dryRun);
  }
}
