package dev.kotae.bench;

/** Latency percentiles (milliseconds) and the rate achieved (calls per second) of one measurement. */
record Latency(double p50Millis, double p99Millis, double perSecond) {}
