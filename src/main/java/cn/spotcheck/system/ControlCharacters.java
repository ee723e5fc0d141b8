package cn.spotcheck.system;

/**
 * Text a person typed never holds control characters (NUL and the other C0 codes except tab and line breaks):
 * PostgreSQL cannot store NUL, and the others only hide things. They are refused at the edge, naming the field.
 */
public final class ControlCharacters {

    private ControlCharacters() {
    }

    public static boolean present(String text) {
        if (text == null) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' || c == 0x7F) {
                return true;
            }
        }
        return false;
    }

    public static String message(String field) {
        return "字段 " + field + " 含有不可见的控制字符（如 \\u0000），请删除后重新提交";
    }
}
