namespace Huawu.Data.Accounts;

/// <summary>What a user may do; the permission matrix per role lives with the API (docs/).</summary>
public enum Role
{
    Admin,
    Supervisor,
    CampaignManager,
    Agent,
    QualityAuditor,
    ReadonlyAuditor,
}
