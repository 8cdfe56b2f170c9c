using System.Diagnostics;
using System.Globalization;

namespace Huawu.Speech.Tests.Vad;

/// <summary>sox (installed by scripts/setup.sh) as tests use it: decoding what Huawu.Media does not read, making noise.</summary>
internal static class Sox
{
    /// <summary>The mono 16-bit samples of any file sox reads, at its own rate.</summary>
    public static (int SampleRate, short[] Samples) Read(string path)
    {
        var rate = int.Parse(Text("soxi", "-r", path).Trim(), CultureInfo.InvariantCulture);
        return (rate, Samples(Bytes("sox", path, "-t", "s16", "-c", "1", "-")));
    }

    /// <summary>Runs sox with these arguments (files in, files out).</summary>
    public static void Run(params string[] arguments) => Bytes("sox", arguments);

    /// <summary>White noise from sox's synth, repeatable (<c>-R</c> seeds its generator), full scale.</summary>
    public static short[] WhiteNoise(int sampleRate, int count)
    {
        var seconds = ((double)count / sampleRate).ToString("R", CultureInfo.InvariantCulture);
        var noise = Samples(Bytes("sox", "-R", "-n", "-r", sampleRate.ToString(CultureInfo.InvariantCulture), "-c", "1", "-b", "16", "-t", "s16", "-",
            "synth", seconds, "whitenoise"));
        Assert.True(noise.Length >= count, $"sox made {noise.Length} samples of noise, not {count}");
        return noise[..count];
    }

    private static short[] Samples(byte[] bytes)
    {
        var samples = new short[bytes.Length / 2];
        Buffer.BlockCopy(bytes, 0, samples, 0, samples.Length * 2);
        return samples;
    }

    private static string Text(string program, params string[] arguments) => System.Text.Encoding.UTF8.GetString(Bytes(program, arguments));

    private static byte[] Bytes(string program, params string[] arguments)
    {
        var info = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments) info.ArgumentList.Add(argument);
        using var process = Process.Start(info) ?? throw new InvalidOperationException($"{program} did not start");
        using var output = new MemoryStream();
        var errors = process.StandardError.ReadToEndAsync();
        process.StandardOutput.BaseStream.CopyTo(output);
        Assert.True(process.WaitForExit(60_000), $"{program} did not finish within a minute");
        Assert.True(process.ExitCode == 0, $"{program} {string.Join(' ', arguments)} failed: {errors.Result}");
        return output.ToArray();
    }
}
