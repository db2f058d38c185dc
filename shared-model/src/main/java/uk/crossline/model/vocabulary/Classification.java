package uk.crossline.model.vocabulary;

/**
 * Government Security Classification. The hub holds OFFICIAL information only; the
 * OFFICIAL-SENSITIVE handling caveat is a flag on the marking, not another tier.
 */
public enum Classification {
  OFFICIAL
}
