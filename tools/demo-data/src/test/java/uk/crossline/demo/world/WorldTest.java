package uk.crossline.demo.world;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import uk.crossline.model.pseudonymisation.Normaliser;

class WorldTest {

  private final World world = World.build(42);

  @Test
  void sameSeedThenSameWorld() {
    var again = World.build(42);

    assertThat(again.sharedIdentifiers()).isEqualTo(world.sharedIdentifiers());
    assertThat(again.shops()).isEqualTo(world.shops());
    assertThat(World.build(43).sharedIdentifiers()).isNotEqualTo(world.sharedIdentifiers());
  }

  @Test
  void fortyDistinctSharedIdentifiers() {
    var normalised =
        world.sharedIdentifiers().stream()
            .map(i -> i.type() + ":" + Normaliser.normalise(i.type(), i.value()))
            .toList();

    assertThat(normalised).hasSize(40).doesNotHaveDuplicates();
  }

  @Test
  void linesRunFromBirminghamAndDudleyIntoTheThreeTowns() {
    assertThat(world.lines()).hasSize(5);
    assertThat(world.lines().stream().flatMap(l -> l.sourceDistricts().stream()))
        .contains("birmingham", "dudley");
    assertThat(world.lines().stream().flatMap(l -> l.targetDistricts().stream()).distinct())
        .containsExactlyInAnyOrder("redditch", "bromsgrove", "wyre-forest");
    for (DealLine line : world.lines()) {
      assertThat(line.firstNumber().dealLine()).isTrue();
      assertThat(line.numberAt(line.startsAt())).isEqualTo(line.firstNumber());
      assertThat(line.numberAt(line.endsAt())).isEqualTo(line.secondNumber());
    }
  }

  @Test
  void twentyFiveShopsInTheThreeTownsMostWithUprnLikeNumbers() {
    List<Shop> shops = world.shops();

    assertThat(shops).hasSize(25);
    assertThat(shops.stream().map(Shop::district).distinct())
        .containsExactlyInAnyOrder("redditch", "bromsgrove", "wyre-forest");
    assertThat(shops.stream().flatMap(s -> s.uprn().stream()).toList())
        .hasSize(20)
        .doesNotHaveDuplicates()
        .allSatisfy(u -> assertThat(u).matches("99[0-9]{10}"));
    assertThat(shops.stream().map(Shop::kind).distinct()).contains(Shop.Kind.values());
  }

  @Test
  void spellingsDifferButNormaliseAlike() {
    var random = new java.util.SplittableRandom(1);
    for (Identifier identifier : world.sharedIdentifiers()) {
      String canonical = Normaliser.normalise(identifier.type(), identifier.value());
      for (int i = 0; i < 20; i++) {
        assertThat(Normaliser.normalise(identifier.type(), identifier.spelledBy(random)))
            .isEqualTo(canonical);
      }
    }
  }
}
