using Huawu.Sip.Headers;
using Huawu.Sip.Messages;
using Huawu.Telephony.Configuration;
using Huawu.Telephony.Registrar;
using Huawu.Testing;

namespace Huawu.Telephony.Tests.Registrar;

/// <summary>A registrar for extensions 1001–1003 in huawu.local on fake time, recording every event.</summary>
internal sealed class RegistrarFixture : IDisposable
{
    public const string Domain = "huawu.local";

    public RegistrarFixture(Func<RegistrarOptions, RegistrarOptions>? adjust = null, string domain = Domain, params string[] extraUsers)
    {
        var options = new RegistrarOptions { Domain = domain, Aliases = ["192.0.2.1"] };
        Registrar = new SipRegistrar(
            adjust?.Invoke(options) ?? options,
            [
                new ExtensionOptions { Number = "1001", Password = "secret-1001" },
                new ExtensionOptions { Number = "1002", Password = "secret-1002" },
                new ExtensionOptions { Number = "1003", Password = "secret-1003" },
                .. extraUsers.Select(u => new ExtensionOptions { Number = u, Password = "secret-" + u }),
            ],
            Time,
            Events.Add);
    }

    public ManualTimeProvider Time { get; } = new();

    public List<RegistrationEvent> Events { get; } = [];

    public SipRegistrar Registrar { get; }

    public TestPhone Phone(string user = "1001", string? password = null) => new(user, password ?? "secret-" + user);

    public void Dispose() => Registrar.Dispose();

    /// <summary>The Contact values of a 200 as (URI, expires) pairs, in the order listed.</summary>
    public static List<(string Uri, string? Expires)> ContactsOf(SipMessage response) =>
        [.. response.Contacts.Select(c => (c.Uri.ToString(), c.Parameters.GetValue("expires")))];

    public static string HeaderOf(SipMessage message, HeaderId id) =>
        message.TryGetHeader(id, out var header) ? header.Value : throw new Xunit.Sdk.XunitException($"no {id} header");
}
