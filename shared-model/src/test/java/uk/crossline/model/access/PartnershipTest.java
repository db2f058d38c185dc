package uk.crossline.model.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static uk.crossline.model.access.NorthWorcestershire.AGENCIES;
import static uk.crossline.model.access.NorthWorcestershire.BROMSGROVE_DC;
import static uk.crossline.model.access.NorthWorcestershire.PARTNERSHIP;
import static uk.crossline.model.access.NorthWorcestershire.REDDITCH_BC;
import static uk.crossline.model.access.NorthWorcestershire.SCHOOLS;
import static uk.crossline.model.access.NorthWorcestershire.TRADING_STANDARDS;
import static uk.crossline.model.access.NorthWorcestershire.WEST_MERCIA_POLICE;
import static uk.crossline.model.access.NorthWorcestershire.WEST_MIDLANDS_POLICE;
import static uk.crossline.model.access.NorthWorcestershire.WYCHAVON_DC;
import static uk.crossline.model.access.NorthWorcestershire.WYRE_FOREST_DC;
import static uk.crossline.model.access.NorthWorcestershire.YOUTH_MENTORING;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import uk.crossline.model.AgencyId;
import uk.crossline.model.AgencyType;
import uk.crossline.model.Caller;
import uk.crossline.model.Role;
import uk.crossline.model.policy.PolicyFormatException;
import uk.crossline.model.vocabulary.Category;
import uk.crossline.model.vocabulary.Tlp;

class PartnershipTest {

  private static final Path FILE = Path.of("..", "infra", "policy", "partnership.yml");
  private static final Set<Tlp> ALL_BUT_RED =
      EnumSet.of(Tlp.CLEAR, Tlp.GREEN, Tlp.AMBER, Tlp.AMBER_STRICT);

  @Test
  void bundledPartnershipIsTheFileInInfra() throws IOException {
    try (InputStream infra = Files.newInputStream(FILE)) {
      assertThat(Partnership.load(infra)).isEqualTo(Partnership.bundled());
    }
    assertThat(PARTNERSHIP.version()).isPositive();
  }

  /** DESIGN.md, "The demo partnership". */
  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          west-mercia-police      | POLICE            | redditch bromsgrove wyre-forest | MEMBER
          worcs-trading-standards | TRADING_STANDARDS | redditch bromsgrove wyre-forest | MEMBER
          redditch-bc             | LOCAL_AUTHORITY   | redditch                        | MEMBER
          bromsgrove-dc           | LOCAL_AUTHORITY   | bromsgrove                      | MEMBER
          wyre-forest-dc          | LOCAL_AUTHORITY   | wyre-forest                     | MEMBER
          nw-schools-safeguarding | EDUCATION         | redditch bromsgrove wyre-forest | MEMBER
          nw-youth-mentoring      | YOUTH_SERVICES    | redditch bromsgrove             | MEMBER
          wychavon-dc             | LOCAL_AUTHORITY   | wychavon                        | NEIGHBOUR
          west-midlands-police    | POLICE            | birmingham dudley solihull      | NEIGHBOURING_FORCE
          """)
  void bundledPartnershipListsTheDemoAgencyAsDesignSays(
      String id, AgencyType type, String districts, Membership membership) {
    PartnerAgency agency = PARTNERSHIP.agency(AgencyId.of(id)).orElseThrow();

    assertThat(agency.type()).isEqualTo(type);
    assertThat(agency.homeDistricts()).containsExactlyInAnyOrder(districts.split(" "));
    assertThat(agency.membership()).isEqualTo(membership);
    assertThat(agency.name()).isNotBlank();
  }

  @Test
  void bundledPartnershipListsNoOtherAgency() {
    assertThat(PARTNERSHIP.agencies())
        .extracting(PartnerAgency::id)
        .containsExactlyElementsOf(AGENCIES);
  }

  @Test
  void bundledAgreementsAreThoseOfDesign() {
    Agreement member = new Agreement(true, AlertDetail.FULL, true, ALL_BUT_RED, true, all());
    Agreement seesNothing =
        new Agreement(false, AlertDetail.NONE, false, Set.of(), false, Set.of());

    for (AgencyId council :
        List.of(REDDITCH_BC, BROMSGROVE_DC, WYRE_FOREST_DC, WEST_MERCIA_POLICE)) {
      assertThat(PARTNERSHIP.agreementOf(council)).contains(member);
    }
    assertThat(PARTNERSHIP.agreementOf(TRADING_STANDARDS))
        .contains(
            new Agreement(
                true,
                AlertDetail.FULL,
                true,
                ALL_BUT_RED,
                true,
                Arrays.stream(Category.values())
                    .filter(Category::premisesRelated)
                    .collect(Collectors.toSet())));
    assertThat(PARTNERSHIP.agreementOf(SCHOOLS)).contains(seesNothing);
    assertThat(PARTNERSHIP.agreementOf(YOUTH_MENTORING)).contains(seesNothing);
    assertThat(PARTNERSHIP.agreementOf(WYCHAVON_DC))
        .contains(
            new Agreement(
                false,
                AlertDetail.DISTRICT,
                false,
                EnumSet.of(Tlp.CLEAR, Tlp.GREEN),
                false,
                all()));
    assertThat(PARTNERSHIP.agreementOf(WEST_MIDLANDS_POLICE))
        .contains(new Agreement(true, AlertDetail.FULL, false, ALL_BUT_RED, false, all()));
    assertThat(PARTNERSHIP.matchDisclosure())
        .containsExactlyInAnyOrder(Tlp.CLEAR, Tlp.GREEN, Tlp.AMBER);
    for (FieldGroup group : FieldGroup.values()) {
      assertThat(PARTNERSHIP.fieldAccess().get(group))
          .isEqualTo(new FieldRule(Set.of(AgencyType.POLICE), Set.of(Role.LINK_ANALYSIS)));
    }
  }

  @Test
  void everyDemoUserOfTheRealmActsForAnAgencyOfThePartnershipWithItsType() {
    for (Caller user : NorthWorcestershire.realmUsers()) {
      assertThat(PARTNERSHIP.agency(user.agency()))
          .as(user.username())
          .hasValueSatisfying(agency -> assertThat(agency.type()).isEqualTo(user.agencyType()));
    }
  }

  @Test
  void agencyUnknownToThePartnershipHasNoAgreement() {
    assertThat(PARTNERSHIP.agreementOf(AgencyId.of("worcester-city-council"))).isEmpty();
  }

  /** Each row changes one thing of the bundled file and names the key the refusal must name. */
  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      textBlock =
          """
          unknown top-level key      | "version: 1\\n"                       | "version: 1\\nsharing: open\\n"                                | sharing
          missing version            | "version: 1\\n"                       | ""                                                              | version
          version not a number       | "version: 1\\n"                       | "version: one\\n"                                             | version
          unknown agency key         | "    membership: neighbour\\n"        | "    membership: neighbour\\n    tier: 2\\n"                    | agencies.wychavon-dc.tier
          malformed agency id        | "  redditch-bc:\\n    name"           | "  Redditch BC:\\n    name"                                     | agencies.Redditch BC
          unknown agency type        | "    type: EDUCATION\\n"              | "    type: SCHOOL\\n"                                         | agencies.nw-schools-safeguarding.type
          unknown district           | "home-districts: [wychavon]"          | "home-districts: [evesham]"                                    | agencies.wychavon-dc.home-districts
          no home district           | "home-districts: [wychavon]"          | "home-districts: []"                                           | agencies.wychavon-dc.home-districts
          unknown membership         | "    membership: neighbour\\n"        | "    membership: associate\\n"                                | agencies.wychavon-dc.membership
          missing agency name        | "    name: Wychavon District Council\\n" | ""                                                          | agencies.wychavon-dc.name
          unknown agreements key     | "  agency-types:\\n"                  | "  roles:\\n    SEARCH: true\\n  agency-types:\\n"           | agreements.roles
          unknown agreement key      | "    POLICE:\\n      search: true\\n" | "    POLICE:\\n      search: true\\n      export: true\\n"     | agreements.agency-types.POLICE.export
          unknown agency type agreed | "    POLICE:\\n"                       | "    SHERIFF:\\n      search: true\\n    POLICE:\\n"           | agreements.agency-types.SHERIFF
          agreement for unknown agency | "    wychavon-dc:\\n      search: false\\n" | "    worcester-cc:\\n      search: false\\n" | agreements.agencies.worcester-cc
          unknown category           | "      categories: premises-related\\n" | "      categories: [ILLICIT_VAPES, SHOPLIFTING]\\n"       | agreements.agency-types.TRADING_STANDARDS.categories
          categories neither word nor list | "      categories: premises-related\\n" | "      categories: some\\n"                          | agreements.agency-types.TRADING_STANDARDS.categories
          unknown marking            | "      markings: [CLEAR, GREEN]\\n"   | "      markings: [CLEAR, WHITE]\\n"                           | agreements.agencies.wychavon-dc.markings
          marking spelt as the enum  | "      markings: [CLEAR, GREEN]\\n"   | "      markings: [CLEAR, AMBER_STRICT]\\n"                    | agreements.agencies.wychavon-dc.markings
          agreement giving RED       | "      markings: [CLEAR, GREEN]\\n"   | "      markings: [CLEAR, GREEN, RED]\\n"                      | agreements.agencies.wychavon-dc.markings
          search not true or false   | "    EDUCATION:\\n      search: false\\n" | "    EDUCATION:\\n      search: no\\n"                   | agreements.agency-types.EDUCATION.search
          unknown alert detail       | "      alerts: district\\n"           | "      alerts: ward\\n"                                       | agreements.agencies.wychavon-dc.alerts
          missing agreement key      | "      amber-by-agency-type: true\\n      categories: premises-related\\n" | "      categories: premises-related\\n" | agreements.agency-types.TRADING_STANDARDS.amber-by-agency-type
          member type without agreement | "    YOUTH_SERVICES:\\n"            | "    UNUSED:\\n"                                              | agreements.agency-types.UNUSED
          RED disclosed on a match   | "match-disclosure: [CLEAR, GREEN, AMBER]" | "match-disclosure: [CLEAR, GREEN, AMBER, RED]"         | match-disclosure
          AMBER+STRICT disclosed on a match | "match-disclosure: [CLEAR, GREEN, AMBER]" | "match-disclosure: [AMBER+STRICT]"             | match-disclosure
          unknown field group        | "  grading-detail:\\n"                | "  grading-codes:\\n"                                         | field-access.grading-codes
          unknown role               | "  subject-tokens:\\n    agency-types: [POLICE]\\n    roles: [LINK_ANALYSIS]\\n" | "  subject-tokens:\\n    agency-types: [POLICE]\\n    roles: [ANALYST]\\n" | field-access.subject-tokens.roles
          """)
  void malformedFileIsRefusedNamingTheKey(String change, String from, String to, String key)
      throws IOException {
    String text = bundledText();
    String before = from.replace("\\n", "\n");
    assertThat(text).as("the bundled file holds what the test changes").contains(before);
    String changed =
        text.replaceFirst(
            java.util.regex.Pattern.quote(before),
            java.util.regex.Matcher.quoteReplacement(to.replace("\\n", "\n")));

    assertThatThrownBy(() -> load(changed))
        .as(change)
        .isInstanceOfSatisfying(
            PolicyFormatException.class,
            e -> {
              assertThat(e.file()).isEqualTo("partnership.yml");
              assertThat(e.key()).isEqualTo(key);
              assertThat(e.reason()).isNotBlank();
            });
  }

  @Test
  void neighbourWithoutItsOwnAgreementIsRefusedEvenWhenItsTypeHasOne() throws IOException {
    String text = bundledText();
    String own =
        text.substring(
            text.indexOf("    wychavon-dc:\n      search"),
            text.indexOf("    # The neighbouring force"));
    String changed = text.replace(own, "");

    assertThatThrownBy(() -> load(changed))
        .isInstanceOfSatisfying(
            PolicyFormatException.class,
            e -> {
              assertThat(e.key()).isEqualTo("agreements.agencies.wychavon-dc");
              assertThat(e.reason()).contains("outside the partnership");
            });
  }

  @Test
  void keyGivenTwiceIsRefused() throws IOException {
    String changed = bundledText().replace("version: 1\n", "version: 1\nversion: 2\n");

    assertThatThrownBy(() -> load(changed))
        .isInstanceOf(PolicyFormatException.class)
        .hasMessageContaining("version");
  }

  @Test
  void agreementChangeNeedsNoCodeChange() throws IOException {
    String changed =
        bundledText()
            .replace(
                "    EDUCATION:\n      search: false\n      alerts: none\n      statistics: false\n      markings: []\n      amber-by-agency-type: false\n      categories: []\n",
                "    EDUCATION:\n      search: true\n      alerts: none\n      statistics: false\n      markings: [GREEN]\n      amber-by-agency-type: false\n      categories: [MISSING_EPISODE]\n");

    assertThat(load(changed).agreementOf(SCHOOLS))
        .contains(
            new Agreement(
                true,
                AlertDetail.NONE,
                false,
                Set.of(Tlp.GREEN),
                false,
                Set.of(Category.MISSING_EPISODE)));
  }

  private static Set<Category> all() {
    return EnumSet.allOf(Category.class);
  }

  private static String bundledText() throws IOException {
    return Files.readString(FILE);
  }

  static Partnership load(String text) {
    return Partnership.load(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
  }
}
