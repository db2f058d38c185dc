package uk.crossline.model.subscription;

/**
 * Where a subscription's alerts go: the in-app inbox, or also a webhook of the subscriber's (every
 * alert is in the inbox either way, so a webhook that gives up loses nothing). Digests come with
 * their delivery, so no subscription promises a channel the hub cannot serve.
 */
public enum Channel {
  INBOX,
  WEBHOOK
}
