using Huawu.Media.Audio;
using Huawu.Media.Clock;

namespace Huawu.Media.Dsp;

/// <summary>
/// Mixes a conference: every party hears the sum of all other parties but not itself, saturated to 16 bits.
/// O(N) per sample: sum everyone once, then subtract each party's own input. Subscribe it to the clock's
/// <see cref="MediaTickPhase.Mix"/> phase; parties are written in Receive and read in Send. Parties may be
/// added and removed from any thread.
/// </summary>
public sealed class ConferenceMixer : IMediaTickHandler
{
    private readonly Lock _gate = new();
    private readonly int[] _sum;
    private MixerParty[] _parties = [];

    public ConferenceMixer(int sampleRate)
    {
        SampleRate = sampleRate;
        _sum = new int[PcmFrame.SamplesPerFrame(sampleRate)];
    }

    public int SampleRate { get; }

    public int PartyCount => Volatile.Read(ref _parties).Length;

    /// <summary>Adds a party: write its speech into it (an <see cref="IAudioSink"/>), read what it hears from it (an <see cref="IAudioSource"/>).</summary>
    public MixerParty AddParty()
    {
        var party = new MixerParty(this, _sum.Length);
        lock (_gate) Volatile.Write(ref _parties, [.. _parties, party]);
        return party;
    }

    public void RemoveParty(MixerParty party)
    {
        lock (_gate) Volatile.Write(ref _parties, [.. _parties.Where(p => p != party)]);
    }

    public void OnTick(in MediaTick tick) => Mix(tick.Index);

    /// <summary>Mixes tick <paramref name="tickIndex"/>: parties that wrote no input for it count as silent.</summary>
    public void Mix(long tickIndex)
    {
        var parties = Volatile.Read(ref _parties);
        var sum = _sum.AsSpan();
        sum.Clear();
        var speakers = 0;
        foreach (var party in parties)
        {
            if (!party.HasInputFor(tickIndex)) continue;
            speakers++;
            var input = party.Input;
            for (var i = 0; i < sum.Length; i++) sum[i] += input[i];
        }
        foreach (var party in parties)
        {
            var hasInput = party.HasInputFor(tickIndex);
            var othersSpeaking = speakers - (hasInput ? 1 : 0);
            party.SetOutput(tickIndex, othersSpeaking > 0, sum, hasInput);
        }
    }
}
