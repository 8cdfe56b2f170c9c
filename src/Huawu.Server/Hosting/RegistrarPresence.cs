using Huawu.ContactCenter.Acd;
using Huawu.Telephony.Engine;

namespace Huawu.Server.Hosting;

/// <summary>The ACD's view of the node's registrar: an extension is present while a phone of it is registered.</summary>
internal sealed class RegistrarPresence(TelephonyEngine engine) : IPhonePresence
{
    public bool IsRegistered(string extension) => engine.IsRegistered(extension);
}
