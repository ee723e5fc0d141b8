package cn.spotcheck.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CreditCodeTest {

    @ParameterizedTest
    @ValueSource(strings = {"91350100M000100Y43", "91110108551385082Q", "9144030071526726XG", "91330100716105852F"})
    void acceptsRealCodes(String code) {
        assertThat(CreditCode.problem(code)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({
            "91110108551385082q, 91110108551385082Q",
            "'９１１１０１０８５５１３８５０８２Ｑ', 91110108551385082Q",
            "' 9144 0300 7152 6726XG ', 9144030071526726XG",
    })
    void normalisesLowerCaseFullWidthAndSpaces(String typed, String expected) {
        String normalised = CreditCode.normalise(typed);
        assertThat(normalised).isEqualTo(expected);
        assertThat(CreditCode.isValid(normalised)).isTrue();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "91110108551385082R | 第 18 位校验码应为“Q”，实际为“R”",
            "91110108551385072Q | 第 17 位（组织机构代码校验码）应为“4”，实际为“2”",
            "91110108551385O82Q | 第 15 位字符“O”不合法",
            "9111010855138508   | 应为 18 位，实际为 16 位",
            "9111A108551385082Q | 第 5 位应为数字",
    })
    void saysWhichCharacterIsWrong(String code, String message) {
        assertThat(CreditCode.problem(code)).hasValueSatisfying(p -> assertThat(p).contains(message.strip()));
    }
}
