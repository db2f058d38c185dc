package uk.crossline.portal.audit;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The access-log pages' settings.
 *
 * @param verificationTimeout how long the check of every chain may take: it reads the whole log,
 *     and the search service allows itself up to 2 minutes for that ({@code
 *     crossline.search.audit.log-read-timeout})
 */
@ConfigurationProperties("crossline.portal.audit")
record AuditSettings(@DefaultValue("3m") Duration verificationTimeout) {}
