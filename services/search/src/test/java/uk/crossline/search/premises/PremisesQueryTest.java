package uk.crossline.search.premises;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import uk.crossline.kit.problem.ProblemException;

class PremisesQueryTest {

  @Test
  void uprnIsKeyedAsTheIntakesKeyIt() {
    PremisesQuery query = PremisesQuery.read(parameters("uprn", "100120000001"));

    assertThat(query.uprnKey()).contains("uprn:100120000001");
    assertThat(query.addressKey()).isEmpty();
  }

  @Test
  void nameAndPostcodeAreKeyedAsTheIntakesKeyAPremisesWithoutUprn() {
    PremisesQuery query =
        PremisesQuery.read(parameters("name", " Vape Corner! ", "postcode", "b974ab"));

    assertThat(query.addressKey()).contains("pc:B974AB:vape-corner");
    assertThat(query.postcode()).contains("B97 4AB");
  }

  @Test
  void keyOfEitherFormIsRead() {
    assertThat(PremisesQuery.read(parameters("key", "uprn:42")).uprnKey()).contains("uprn:42");
    PremisesQuery address = PremisesQuery.read(parameters("key", "pc:B974AB:vape-corner"));
    assertThat(address.addressKey()).contains("pc:B974AB:vape-corner");
    assertThat(address.postcode()).contains("B97 4AB");
  }

  @Test
  void exactlyOneFormIsAccepted() {
    assertRefused(parameters(), "uprn");
    assertRefused(parameters("uprn", "1", "key", "uprn:1"), "uprn");
    assertRefused(parameters("name", "Vape Corner"), "postcode");
    assertRefused(parameters("uprn", "12ab"), "uprn");
    assertRefused(parameters("key", "Vape Corner"), "key");
    assertRefused(parameters("uprn", "1", "near", "here"), "near");
  }

  private static void assertRefused(MultiValueMap<String, String> parameters, String field) {
    assertThatThrownBy(() -> PremisesQuery.read(parameters))
        .isInstanceOfSatisfying(
            ProblemException.class,
            e -> assertThat(e.errors()).extracting("field").contains(field));
  }

  private static MultiValueMap<String, String> parameters(String... namesAndValues) {
    MultiValueMap<String, String> parameters = new LinkedMultiValueMap<>();
    parameters.add("purpose", "unit test of premises");
    for (int i = 0; i < namesAndValues.length; i += 2) {
      parameters.add(namesAndValues[i], namesAndValues[i + 1]);
    }
    return parameters;
  }
}
