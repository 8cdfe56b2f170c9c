namespace Huawu.Speech.Pipeline;

/// <summary>
/// One turn's latency, from the end of the caller's speech (the end of the last speech window, not the endpoint decision)
/// to the first packet of the robot's reply, split where the time went. Measured on the pipeline's clock: the media clock's
/// tick times for what happens on the media thread, the same clock's readings for what happens off it.
/// </summary>
/// <param name="Total">End of speech → first reply packet: what the caller waits.</param>
/// <param name="Endpointing">End of speech → the endpoint decision: the trailing silence, plus the window and frame it takes to see it.</param>
/// <param name="TrailingSilence">The trailing silence the turn's endpointing waits for (the chosen part of <paramref name="Endpointing"/>).</param>
/// <param name="Recognition">Endpoint → the recognizer's final result: the engine finishing the utterance.</param>
/// <param name="Dialogue">Final result → the reply asked for: the dialogue deciding what to say.</param>
/// <param name="Synthesis">Reply asked for → its first audio from the engine (TTS, a recording).</param>
/// <param name="Playout">First audio → first packet: conversion to the call's rate, queueing and the wait for the next tick.</param>
public sealed record TurnLatency(
    TimeSpan Total, TimeSpan Endpointing, TimeSpan TrailingSilence, TimeSpan Recognition, TimeSpan Dialogue, TimeSpan Synthesis, TimeSpan Playout)
{
    /// <summary>
    /// The pipeline's own part: the total less the chosen trailing silence and the engines' and the dialogue's compute
    /// (window and frame granularity of the endpoint, hand-offs, conversion, the tick wait).
    /// </summary>
    public TimeSpan Overhead => Total - TrailingSilence - Recognition - Dialogue - Synthesis;
}
