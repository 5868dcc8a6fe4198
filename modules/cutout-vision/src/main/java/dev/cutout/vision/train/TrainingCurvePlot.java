package dev.cutout.vision.train;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;

/** Renders a run's loss and validation curves to a PNG beside the checkpoint. */
final class TrainingCurvePlot {

    private TrainingCurvePlot() {}

    static void write(List<EpochRecord> history, Path png) throws IOException {
        if (history.isEmpty()) {
            return;
        }
        double[] epochs = history.stream().mapToDouble(EpochRecord::epoch).toArray();
        XYChart chart = new XYChartBuilder().width(800).height(500).title("Segmenter training")
                .xAxisTitle("epoch").yAxisTitle("value").build();
        chart.addSeries("train loss / 4", epochs, history.stream().mapToDouble(r -> r.trainLoss() / 4).toArray());
        chart.addSeries("val IoU", epochs, history.stream().mapToDouble(EpochRecord::validationIou).toArray());
        chart.addSeries("val max-F", epochs, history.stream().mapToDouble(EpochRecord::validationMaxF).toArray());
        chart.addSeries("val MAE", epochs, history.stream().mapToDouble(EpochRecord::validationMae).toArray());
        String file = png.toString();
        BitmapEncoder.saveBitmap(chart, file.endsWith(".png") ? file.substring(0, file.length() - 4) : file,
                BitmapEncoder.BitmapFormat.PNG);
    }
}
