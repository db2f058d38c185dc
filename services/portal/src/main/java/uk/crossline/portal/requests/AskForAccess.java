package uk.crossline.portal.requests;

import jakarta.servlet.http.HttpSession;
import java.io.Serializable;
import java.util.Optional;

/**
 * What a look-up or premises page leaves for an access request: the match reference the API gave
 * (kept in the person's session, never put in the page), and the page to come back to. The entry
 * point of this package for those pages.
 */
public final class AskForAccess {

  private static final String ATTRIBUTE = "crossline.requests.ask";

  private AskForAccess() {}

  /**
   * Where an ask stands: what may be asked for, and the answer once asked.
   *
   * @param answer null until asked (a session attribute must be serializable, Optional is not)
   */
  record Pending(String matchRef, String back, Outcome answer) implements Serializable {

    Optional<Outcome> outcome() {
      return Optional.ofNullable(answer);
    }
  }

  /** What the API answered an ask. */
  enum Outcome {
    ASKED,
    ALREADY_ASKED,
    NOTHING_TO_ASK
  }

  /**
   * Keeps the reference of the look-up just answered (replacing any earlier one), or forgets it
   * when the answer gave none; {@code back} is the portal page that offered the ask.
   */
  public static void offer(HttpSession session, Optional<String> matchRef, String back) {
    matchRef.ifPresentOrElse(
        ref -> session.setAttribute(ATTRIBUTE, new Pending(ref, back, null)),
        () -> session.removeAttribute(ATTRIBUTE));
  }

  /** Whether the page at {@code back} may offer the ask form now (asked for, not yet asked). */
  public static boolean open(HttpSession session, String back) {
    return pending(session).filter(p -> p.back().equals(back) && p.outcome().isEmpty()).isPresent();
  }

  /** What the person's ask from the page at {@code back} got, in words, once asked. */
  public static Optional<String> answered(HttpSession session, String back) {
    return pending(session)
        .filter(p -> p.back().equals(back))
        .flatMap(Pending::outcome)
        .map(AskForAccess::words);
  }

  static Optional<Pending> pending(HttpSession session) {
    return Optional.ofNullable((Pending) session.getAttribute(ATTRIBUTE));
  }

  static void answer(HttpSession session, Pending pending, Outcome outcome) {
    session.setAttribute(ATTRIBUTE, new Pending(pending.matchRef(), pending.back(), outcome));
  }

  static String words(Outcome outcome) {
    return switch (outcome) {
      case ASKED -> "You asked for access. The agencies that hold it will decide.";
      case ALREADY_ASKED -> "Your agency has already asked for access to this.";
      case NOTHING_TO_ASK -> "There is nothing left to ask for: you may now see every match.";
    };
  }
}
