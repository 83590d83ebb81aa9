package dev.tributary.story;

import org.assertj.core.data.Offset;
import dev.tributary.config.DefaultSettings;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The pair model's inputs, its arithmetic and the shipped weights file. */
class PairModelTest {

  private static PairFeatures pair(double terms, double keys, double title, boolean sameLanguage, boolean brief) {
    return new PairFeatures(terms, keys, title, 0.25, false, sameLanguage, 0.1, true, brief, false, 0, false, false, false, false, false, false);
  }

  private static double input(double[] x, String name) {
    return x[PairModel.FEATURES.indexOf(name)];
  }

  @Test
  void withinALanguageTheBodyIsTheBetterOfStemsAndKeys() {
    double[] x = PairModel.features(pair(0.3, 0.6, 0.4, true, false));
    assertThat(input(x, "body")).isEqualTo(0.6);
    assertThat(input(x, "bodyCross")).isZero();
    assertThat(input(x, "title")).isEqualTo(0.4);
    assertThat(input(x, "titleCross")).isZero();
    assertThat(input(x, "sameLanguage")).isEqualTo(1);
    assertThat(input(x, "phaseDiffers")).isEqualTo(1);
  }

  @Test
  void aHeadlineWithinALanguageIsComparedByItsStemsOnly() {
    assertThat(input(PairModel.features(pair(0.3, 0.6, 0.4, true, true)), "body")).isEqualTo(0.3);
  }

  @Test
  void acrossLanguagesOnlyTheKeysCount() {
    double[] x = PairModel.features(pair(0.0, 0.6, 0.4, false, false));
    assertThat(input(x, "body")).isZero();
    assertThat(input(x, "bodyCross")).isEqualTo(0.6);
    assertThat(input(x, "titleCross")).isEqualTo(0.4);
    assertThat(input(x, "sameLanguage")).isZero();
  }

  @Test
  void probabilityIsTheLogisticOfTheWeightedInputs() {
    double[] w = new double[PairModel.FEATURES.size()];
    w[PairModel.FEATURES.indexOf("body")] = 4;
    var model = new PairModel("test", -2, w);
    assertThat(model.probability(pair(0.5, 0.5, 0, true, false))).isCloseTo(0.5, Offset.offset(1e-12));
    assertThat(model.probability(pair(1, 1, 0, true, false))).isGreaterThan(0.85);
  }

  @Test
  void aPairsProbabilityIsThatOfItsInputsToTheLastBit() {
    var random = new java.util.SplittableRandom(23);
    for (int round = 0; round < 2_000; round++) {
      double[] w = new double[PairModel.FEATURES.size()];
      for (int i = 0; i < w.length; i++) {
        w[i] = random.nextDouble(-5, 5);
      }
      var model = new PairModel("test", random.nextDouble(-3, 3), w);
      var f = new PairFeatures(random.nextDouble(), random.nextDouble(), random.nextDouble(), random.nextDouble(),
          random.nextBoolean(), random.nextBoolean(), random.nextDouble(), random.nextBoolean(), random.nextBoolean(),
          random.nextBoolean(), random.nextDouble(), random.nextBoolean(), random.nextBoolean(), random.nextBoolean(),
          random.nextBoolean(), random.nextBoolean(), random.nextBoolean());
      assertThat(model.probability(f)).isEqualTo(model.probability(PairModel.features(f)));
    }
  }

  @Test
  void theShippedModelNamesEveryInput() {
    var model = PairModel.shipped();
    assertThat(model.version()).isNotBlank();
    assertThat(model.weights()).hasSize(PairModel.FEATURES.size());
  }

  @Test
  void aWeightsFileWithoutAnInputIsRefused() {
    assertThatThrownBy(() -> PairModel.load("no-such-model.properties")).hasMessageContaining("missing");
    assertThatThrownBy(() -> new PairModel("test", 0, new double[2])).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aReportWithoutABodyIsBrief() {
    var probe = new PairProbe(DefaultSettings.story());
    Instant at = Instant.parse("2030-05-01T10:00:00Z");
    String body = "Rescue boats reached the burning ferry at dawn off Batumi and took the passengers to port. "
        + "Coast guard officials said twelve crew members were treated for smoke inhalation while firefighters "
        + "worked through the morning; investigators will examine the engine room on Thursday.";
    var full = ClusteringStoryEngineTest.item(1, "port-news", "en", "Ferry fire off Batumi", body, at);
    var bare = ClusteringStoryEngineTest.item(2, "coast-radio", "en", "Ferry fire off Batumi", "", at);
    var other = ClusteringStoryEngineTest.item(3, "sea-daily", "en", "Ferry fire off Batumi", body, at);
    assertThat(probe.compare(full, bare).brief()).isTrue();
    assertThat(probe.compare(full, other).brief()).isFalse();
  }
}
