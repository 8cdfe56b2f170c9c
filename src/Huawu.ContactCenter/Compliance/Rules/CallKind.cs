namespace Huawu.ContactCenter.Compliance.Rules;

/// <summary>Who speaks when the callee answers: the law treats automated (artificial or prerecorded voice) calls apart.</summary>
public enum CallKind
{
    /// <summary>The robot, a recorded prompt, TTS: an automated call.</summary>
    Robot,

    /// <summary>A person (an agent's manual or preview call).</summary>
    Human,
}

/// <summary>Why the call is made: consent rules apply to marketing (commercial) calls and, in some countries, to every automated call.</summary>
public enum CallPurpose
{
    /// <summary>Selling or promoting (商业性电话, telemarketing, direct marketing).</summary>
    Marketing,

    /// <summary>Informational or transactional: reminders, notifications, collections, surveys.</summary>
    Service,
}
