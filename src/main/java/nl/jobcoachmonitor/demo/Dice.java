package nl.jobcoachmonitor.demo;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/** Seeded random draws, so that the demo cohort is the same on every start. */
final class Dice {

    private final Random random;

    Dice(Random random) {
        this.random = random;
    }

    /** A whole number from {@code low} to {@code high}, both included. */
    int between(int low, int high) {
        return low + random.nextInt(high - low + 1);
    }

    double uniform(double low, double high) {
        return low + random.nextDouble() * (high - low);
    }

    double gaussian(double mean, double sd) {
        return mean + random.nextGaussian() * sd;
    }

    boolean chance(double probability) {
        return random.nextDouble() < probability;
    }

    <T> T pick(List<T> options) {
        return options.get(random.nextInt(options.size()));
    }

    /** One of the options, with the given relative weights (same order). */
    <T> T pick(List<T> options, int... weights) {
        return options.get(weightedIndex(weights));
    }

    int weightedIndex(int... weights) {
        int total = 0;
        for (int weight : weights) {
            total += weight;
        }
        int draw = random.nextInt(total);
        for (int i = 0; i < weights.length; i++) {
            draw -= weights[i];
            if (draw < 0) {
                return i;
            }
        }
        throw new IllegalStateException("unreachable");
    }

    /** A date from {@code first} to {@code last}, both included. */
    LocalDate date(LocalDate first, LocalDate last) {
        return first.plusDays(random.nextInt((int) ChronoUnit.DAYS.between(first, last) + 1));
    }

    <T> void shuffle(List<T> list) {
        Collections.shuffle(list, random);
    }
}
