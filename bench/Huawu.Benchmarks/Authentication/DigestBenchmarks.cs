using BenchmarkDotNet.Attributes;
using Huawu.Sip.Authentication;

namespace Huawu.Benchmarks.Authentication;

/// <summary>A registrar checks one Authorization per REGISTER; this is the cost per check.</summary>
[MemoryDiagnoser]
public class DigestBenchmarks
{
    private const string Realm = "huawu.example";
    private const string Uri = "sip:huawu.example";

    private readonly DigestCredential _credential = DigestCredential.FromPassword("secret");
    private DigestServer _server = null!;
    private DigestClient _client = null!;
    private string _authorization = null!;

    [Params(DigestAlgorithm.Md5, DigestAlgorithm.Sha256)]
    public DigestAlgorithm Algorithm { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _server = new DigestServer(
            new DigestServerOptions
            {
                Realm = Realm,
                Secret = new byte[32],
                Algorithms = [Algorithm],
                NonceLifetime = TimeSpan.FromHours(1),
            },
            TimeProvider.System);
        _client = new DigestClient("alice", "secret");
        _authorization = _client.Respond(_server.CreateChallenges(), "REGISTER", Uri).Authorization!;
    }

    [Benchmark]
    public bool ParseAuthorization() => DigestAuthorization.TryParse(_authorization, out _, out _);

    /// <summary>The client signs the next request (nc + 1) and the server verifies it, as on every REGISTER refresh.</summary>
    [Benchmark]
    public bool AuthorizeAndVerify()
    {
        _client.TryAuthorize(Realm, "REGISTER", Uri, out var authorization);
        return _server.Verify(authorization!, "REGISTER", _ => _credential).IsAuthenticated;
    }
}
