package nl.jobcoachmonitor.analytics;

import java.util.ArrayList;
import java.util.List;

import org.apache.commons.math3.optim.MaxIter;
import org.apache.commons.math3.optim.linear.LinearConstraint;
import org.apache.commons.math3.optim.linear.LinearConstraintSet;
import org.apache.commons.math3.optim.linear.LinearObjectiveFunction;
import org.apache.commons.math3.optim.linear.NonNegativeConstraint;
import org.apache.commons.math3.optim.linear.PivotSelectionRule;
import org.apache.commons.math3.optim.linear.Relationship;
import org.apache.commons.math3.optim.linear.SimplexSolver;
import org.apache.commons.math3.optim.linear.UnboundedSolutionException;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;

/**
 * What an intruder can infer about each suppressed entry of a {@link SuppressionPattern}: the smallest and largest
 * value it can have in any table of non-negative counts that agrees with every published figure, knowing that a
 * suppressed entry is at least 1 (zeros are always published). Solved as linear programmes (Apache Commons Math
 * simplex); the constraints of a two-way table with its margins form a totally unimodular matrix, so these bounds
 * are whole numbers and the same as the bounds over whole-number tables.
 *
 * <p>An entry is <em>exposed</em> when its bounds meet (its value can be computed), or, for an entry under the
 * minimum, when its upper bound stays under the minimum (the reader can tell it is a small group). Not modelled: an
 * intruder who knows other tables of the same population, or who reverse-engineers the choice of secondary cells.
 */
final class SuppressionAudit {

    private static final double TOLERANCE = 1e-6;

    private final SuppressionPattern pattern;
    private final int minimum;
    private final List<int[]> variables = new ArrayList<>();
    private final int[][] index;
    private final List<LinearConstraint> constraints = new ArrayList<>();

    SuppressionAudit(SuppressionPattern pattern, int minimum) {
        this.pattern = pattern;
        this.minimum = minimum;
        index = new int[pattern.gridRows][pattern.gridColumns];
        for (int i = 0; i < pattern.gridRows; i++) {
            for (int j = 0; j < pattern.gridColumns; j++) {
                index[i][j] = pattern.suppressed[i][j] ? variables.size() : -1;
                if (pattern.suppressed[i][j]) {
                    variables.add(new int[] { i, j });
                }
            }
        }
        for (List<int[]> line : pattern.lines()) {
            addConstraint(line);
        }
    }

    /**
     * The first suppressed entry not yet passed that is exposed, or {@code null}; marks the entries that pass.
     */
    int[] firstExposed(boolean[][] passed) {
        for (int[] entry : variables) {
            if (passed[entry[0]][entry[1]]) {
                continue;
            }
            if (exposed(entry)) {
                return entry;
            }
            passed[entry[0]][entry[1]] = true;
        }
        return null;
    }

    private boolean exposed(int[] entry) {
        int value = pattern.value(entry);
        double max = bound(entry, GoalType.MAXIMIZE);
        if (pattern.primary[entry[0]][entry[1]]) {
            return max < minimum - TOLERANCE;
        }
        return max < value + TOLERANCE && bound(entry, GoalType.MINIMIZE) > value - TOLERANCE;
    }

    /** The largest or smallest value the entry can have; infinite when the published figures do not bound it. */
    double bound(int[] entry, GoalType goal) {
        double[] objective = new double[variables.size()];
        objective[index[entry[0]][entry[1]]] = 1;
        try {
            double shifted = new SimplexSolver()
                    .optimize(new MaxIter(10_000), new LinearObjectiveFunction(objective, 0),
                            new LinearConstraintSet(constraints), goal, new NonNegativeConstraint(true),
                            PivotSelectionRule.BLAND)
                    .getValue();
            return shifted + 1;
        } catch (UnboundedSolutionException unbounded) {
            return Double.POSITIVE_INFINITY;
        }
    }

    /**
     * The line's equation (inner entries minus total is zero) in the suppressed entries, each written as
     * {@code 1 + y} with {@code y ≥ 0}; the published entries move to the right-hand side.
     */
    private void addConstraint(List<int[]> line) {
        double[] coefficients = new double[variables.size()];
        double rightHandSide = 0;
        boolean any = false;
        for (int k = 0; k < line.size(); k++) {
            int[] entry = line.get(k);
            int sign = k == line.size() - 1 ? -1 : 1;
            int variable = index[entry[0]][entry[1]];
            if (variable >= 0) {
                coefficients[variable] += sign;
                rightHandSide -= sign; // the 1 of 1 + y
                any = true;
            } else {
                rightHandSide -= sign * (double) pattern.value(entry);
            }
        }
        if (any) {
            constraints.add(new LinearConstraint(coefficients, Relationship.EQ, rightHandSide));
        }
    }
}
