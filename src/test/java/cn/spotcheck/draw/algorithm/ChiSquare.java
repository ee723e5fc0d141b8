package cn.spotcheck.draw.algorithm;

/**
 * Goodness of fit for "how often was each item selected" when every run selects exactly k of n exchangeable
 * items (a target draw in one stratum, the inspectors of one target). Floating point is fine here: this is the
 * test, not the draw.
 *
 * <p>For one run, each item is selected with probability p = k/n, variance p(1-p), and — because exactly k are
 * selected — covariance -p(1-p)/(n-1) between two items. On the n-1 dimensions orthogonal to the fixed total
 * that covariance matrix is p(1-p)·n/(n-1)·I, so over R independent runs
 * {@code (n-1)/n · Σ (O_i - R·p)² / (R·p·(1-p))} is approximately chi-square with n-1 degrees of freedom.
 * Statistics of independent groups (different strata) add up, and so do their degrees of freedom.
 */
final class ChiSquare {

    /** Standard normal quantile for an upper tail of 0.001. */
    static final double Z_P001 = 3.090232306167813;

    private ChiSquare() {
    }

    static double selectionStatistic(long[] counts, int runs, double p) {
        int n = counts.length;
        double expected = runs * p;
        double variance = runs * p * (1 - p);
        double sum = 0;
        for (long observed : counts) {
            sum += (observed - expected) * (observed - expected) / variance;
        }
        return sum * (n - 1) / n;
    }

    /**
     * Upper critical value of chi-square with {@code df} degrees of freedom at p = 0.001, by the Wilson–Hilferty
     * approximation: (X/df)^(1/3) is nearly normal with mean 1 - 2/(9 df) and variance 2/(9 df).
     */
    static double criticalValueP001(int df) {
        double h = 2.0 / (9.0 * df);
        return df * Math.pow(1 - h + Z_P001 * Math.sqrt(h), 3);
    }
}
