package cn.spotcheck.draw.algorithm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

/** The candidate file of version 2: canonical whatever the input order, read back exactly, and nothing else read. */
class CandidateListTest {

    @Test
    void theFileIsTheSameWhateverOrderTheCandidatesCameInAndReadsBackExactly() {
        List<Candidate> candidates = new ArrayList<>();
        Random random = new Random(3);
        for (int i = 0; i < 2_000; i++) {
            candidates.add(new Candidate(i * 37L + random.nextInt(30), i % 3 == 0 ? "失信" : "B", 1 + random.nextInt(3)));
        }
        candidates.add(new Candidate(0, "A", 2));
        candidates.add(new Candidate(9_000_000_000_000L, "A", 100));
        List<Candidate> shuffled = new ArrayList<>(candidates);
        Collections.shuffle(shuffled, random);

        byte[] file = CandidateList.of(candidates).canonicalBytes();

        assertThat(CandidateList.of(shuffled).canonicalBytes()).isEqualTo(file);
        CandidateList read = CandidateList.parse(file);
        assertThat(read.toList()).containsExactlyElementsOf(CandidateList.of(shuffled).toList());
        assertThat(read.strata()).containsExactly("A", "B", "失信");
        assertThat(read.size()).isEqualTo(2_002);
        assertThat(read.digest(DrawAlgorithm.TICKET_STREAM)).isEqualTo(CandidateList.of(shuffled).digest(DrawAlgorithm.TICKET_STREAM));
        // consecutive ids cost two bytes each: a gap byte and a weight byte
        List<Candidate> dense = new ArrayList<>();
        for (long id = 1; id <= 100_000; id++) {
            dense.add(Candidate.of(id, "B"));
        }
        assertThat(CandidateList.of(dense).canonicalBytes().length).isLessThan(200_100);
    }

    @Test
    void aDamagedOrForeignFileIsRefusedWithAMessage() {
        byte[] file = CandidateList.of(List.of(Candidate.of(5, "A"), Candidate.of(9, "B"))).canonicalBytes();

        assertThatThrownBy(() -> CandidateList.parse(Arrays.copyOf(file, file.length - 1)))
                .isInstanceOf(InvalidDrawInputException.class).hasMessageContaining("不完整");
        assertThatThrownBy(() -> CandidateList.parse("5|A|2\n".getBytes()))
                .isInstanceOf(InvalidDrawInputException.class).hasMessageContaining("文件头");
        byte[] zeroWeight = file.clone();
        zeroWeight[CandidateList.FILE_HEADER.length + 4] = 0; // after "A\n", the count and the first gap: the weight
        assertThatThrownBy(() -> CandidateList.parse(zeroWeight))
                .isInstanceOf(InvalidDrawInputException.class).hasMessageContaining("抽取权重");
        byte[] twice = concat(file, Arrays.copyOfRange(file, CandidateList.FILE_HEADER.length, file.length));
        assertThatThrownBy(() -> CandidateList.parse(twice))
                .isInstanceOf(InvalidDrawInputException.class).hasMessageContaining("顺序");
    }

    @Test
    void anIdInTwoStrataIsRefused() {
        assertThatThrownBy(() -> CandidateList.of(List.of(Candidate.of(5, "A"), Candidate.of(5, "B"))))
                .isInstanceOf(InvalidDrawInputException.class).hasMessageContaining("候选检查对象重复").hasMessageContaining("5");
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] both = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }
}
