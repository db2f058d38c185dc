package uk.crossline.archfixture;

import org.springframework.util.StringUtils;

/** Breaks the shared-model rule on purpose, so the rule's own test can see it fail. */
public class ModelClassUsingSpring {

  public boolean hasText(String value) {
    return StringUtils.hasText(value);
  }
}
