package cn.spotcheck.draw.algorithm;

/**
 * One target that may be drawn. {@code stratum} is the level it is drawn in (a credit level code such as "A" or
 * "失信", or anything the task stratifies by). {@code weight} is its number of tickets: {@link #NORMAL_WEIGHT}
 * normally, {@link #REDUCED_WEIGHT} when it was recently inspected for the same item and should be drawn less
 * often (无事不扰). The caller decides weights; the draw only honours them.
 */
public record Candidate(long id, String stratum, int weight) {

    public static final int NORMAL_WEIGHT = 2;
    public static final int REDUCED_WEIGHT = 1;
    /** Each ticket costs one hash; a bound keeps a typo from turning a draw into minutes of hashing. */
    public static final int MAX_WEIGHT = 100;

    public Candidate {
        Codes.require(stratum, "检查对象 " + id + " 的分层（信用等级）");
        if (weight < 1 || weight > MAX_WEIGHT) {
            throw new InvalidDrawInputException("检查对象 " + id + " 的抽取权重 " + weight + " 无效：须为 1 至 "
                    + MAX_WEIGHT + " 的整数（2 为正常，1 为近期已检查、降低抽中机会）");
        }
    }

    /** A candidate with the normal weight. */
    public static Candidate of(long id, String stratum) {
        return new Candidate(id, stratum, NORMAL_WEIGHT);
    }
}
