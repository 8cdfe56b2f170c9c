using Huawu.Telephony.Configuration;
using Huawu.Telephony.Trunks;

namespace Huawu.Telephony.Tests.Engine;

/// <summary>
/// The rig with the callee engine as the node under test, serving extensions 1001 and 1002, and the caller engine as
/// both a caller (through its trunk) and extension 1001's phone: its trunk registers as 1001, so calls to 1001 reach
/// the caller engine's inbound handler.
/// </summary>
internal static class ExtensionRig
{
    public const string Password = "s3cret";

    public static async Task<EngineRig> StartAsync(Action<TelephonyOptions>? configureNode = null)
    {
        var rig = await EngineRig.StartAsync(
            node =>
            {
                node.Extensions.Add(new ExtensionOptions { Number = "1001", Password = Password });
                node.Extensions.Add(new ExtensionOptions { Number = "1002", Password = Password });
                configureNode?.Invoke(node);
            },
            phones =>
            {
                phones.Trunks[0].Register = true;
                phones.Trunks[0].Username = "1001";
                phones.Trunks[0].Password = Password;
            });
        await Eventually.TrueAsync(() => rig.Caller.GetTrunkStatus("callee")?.Registration == TrunkRegistrationState.Registered, "1001 registered\n" + rig.Log);
        return rig;
    }
}
