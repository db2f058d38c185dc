package uk.crossline.model.pseudonymisation;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The secret keys tokens are made under, by version, one of them current. New tokens use the
 * current key; the older ones stay so that a look-up by raw value still finds what was tokenised
 * before a rotation. No method reveals a secret, and no message quotes one.
 */
public final class KeyRing {

  /** HMAC-SHA-256 gains nothing from longer keys than its output, and loses from shorter ones. */
  static final int MIN_SECRET_BYTES = 32;

  static final String HMAC_ALGORITHM = "HmacSHA256";

  private static final String SPEC_FORM = "current=<version>;<version>=<base64 secret>;...";
  private static final Pattern VERSION_FORM = Pattern.compile("[0-9]{1,9}");

  private final int currentVersion;
  private final SortedMap<Integer, SecretKeySpec> keys;
  private final SortedSet<Integer> versions;
  private final boolean demo;

  private KeyRing(int currentVersion, SortedMap<Integer, SecretKeySpec> keys, boolean demo) {
    this.currentVersion = currentVersion;
    this.keys = Collections.unmodifiableSortedMap(keys);
    this.versions = Collections.unmodifiableSortedSet(new TreeSet<>(keys.keySet()));
    this.demo = demo;
  }

  /**
   * A ring of the given secrets, each at least 32 bytes, keyed by version (1 or more). The arrays
   * are copied, so the caller may wipe its own.
   */
  public static KeyRing of(int currentVersion, Map<Integer, byte[]> secrets) {
    return build(currentVersion, secrets, false);
  }

  /**
   * Reads a ring from a setting such as {@code current=2;1=<base64>;2=<base64>}, the form an
   * environment variable can carry. Secrets are standard or URL-safe base64, padded or not ({@code
   * openssl rand -base64 32} makes one). Errors name the entry or version at fault, never its text.
   *
   * @throws IllegalArgumentException when the spec is malformed or a secret is too short
   */
  public static KeyRing parse(String spec) {
    if (spec == null || spec.isBlank()) {
      throw new IllegalArgumentException("key ring spec is empty; expected " + SPEC_FORM);
    }
    OptionalInt current = OptionalInt.empty();
    Map<Integer, byte[]> secrets = new HashMap<>();
    try {
      String[] entries = spec.split(";", -1);
      for (int i = 0; i < entries.length; i++) {
        String entry = entries[i].strip();
        if (entry.isEmpty()) {
          continue;
        }
        int entryNumber = i + 1;
        int equals = entry.indexOf('=');
        if (equals < 0) {
          throw new IllegalArgumentException(
              "key ring spec entry " + entryNumber + " is not name=value; expected " + SPEC_FORM);
        }
        String name = entry.substring(0, equals).strip();
        String value = entry.substring(equals + 1).strip();
        if (name.equalsIgnoreCase("current")) {
          if (current.isPresent()) {
            throw new IllegalArgumentException("key ring spec gives current= twice");
          }
          current =
              OptionalInt.of(version(value, "key ring spec current= must be a key version number"));
        } else {
          int version =
              version(
                  name,
                  "key ring spec entry "
                      + entryNumber
                      + " must be current=<version> or <version>=<base64 secret>");
          if (secrets.containsKey(version)) {
            throw new IllegalArgumentException(
                "key ring spec gives key version " + version + " twice");
          }
          secrets.put(version, decode(value, version));
        }
      }
      if (current.isEmpty()) {
        throw new IllegalArgumentException("key ring spec has no current=<version>");
      }
      return of(current.getAsInt(), secrets);
    } finally {
      secrets.values().forEach(secret -> Arrays.fill(secret, (byte) 0));
    }
  }

  /**
   * A ring of two fixed demo keys, version 2 current, for local runs and tests.
   *
   * <p><strong>Never use it for real data.</strong> Its secrets are SHA-256 digests of the public
   * strings {@code crossline-demo-key-v1} and {@code crossline-demo-key-v2}, so anyone who reads
   * this source can reverse a demo token by trying phone numbers. {@link #isDemo()} lets a service
   * refuse or warn when it starts with these keys.
   */
  public static KeyRing demo() {
    Map<Integer, byte[]> secrets =
        Map.of(1, sha256("crossline-demo-key-v1"), 2, sha256("crossline-demo-key-v2"));
    return build(2, secrets, true);
  }

  public int currentVersion() {
    return currentVersion;
  }

  /** Every key version held, oldest first. */
  public SortedSet<Integer> versions() {
    return versions;
  }

  /** Whether these are the public {@link #demo()} keys, which protect nothing. */
  public boolean isDemo() {
    return demo;
  }

  /** The current version first, then the others newest first: the order look-ups should try. */
  List<Integer> currentFirst() {
    return Stream.concat(
            Stream.of(currentVersion),
            versions.reversed().stream().filter(version -> version != currentVersion))
        .toList();
  }

  /** A fresh MAC under one key: {@link Mac} is not thread-safe, so none is shared. */
  Mac mac(int version) {
    SecretKeySpec key = keys.get(version);
    if (key == null) {
      throw new IllegalArgumentException("no key version " + version + " in the ring");
    }
    try {
      Mac mac = Mac.getInstance(HMAC_ALGORITHM);
      mac.init(key);
      return mac;
    } catch (GeneralSecurityException e) {
      // Every Java platform must provide HmacSHA256, so this is a broken runtime, not bad input.
      throw new IllegalStateException("HMAC-SHA-256 is not available", e);
    }
  }

  @Override
  public String toString() {
    return "KeyRing["
        + (demo ? "DEMO keys, not for real data, " : "")
        + "current="
        + currentVersion
        + ", versions="
        + versions
        + "]";
  }

  private static KeyRing build(int currentVersion, Map<Integer, byte[]> secrets, boolean demo) {
    Objects.requireNonNull(secrets, "secrets");
    if (secrets.isEmpty()) {
      throw new IllegalArgumentException("a key ring needs at least one key");
    }
    SortedMap<Integer, SecretKeySpec> keys = new TreeMap<>();
    secrets.forEach(
        (version, secret) -> {
          if (version == null || version < 1) {
            throw new IllegalArgumentException("key versions are whole numbers from 1");
          }
          if (secret == null) {
            throw new IllegalArgumentException("key version " + version + " has no secret");
          }
          if (secret.length < MIN_SECRET_BYTES) {
            throw new IllegalArgumentException(
                "key version "
                    + version
                    + " is "
                    + secret.length
                    + " bytes; at least "
                    + MIN_SECRET_BYTES
                    + " are needed");
          }
          keys.put(version, new SecretKeySpec(secret, HMAC_ALGORITHM));
        });
    if (!keys.containsKey(currentVersion)) {
      throw new IllegalArgumentException(
          "current key version " + currentVersion + " is not in the ring");
    }
    return new KeyRing(currentVersion, keys, demo);
  }

  private static int version(String text, String error) {
    if (!VERSION_FORM.matcher(text).matches()) {
      throw new IllegalArgumentException(error);
    }
    return Integer.parseInt(text);
  }

  private static byte[] decode(String base64, int version) {
    boolean urlSafe = base64.indexOf('-') >= 0 || base64.indexOf('_') >= 0;
    try {
      return (urlSafe ? Base64.getUrlDecoder() : Base64.getDecoder()).decode(base64);
    } catch (IllegalArgumentException e) {
      // Not chained: the decoder's message quotes the offending character of the secret.
      throw new IllegalArgumentException("key version " + version + " is not valid base64");
    }
  }

  private static byte[] sha256(String text) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is not available", e);
    }
  }
}
