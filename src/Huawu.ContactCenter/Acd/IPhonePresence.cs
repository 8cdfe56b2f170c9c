namespace Huawu.ContactCenter.Acd;

/// <summary>Whether an extension has a phone registered now (the node's registrar).</summary>
public interface IPhonePresence
{
    bool IsRegistered(string extension);
}
