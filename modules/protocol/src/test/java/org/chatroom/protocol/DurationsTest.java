package org.chatroom.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DurationsTest {

    @Test
    void readsEveryUnitBareSecondsAndCompounds() {
        assertThat(Durations.parse("500ms")).isEqualTo(Duration.ofMillis(500));
        assertThat(Durations.parse("90")).isEqualTo(Duration.ofSeconds(90));
        assertThat(Durations.parse("90S")).isEqualTo(Duration.ofSeconds(90));
        assertThat(Durations.parse("2m")).isEqualTo(Duration.ofMinutes(2));
        assertThat(Durations.parse("1h")).isEqualTo(Duration.ofHours(1));
        assertThat(Durations.parse("7d")).isEqualTo(Duration.ofDays(7));
        assertThat(Durations.parse("2w")).isEqualTo(Duration.ofDays(14));
        assertThat(Durations.parse("1h30m")).isEqualTo(Duration.ofMinutes(90));
    }

    @Test
    void whatHumanPrintsReadsBack() {
        for (long s : new long[] {45, 62, 3720, 273600}) {
            String shown = Durations.human(s);
            assertThat(Durations.parse(shown)).as(shown).isEqualTo(Duration.ofSeconds(s));
        }
        assertThat(Durations.human(3720)).isEqualTo("1h02m");
        assertThat(Durations.human(Duration.ofMillis(150))).isEqualTo("150ms");
    }

    @Test
    void formatIsTheShortestExactForm() {
        assertThat(Durations.format(Duration.ofMillis(1500))).isEqualTo("1500ms");
        assertThat(Durations.format(Duration.ofSeconds(90))).isEqualTo("90s");
        assertThat(Durations.format(Duration.ofMinutes(2))).isEqualTo("2m");
        assertThat(Durations.format(Duration.ofDays(3))).isEqualTo("3d");
        assertThat(Durations.format(Duration.ZERO)).isEqualTo("0s");
    }

    @Test
    void typosAndOverflowsAreErrorsNotNumbers() {
        assertThatThrownBy(() -> Durations.parse("5x")).hasMessageStartingWith("is not a duration (a number with ms,");
        assertThatThrownBy(() -> Durations.parse("999999999999999999d")).hasMessage("is too long a duration (at most 1000000d)");
        assertThatThrownBy(() -> Durations.parse("99999999999999999999999")).hasMessageStartingWith("is too long");
        assertThatThrownBy(() -> Durations.parse("999999w1d")).hasMessageStartingWith("is too long");
        assertThatThrownBy(() -> Durations.parse("-5m")).hasMessageStartingWith("is not a duration");
        assertThatThrownBy(() -> Durations.parse("")).hasMessageStartingWith("is not a duration");
    }

    @Test
    void tellsDurationShapedWordsFromReasons() {
        assertThat(Durations.looksLikeOne("5x")).isTrue();
        assertThat(Durations.looksLikeOne("999999999999999999d")).isTrue();
        assertThat(Durations.looksLikeOne("-1")).isTrue();
        assertThat(Durations.looksLikeOne("flooding")).isFalse();
        assertThat(Durations.looksLikeOne("x5")).isFalse();
        assertThat(Durations.hasUnit("30")).isFalse();
        assertThat(Durations.hasUnit("30m")).isTrue();
    }
}
