using Huawu.Data.Calls;
using Huawu.Telephony.Calls;
using Huawu.Telephony.Cti;

namespace Huawu.Server.Calls;

/// <summary>A CTI hang-up in the store's terms: the leg's end, and which side hung up.</summary>
internal static class HangupRecord
{
    public static LegEnd LegEnd(CallHungUp hungUp)
    {
        ArgumentNullException.ThrowIfNull(hungUp);
        return new LegEnd(hungUp.At, hungUp.Cause.ToString()) { HangupSide = Side(hungUp.By), SipStatus = hungUp.SipStatus };
    }

    public static CallSide Side(HangupSide by) => by == HangupSide.Remote ? CallSide.Remote : CallSide.Local;
}
