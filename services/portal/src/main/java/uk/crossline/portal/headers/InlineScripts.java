package uk.crossline.portal.headers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The hashes of the inline scripts the portal's own templates contain (GOV.UK's {@code js-enabled}
 * line, the module that starts GOV.UK Frontend), so the policy allows exactly those scripts and no
 * other inline script: a script injected into a page has no matching hash. Read from the templates
 * themselves, so a script a page adds later is allowed without anyone copying a hash by hand; a
 * script whose text Thymeleaf changes while drawing the page would not match, and the browser tests
 * report it as a policy violation.
 */
final class InlineScripts {

  /** A script element without a src attribute, and its text exactly as written. */
  private static final Pattern INLINE =
      Pattern.compile("<script(?![^>]*\\bsrc\\s*=)[^>]*>(.*?)</script>", Pattern.DOTALL);

  private InlineScripts() {}

  /** The CSP source expressions ({@code 'sha256-…'}) of every inline script in the templates. */
  static TreeSet<String> hashesInTemplates() {
    TreeSet<String> hashes = new TreeSet<>();
    try {
      for (Resource template :
          new PathMatchingResourcePatternResolver()
              .getResources("classpath*:templates/**/*.html")) {
        String html = template.getContentAsString(StandardCharsets.UTF_8);
        hashes.addAll(hashesIn(html));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return hashes;
  }

  /** The CSP source expressions of the inline scripts in one page or template. */
  static TreeSet<String> hashesIn(String html) {
    TreeSet<String> hashes = new TreeSet<>();
    Matcher script = INLINE.matcher(html);
    while (script.find()) {
      if (!script.group(1).isBlank()) {
        hashes.add(hash(script.group(1)));
      }
    }
    return hashes;
  }

  static String hash(String script) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(script.getBytes(StandardCharsets.UTF_8));
      return "'sha256-" + Base64.getEncoder().encodeToString(digest) + "'";
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java has SHA-256", e);
    }
  }
}
