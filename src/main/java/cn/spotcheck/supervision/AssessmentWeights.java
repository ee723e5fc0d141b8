package cn.spotcheck.supervision;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * 绩效考核: the points each part of a department's year is worth ({@code spotcheck.assessment.*}); a part fully met
 * earns all its points, a part met in share earns that share.
 */
@ConfigurationProperties(prefix = "spotcheck.assessment")
record AssessmentWeights(Integer planOnTime, Integer inspected, Integer publishedOnTime, Integer followUpsClosed, Integer noticesAnswered) {

    AssessmentWeights {
        planOnTime = orDefault(planOnTime, 10);
        inspected = orDefault(inspected, 30);
        publishedOnTime = orDefault(publishedOnTime, 30);
        followUpsClosed = orDefault(followUpsClosed, 15);
        noticesAnswered = orDefault(noticesAnswered, 15);
    }

    int total() {
        return planOnTime + inspected + publishedOnTime + followUpsClosed + noticesAnswered;
    }

    private static int orDefault(Integer weight, int fallback) {
        return weight == null || weight < 0 ? fallback : weight;
    }
}
