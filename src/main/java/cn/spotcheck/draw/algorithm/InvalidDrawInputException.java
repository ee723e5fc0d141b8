package cn.spotcheck.draw.algorithm;

/**
 * Input the draw refuses to work with (duplicates, a ratio out of range, a stratum without a ratio, fewer than two
 * inspectors per target...). The message is Chinese and names the offending value; the caller maps it to a 400.
 */
public class InvalidDrawInputException extends IllegalArgumentException {

    public InvalidDrawInputException(String message) {
        super(message);
    }
}
