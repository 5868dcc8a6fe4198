package dev.cutout.vision.verify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cutout.vision.quality.ClusterAssignment;
import dev.cutout.vision.quality.MaskEvidence;
import dev.cutout.vision.quality.QualityAssessment;
import dev.cutout.vision.quality.QualityReason;
import java.io.IOException;
import java.io.StringWriter;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class VerifiedMaskCsvTest {

    private static final MaskEvidence EVIDENCE = new MaskEvidence(10, 10, 0.5, 0, 0, 40, 1, 0, 0, 0, 0, Set.of(), 1);

    @Test
    void writesOneRowPerMaskWithVerdictAndTruth() throws IOException {
        ClusterAssignment cars = new ClusterAssignment(2, "cars", 0.9);
        List<VerifiedMask> masks = List.of(
                new VerifiedMask("a_01.jpg", "carvana-val", 0.97, new QualityAssessment(0.95, List.of(), EVIDENCE, cars)),
                new VerifiedMask("b,2.jpg", "duts-val", 0.60, new QualityAssessment(0.55,
                        List.of(QualityReason.MISSING_PART, QualityReason.HOLES), EVIDENCE)));
        StringWriter out = new StringWriter();

        VerifiedMaskCsv.write(masks, out);

        assertThat(out.toString().split("\n")).containsExactly(
                VerifiedMaskCsv.HEADER,
                "carvana-val,a_01.jpg,2,0.9000,0.950000,0.970000,true,true,",
                "duts-val,\"b,2.jpg\",-1,1.0000,0.550000,0.600000,false,false,MISSING_PART|HOLES");
    }
}
