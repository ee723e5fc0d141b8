package cn.spotcheck.disclosure;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.function.Function;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.spotcheck.calendar.BureauTime;
import cn.spotcheck.system.ApiException;

/**
 * 开放数据: a year's published results as CSV (UTF-8 with a byte-order mark, so that Excel reads the Chinese) or JSON,
 * with exactly the fields the result pages show, described on {@code /public/open-data}.
 */
@Controller
class OpenData {

    private static final DateTimeFormatter PUBLISHED_AT = DateTimeFormatter.ISO_OFFSET_DATE_TIME.withZone(BureauTime.ZONE);

    /**
     * The fields, in order: JSON key, CSV heading, what it means, and its value in a result. The result pages show
     * these and nothing more; both formats are written from this one list.
     */
    record Field(String key, String heading, String meaning, Function<PublicResults.Result, Object> value) {
    }

    static final List<Field> FIELDS = List.of(
            new Field("code", "检查编号", "本次抽查检查的编号，每次检查唯一", PublicResults.Result::code),
            new Field("targetName", "检查对象", "被检查的市场主体名称", PublicResults.Result::targetName),
            new Field("uscc", "统一社会信用代码", "统一社会信用代码（个体工商户等无代码的为注册号）", PublicResults.Result::targetCode),
            new Field("items", "检查事项", "抽查事项编号；JSON 中为数组，CSV 中以“、”分隔", PublicResults.Result::items),
            new Field("resultCategory", "检查结果", "抽查检查结果类别，如“未发现问题”“发现问题已责令改正”", PublicResults.Result::resultCategory),
            new Field("outcome", "查处结果", "发现问题的后续处置办结后的结果，如“责令改正，已整改到位”“立案查处：行政处罚决定书……，罚款……”；尚无的为空",
                    PublicResults.Result::outcome),
            new Field("correction", "更正说明", "公示后经审核更正的结果：更正日期、原公示的检查结果和更正原因；未更正的为空",
                    PublicResults.Result::correction),
            new Field("inspectionEndDate", "检查完成日期", "检查完成的日期，格式 YYYY-MM-DD",
                    r -> r.inspectionEndDate() == null ? null : r.inspectionEndDate().toString()),
            new Field("publishedAt", "公示时间", "结果公示的时间（北京时间），ISO-8601 格式，如 2027-05-12T10:30:00+08:00",
                    r -> PUBLISHED_AT.format(r.publishedAt())));

    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    private static final int FIRST_YEAR = 2000;

    private final PublicResults results;
    private final ObjectMapper json;

    OpenData(PublicResults results, ObjectMapper json) {
        this.results = results;
        this.json = json;
    }

    @GetMapping("/public/open-data")
    String page(Model model) {
        model.addAttribute("fields", FIELDS);
        model.addAttribute("years", results.years());
        return "public/open-data";
    }

    @GetMapping("/public/open-data/results")
    ResponseEntity<StreamingResponseBody> results(@RequestParam(name = "year", required = false) String year,
                                                  @RequestParam(name = "format", required = false) String format) {
        int y = year(year);
        String f = format == null || format.isBlank() ? "csv" : format.strip().toLowerCase();
        StreamingResponseBody body = switch (f) {
            case "csv" -> out -> {
                out.write(BOM);
                BufferedWriter writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
                writer.write(String.join(",", FIELDS.stream().map(Field::heading).toList()));
                writer.write("\r\n");
                results.forEachOfYear(y, r -> {
                    try {
                        writer.write(String.join(",", FIELDS.stream().map(field -> csv(text(field.value().apply(r)))).toList()));
                        writer.write("\r\n");
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
                writer.flush();
            };
            case "json" -> out -> {
                JsonGenerator g = json.createGenerator(out);
                g.writeStartArray();
                results.forEachOfYear(y, r -> {
                    try {
                        g.writeStartObject();
                        for (Field field : FIELDS) {
                            g.writeObjectField(field.key(), field.value().apply(r));
                        }
                        g.writeEndObject();
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
                g.writeEndArray();
                g.flush();
            };
            default -> throw ApiException.badRequest("format", "参数 format 只能是 csv 或 json，而不是“" + format + "”");
        };
        MediaType type = "csv".equals(f) ? new MediaType("text", "csv", StandardCharsets.UTF_8) : MediaType.APPLICATION_JSON;
        return ResponseEntity.ok().contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("抽查检查结果-" + y + "." + f, StandardCharsets.UTF_8).build().toString())
                .body(body);
    }

    private static int year(String year) {
        int last = BureauTime.today().getYear();
        if (year == null || year.isBlank()) {
            throw ApiException.badRequest("year", "请用参数 year 指定公示年度，例如 year=" + last);
        }
        try {
            int y = Integer.parseInt(year.strip());
            if (y >= FIRST_YEAR && y <= last) {
                return y;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw ApiException.badRequest("year", "参数 year 应为 " + FIRST_YEAR + " 至 " + last + " 之间的年份，而不是“" + year + "”");
    }

    /** A list as the pages show it, joined by “、”. */
    private static String text(Object value) {
        return value instanceof List<?> list ? String.join("、", list.stream().map(String::valueOf).toList())
                : value == null ? null : value.toString();
    }

    /** A CSV field: quoted when it holds a comma, quote or line break; a leading = + - @ is defused for spreadsheets. */
    static String csv(String value) {
        if (value == null) {
            return "";
        }
        String v = value;
        if (!v.isEmpty() && "=+-@".indexOf(v.charAt(0)) >= 0) {
            v = "'" + v;
        }
        if (v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r")) {
            return "\"" + v.replace("\"", "\"\"") + "\"";
        }
        return v;
    }
}
