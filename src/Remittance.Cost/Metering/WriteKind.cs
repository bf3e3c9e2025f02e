namespace Remittance.Cost.Metering;

public enum WriteKind
{
    Put,
    Update,
    Delete,

    /// <summary>A transaction's ConditionCheck: priced as a transactional write of the item, changes nothing.</summary>
    ConditionCheck,
}
