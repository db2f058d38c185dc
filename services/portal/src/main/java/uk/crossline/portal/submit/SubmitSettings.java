package uk.crossline.portal.submit;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * What the submit pages offer.
 *
 * @param maxUpload the largest CSV file the upload page takes (the intake takes up to 200 MB; the
 *     portal holds an upload on its disk while it relays it, so it asks for less)
 * @param agencies the agencies a report marked AMBER or AMBER+STRICT may be shared with by name
 *     (the partnership's and its neighbours'; the demo partnership by default)
 */
@ConfigurationProperties("crossline.portal.submit")
record SubmitSettings(
    @DefaultValue("50MB") org.springframework.util.unit.DataSize maxUpload,
    @DefaultValue({
          "west-mercia-police",
          "worcs-trading-standards",
          "redditch-bc",
          "bromsgrove-dc",
          "wyre-forest-dc",
          "nw-schools-safeguarding",
          "nw-youth-mentoring",
          "wychavon-dc",
          "west-midlands-police"
        })
        List<String> agencies) {}
