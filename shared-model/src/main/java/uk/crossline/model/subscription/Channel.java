package uk.crossline.model.subscription;

/**
 * Where a subscription's alerts go. Only the in-app inbox exists yet; webhooks and digests come
 * with their delivery (see the alerts service's notes), so no subscription promises a channel the
 * hub cannot serve.
 */
public enum Channel {
  INBOX
}
