package uk.crossline.intake.agency;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import uk.crossline.model.event.EventId;
import uk.crossline.model.event.OriginatingAgency;

/** An agency this instance serves, and the keyed hash of its references that only it can make. */
public final class ServedAgency {

  private final OriginatingAgency agency;
  private final SecretKeySpec referenceKey;

  ServedAgency(OriginatingAgency agency, byte[] referenceKey) {
    this.agency = agency;
    this.referenceKey = new SecretKeySpec(referenceKey, "HmacSHA256");
  }

  public OriginatingAgency agency() {
    return agency;
  }

  /** The keyed hash the event keeps instead of the agency's own reference. */
  public String originRefHash(String reference) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(referenceKey);
      byte[] hash =
          mac.doFinal(("origin-ref|" + reference.strip()).getBytes(StandardCharsets.UTF_8));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(hash);
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
    }
  }

  /** The id of the report this agency filed under this reference. */
  public EventId eventIdOf(String reference) {
    return EventId.derive(agency.id(), originRefHash(reference));
  }
}
