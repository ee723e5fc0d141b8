package cn.spotcheck.system;

/** One field's problem, in Chinese, as the API reports it. */
public record FieldMessage(String field, String message) {
}
