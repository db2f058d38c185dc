package uk.crossline.testsupport;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Marks a test that runs on the real components of {@link CrosslineStack}. Test methods may take a
 * {@link CrosslineStack} or {@link DemoTokens} parameter; Spring tests so marked get the stack's
 * addresses as properties ({@code spring.kafka.bootstrap-servers}, {@code
 * crossline.elasticsearch.url}, {@code spring.security.oauth2.resourceserver.jwt.issuer-uri}).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Tag("integration")
@ExtendWith(CrosslineStackExtension.class)
public @interface CrosslineIntegrationTest {}
