package dev.cutout.vision.data;

/**
 * One network-ready example: normalised planar RGB ({@code 3 x size x size}) and the target
 * mask in [0,1] ({@code size x size}).
 */
public record TrainingExample(int size, float[] input, float[] mask) {}
